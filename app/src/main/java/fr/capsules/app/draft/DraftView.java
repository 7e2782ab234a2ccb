package fr.capsules.app.draft;

import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.ask.Citation;
import java.time.Instant;
import java.util.List;

/** The JSON of a draft ({@code ../shared/API.md}), with the AI version beside the current one. */
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
        int revision) {

    static DraftView of(Draft d) {
        return new DraftView(d.id(), d.capsuleId(), d.capsuleName(), d.capsuleVersion(), d.kind(), d.status(), true,
                d.status() == DraftStatus.VALIDATED ? "Généré par IA — validé par " + d.validatedBy().name() : Answer.LABEL,
                d.model(), d.question(), d.content(), d.aiContent(), d.editShare(), d.citations(), d.warnings(),
                username(d.createdBy()), d.createdBy().name(), d.createdAt(), username(d.editedBy()), d.editedAt(),
                username(d.validatedBy()), d.validatedBy() == null ? null : d.validatedBy().name(), d.validatedAt(),
                username(d.rejectedBy()), d.rejectedAt(), d.rejectionReason(), d.revision());
    }

    private static String username(Draft.Person person) {
        return person == null ? null : person.username();
    }
}
