package fr.capsules.app.draft;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.ask.Citation;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.app.provenance.Provenance;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A draft and its review: the AI's version, kept unchanged, and the current (human) version; it
 * moves {@code generated → edited → validated | rejected} only through its own methods, which
 * refuse every other move with a reason. Validation also requires that the validator acknowledge
 * every warning of the draft ({@link #openWarnings()}); the acknowledgements are kept with it.
 * Immutable: each transition returns the next state with its revision incremented. Its {@link Provenance} (the
 * published version and the model digest it was drafted from) is fixed at creation and never changes.
 */
public record Draft(
        String id,
        String capsuleId,
        int capsuleVersion,
        String capsuleName,
        DraftKind kind,
        DraftStatus status,
        String model,
        String question,
        DraftContent aiContent,
        DraftContent content,
        List<Citation> citations,
        List<AnswerWarning> warnings,
        double editShare,
        Person createdBy,
        Instant createdAt,
        Person editedBy,
        Instant editedAt,
        Person validatedBy,
        Instant validatedAt,
        Person rejectedBy,
        Instant rejectedAt,
        String rejectionReason,
        List<Acknowledgement> acknowledgements,
        List<Person> reviewers,
        List<String> editors,
        int revision,
        Provenance provenance) {

    /** Who did something: login and the name shown on validations and exports. */
    public record Person(String username, String name) {
        public static Person of(CapsulesUser user) {
            return new Person(user.username(), user.displayName());
        }
    }

    public Draft {
        citations = List.copyOf(citations);
        warnings = List.copyOf(warnings);
        acknowledgements = acknowledgements == null ? List.of() : List.copyOf(acknowledgements);
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
        editors = editors == null ? List.of() : List.copyOf(editors);
        provenance = provenance == null ? Provenance.stored(null, model, null, null) : provenance;
    }

    /** A new draft, as the AI wrote it. */
    static Draft generated(String capsuleId, int capsuleVersion, String capsuleName, String model, String question,
            DraftContent content, List<Citation> citations, List<AnswerWarning> warnings, CapsulesUser creator, Instant at,
            Provenance provenance) {
        return new Draft(UUID.randomUUID().toString(), capsuleId, capsuleVersion, capsuleName, content.kind(),
                DraftStatus.GENERATED, model, question, content, content, citations, warnings, 0, Person.of(creator), at,
                null, null, null, null, null, null, null, List.of(), List.of(), List.of(), 1, provenance);
    }

    /** A person's new version; the AI's version stays as it was. */
    Draft edit(DraftContent newContent, CapsulesUser editor, Instant at) {
        if (status.isDecided()) {
            throw new IllegalDraftTransitionException("ce brouillon est " + label(status)
                    + " : il ne peut plus être modifié ; créez un nouveau brouillon si nécessaire");
        }
        checkShape(newContent);
        return new Draft(id, capsuleId, capsuleVersion, capsuleName, kind, DraftStatus.EDITED, model, question, aiContent,
                newContent, citations, warnings, EditShare.between(aiContent, newContent), createdBy, createdAt,
                Person.of(editor), at, null, null, null, null, null, List.of(), reviewers,
                EditShare.between(content, newContent) == 0 ? editors : withEditor(editor.username()),
                revision + 1, provenance);
    }

    /**
     * Validation by a named person, who has acknowledged every warning of the draft.
     *
     * @param distinctValidator the capsule requires someone other than the creator
     * @param acknowledged the ids of the warnings the validator acknowledged ({@link DraftWarning#id()}); ids
     *     of no current warning are ignored
     * @throws IllegalDraftTransitionException when a warning is not acknowledged, naming each one
     */
    Draft validate(CapsulesUser validator, Instant at, boolean distinctValidator, Collection<String> acknowledged) {
        if (status.isDecided()) {
            throw new IllegalDraftTransitionException("ce brouillon est déjà " + label(status)
                    + (status == DraftStatus.VALIDATED ? " (par " + validatedBy.name() + ")" : "")
                    + " : il ne peut pas être validé de nouveau");
        }
        if (distinctValidator && validator.username().equals(createdBy.username())) {
            throw new IllegalDraftTransitionException("cette capsule exige que le brouillon soit validé par une autre"
                    + " personne que celle qui l'a créé (" + createdBy.name() + ") : confiez-en la validation à un collègue");
        }
        if (distinctValidator && editors.contains(validator.username())) {
            throw new IllegalDraftTransitionException("cette capsule exige que le brouillon soit validé par une personne"
                    + " qui n'en a pas modifié le contenu ; vous l'avez modifié : confiez-en la validation à un collègue");
        }
        List<DraftWarning> open = openWarnings();
        List<DraftWarning> unacknowledged = open.stream().filter(w -> !acknowledged.contains(w.id())).toList();
        if (!unacknowledged.isEmpty()) {
            throw new IllegalDraftTransitionException(UnacknowledgedWarnings.message(unacknowledged));
        }
        Person person = Person.of(validator);
        List<Acknowledgement> faced = open.stream().map(w -> new Acknowledgement(w, person, at)).toList();
        return new Draft(id, capsuleId, capsuleVersion, capsuleName, kind, DraftStatus.VALIDATED, model, question, aiContent,
                content, citations, warnings, editShare, createdBy, createdAt, editedBy, editedAt, person, at,
                null, null, null, faced, reviewers, editors, revision + 1, provenance);
    }

    /** The editors with this person added: someone whose save changed the text of the content (not only a warning). */
    private List<String> withEditor(String username) {
        if (editors.contains(username)) {
            return editors;
        }
        List<String> more = new java.util.ArrayList<>(editors);
        more.add(username);
        return more;
    }

    /**
     * Whether the person may see this draft at all (its question included): its author, the people it is assigned to
     * for validation, admins, and everyone who sees the capsule when the capsule shares its drafts with its service.
     * The caller has already checked that the person may see the capsule.
     */
    public boolean isShownTo(CapsulesUser user, boolean sharedWithService) {
        return sharedWithService || user.isAdmin() || createdBy.username().equals(user.username()) || isReviewer(user);
    }

    /** Whether the draft is assigned to this person for validation. */
    public boolean isReviewer(CapsulesUser user) {
        return reviewers.stream().anyMatch(p -> p.username().equals(user.username()));
    }

    /** The same draft assigned to these people for validation (replacing the previous assignment). */
    Draft assignedTo(List<Person> people) {
        if (status.isDecided()) {
            throw new IllegalDraftTransitionException("ce brouillon est déjà " + label(status)
                    + " : sa validation ne peut plus être confiée à personne");
        }
        return withReviewers(people);
    }

    /** The same draft with the people it is assigned to as stored. */
    Draft withReviewers(List<Person> people) {
        return new Draft(id, capsuleId, capsuleVersion, capsuleName, kind, status, model, question, aiContent, content,
                citations, warnings, editShare, createdBy, createdAt, editedBy, editedAt, validatedBy, validatedAt,
                rejectedBy, rejectedAt, rejectionReason, acknowledgements, people, editors, revision, provenance);
    }

    /** Every warning of the draft, in reading order (see {@link DraftWarnings}), acknowledged or not. */
    public List<DraftWarning> allWarnings() {
        return DraftWarnings.of(this);
    }

    /** The warnings nobody has acknowledged yet: all of them until the draft is validated, none after. */
    public List<DraftWarning> openWarnings() {
        Set<String> faced = new java.util.HashSet<>();
        acknowledgements.forEach(a -> faced.add(a.warning().id()));
        return allWarnings().stream().filter(w -> !faced.contains(w.id())).toList();
    }

    /** Rejection, with the reason. */
    Draft reject(CapsulesUser rejecter, Instant at, String reason) {
        if (status.isDecided()) {
            throw new IllegalDraftTransitionException("ce brouillon est déjà " + label(status) + " : il ne peut pas être rejeté");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("indiquez le motif du rejet dans le champ « reason »");
        }
        return new Draft(id, capsuleId, capsuleVersion, capsuleName, kind, DraftStatus.REJECTED, model, question, aiContent,
                content, citations, warnings, editShare, createdBy, createdAt, editedBy, editedAt, null, null,
                Person.of(rejecter), at, reason.strip(), List.of(), reviewers, editors, revision + 1, provenance);
    }

    /** Export is only for validated drafts. */
    void requireValidated() {
        if (status != DraftStatus.VALIDATED) {
            throw new IllegalDraftTransitionException("ce brouillon est " + label(status)
                    + " : seul un brouillon validé par une personne peut être exporté ; relisez-le puis validez-le");
        }
    }

    private void checkShape(DraftContent newContent) {
        if (newContent == null || newContent.kind() != kind) {
            throw new InvalidRequestException(kind == DraftKind.TEXT
                    ? "ce brouillon est un texte : envoyez {\"text\": \"…\"}"
                    : "ce brouillon est un tableau : envoyez {\"rows\": [{\"cells\": {…}}]}");
        }
        if (kind == DraftKind.TABLE) {
            Set<String> allowed = new java.util.HashSet<>();
            aiContent.columns().forEach(c -> allowed.add(c.name()));
            for (DraftContent.Row row : newContent.rows()) {
                for (String column : row.cells().keySet()) {
                    if (!allowed.contains(column)) {
                        throw new InvalidRequestException("colonne « " + column + " » inconnue dans ce tableau ; colonnes : "
                                + String.join(", ", allowed));
                    }
                }
            }
        }
    }

    /** The same content with the table's columns as the AI defined them (clients may omit them). */
    DraftContent normalise(DraftContent submitted) {
        if (kind == DraftKind.TABLE && submitted != null && submitted.columns().isEmpty()) {
            return DraftContent.table(aiContent.columns(), submitted.rows());
        }
        return submitted;
    }

    private static String label(DraftStatus status) {
        return switch (status) {
            case GENERATED -> "généré";
            case EDITED -> "modifié";
            case VALIDATED -> "validé";
            case REJECTED -> "rejeté";
        };
    }
}
