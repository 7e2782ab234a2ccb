package fr.capsules.app.draft;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.ask.Citation;
import fr.capsules.app.provenance.Provenance;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of a draft ({@code ../shared/API.md}), with the AI version beside the current one, the warnings still to
 * acknowledge before validation ({@code openWarnings}, each with the {@code id} to send back), those acknowledged at
 * validation, the SHA-256 of the current content ({@link ContentHash}) and the people the draft is assigned to for
 * validation ({@code reviewers}: {@code [{username, name}]}), and the published version and model digest it was
 * drafted from ({@code provenance}).
 */
record DraftView(
        String id,
        String capsuleId,
        String capsuleName,
        int capsuleVersion,
        DraftKind kind,
        DraftStatus status,
        boolean aiGenerated,
        String label,
        String model,
        String question,
        DraftContent content,
        DraftContent aiContent,
        double editShare,
        List<Citation> citations,
        List<AnswerWarning> warnings,
        String createdBy,
        String createdByName,
        Instant createdAt,
        String editedBy,
        Instant editedAt,
        String validatedBy,
        String validatedByName,
        Instant validatedAt,
        String rejectedBy,
        Instant rejectedAt,
        String rejectionReason,
        List<Warning> openWarnings,
        List<AcknowledgedWarning> acknowledgedWarnings,
        String contentSha256,
        List<Draft.Person> reviewers,
        int revision,
        Provenance provenance) {

    /** A warning as clients show it: {@code location} is "Brouillon", "Ligne 2" or "Ligne 2, Référence". */
    record Warning(String id, DraftWarning.Scope scope, Integer row, String column, String columnTitle, String location,
            String message) {
        static Warning of(DraftWarning w) {
            return new Warning(w.id(), w.scope(), w.row(), w.column(), w.columnTitle(), w.location(), w.message());
        }
    }

    /** An acknowledged warning, who acknowledged it ({@code acknowledgedBy} the login) and when. */
    record AcknowledgedWarning(Warning warning, String acknowledgedBy, String acknowledgedByName, Instant acknowledgedAt) {
        static AcknowledgedWarning of(Acknowledgement a) {
            return new AcknowledgedWarning(Warning.of(a.warning()), a.acknowledgedBy().username(), a.acknowledgedBy().name(),
                    a.acknowledgedAt());
        }
    }


    /**
     * Whether some of the model's output in this draft did not arrive whole: the answer it was made from, or a row of
     * the AI version ({@link #incompleteRows}); the warnings say why and must be acknowledged before validation.
     */
    @JsonProperty("incomplete")
    boolean incomplete() {
        return warnings.stream().anyMatch(w -> AnswerWarning.INCOMPLETE.equals(w.kind())) || !incompleteRows().isEmpty();
    }

    /** The 1-based numbers of the AI version's rows whose model output did not arrive whole. */
    @JsonProperty("incompleteRows")
    List<Integer> incompleteRows() {
        List<Integer> rows = new java.util.ArrayList<>();
        for (int r = 0; r < aiContent.rows().size(); r++) {
            if (aiContent.rows().get(r).incomplete()) {
                rows.add(r + 1);
            }
        }
        return rows;
    }

    static DraftView of(Draft d) {
        return new DraftView(d.id(), d.capsuleId(), d.capsuleName(), d.capsuleVersion(), d.kind(), d.status(), true,
                d.status() == DraftStatus.VALIDATED ? "Généré par IA — validé par " + d.validatedBy().name() : Answer.LABEL,
                d.model(), d.question(), d.content(), d.aiContent(), d.editShare(), d.citations(), d.warnings(),
                username(d.createdBy()), d.createdBy().name(), d.createdAt(), username(d.editedBy()), d.editedAt(),
                username(d.validatedBy()), d.validatedBy() == null ? null : d.validatedBy().name(), d.validatedAt(),
                username(d.rejectedBy()), d.rejectedAt(), d.rejectionReason(),
                d.openWarnings().stream().map(Warning::of).toList(),
                d.acknowledgements().stream().map(AcknowledgedWarning::of).toList(),
                ContentHash.of(d.content()), d.reviewers(), d.revision(), d.provenance());
    }

    private static String username(Draft.Person person) {
        return person == null ? null : person.username();
    }
}
