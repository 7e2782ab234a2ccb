package fr.capsules.app.draft;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.access.UserAccounts;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.kernel.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who a draft is assigned to for validation: its author (or an admin) names colleagues who may see the capsule; they
 * then see the draft and may validate it. The whole assignment is replaced each time, and audited.
 */
@Service
public class DraftAssignment {

    private static final int MAX_REVIEWERS = 10;

    private final DraftReview review;
    private final Drafts drafts;
    private final Capsules capsules;
    private final UserAccounts people;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    DraftAssignment(DraftReview review, Drafts drafts, Capsules capsules, UserAccounts people, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.review = review;
        this.drafts = drafts;
        this.capsules = capsules;
        this.people = people;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The colleagues this draft may be assigned to: the local accounts who may see its capsule, its author left out;
     * empty for a caller who may not assign it.
     */
    public List<Draft.Person> candidates(Draft draft, CapsulesUser user) {
        if (!user.isAdmin() && !draft.createdBy().username().equals(user.username())) {
            return List.of();
        }
        return capsules.find(draft.capsuleId()).map(capsule -> people.all().stream()
                        .map(a -> a.toUser())
                        .filter(p -> !p.username().equals(draft.createdBy().username()))
                        .filter(capsule::isVisibleTo)
                        .map(Draft.Person::of)
                        .sorted(java.util.Comparator.comparing(Draft.Person::name))
                        .toList())
                .orElse(List.of());
    }

    /**
     * Assigns the draft to these people (logins), replacing any previous assignment.
     *
     * @throws DraftNotFoundException when the caller may not see the draft
     * @throws ForbiddenException when the caller is neither its author nor an admin
     * @throws InvalidRequestException for an unknown person, one who may not see the capsule, or too many
     */
    public Draft assign(String draftId, List<String> usernames, CapsulesUser user) {
        Draft draft = review.get(draftId, user);
        if (!user.isAdmin() && !draft.createdBy().username().equals(user.username())) {
            throw new ForbiddenException("seul l'auteur du brouillon (ou un administrateur) en confie la validation");
        }
        Capsule capsule = capsules.require(draft.capsuleId(), user);
        LinkedHashSet<String> wanted = new LinkedHashSet<>(usernames == null ? List.of() : usernames.stream()
                .filter(java.util.Objects::nonNull).map(String::strip).filter(u -> !u.isEmpty()).toList());
        if (wanted.size() > MAX_REVIEWERS) {
            throw new InvalidRequestException("au plus " + MAX_REVIEWERS + " personnes par brouillon");
        }
        List<Draft.Person> reviewers = new ArrayList<>();
        for (String username : wanted) {
            CapsulesUser person = people.find(username).map(a -> a.toUser())
                    .orElseThrow(() -> new InvalidRequestException("« " + username + " » : personne inconnue"));
            if (!capsule.isVisibleTo(person)) {
                throw new InvalidRequestException("« " + person.displayName() + " » n'a pas accès à cette capsule :"
                        + " confiez la validation à un membre de son service");
            }
            reviewers.add(Draft.Person.of(person));
        }
        Draft assigned = draft.assignedTo(reviewers);
        transaction.executeWithoutResult(status -> {
            drafts.assign(draft.id(), reviewers);
            audit.record(user.username(), AuditAction.DRAFT_ASSIGNED, draft.capsuleId(), draft.capsuleVersion(),
                    Map.of("draftId", draft.id(), "reviewers", reviewers.stream().map(Draft.Person::username).toList()));
        });
        return assigned;
    }
}
