package fr.capsules.app.workshop;

import java.time.Instant;
import java.util.List;

/**
 * One evaluation run of a capsule's reference questions, on the content it had when it started
 * ({@code capsuleVersion}, {@code corpusHash}, {@code contentHash}). The JSON shape of
 * {@code GET /api/capsules/{id}/evaluations/{evaluationId}}.
 *
 * @param status {@code running}, {@code finished} or {@code failed}
 * @param passed null while running
 * @param model the model that answered, null when none was reachable (retrieval and abstention only)
 * @param failedChecks each threshold missed, in French, naming the questions at fault
 * @param comparison what changed since the previous finished run of the capsule; null for the first
 */
public record Evaluation(String id, String capsuleId, int capsuleVersion, String corpusHash, String contentHash, String status,
        String startedBy, Instant startedAt, Instant finishedAt, Boolean passed, String model, String modelDigest,
        Metrics metrics, Thresholds thresholds, List<QuestionResult> questions, List<String> failedChecks,
        Comparison comparison) {

    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";

    /**
     * The run's figures; a share is null when no question measures it (no unanswerable question, no model).
     *
     * @param hitAt5 share of answerable questions whose expected document came among the first five documents
     * @param mrr mean reciprocal rank of the first expected document (0 when not found)
     * @param answerableAbstained share of answerable questions the capsule declined
     * @param unanswerableAnswered share of unanswerable questions the capsule answered
     * @param factsFound share of expected facts found in the model's answers
     * @param groundingWarnings answers with at least one grounding or citation warning
     */
    public record Metrics(Double hitAt5, Double mrr, Double answerableAbstained, Double unanswerableAnswered, Double factsFound,
            int groundingWarnings, int questions, int answerable, int unanswerable, long millis) {}

    /**
     * One question's outcome with its evidence.
     *
     * @param rank rank of the first expected document among the documents retrieval found (1 = first), null when
     *     absent or for an unanswerable question
     * @param mode how the capsule answered: {@code generative}, {@code extractive} or {@code abstained}
     * @param details why it passed or failed, in French
     * @param foundDocuments the first documents retrieval found, best first (evidence)
     */
    public record QuestionResult(String id, String question, boolean answerable, boolean passed, Integer rank, String mode,
            List<String> details, List<String> expectedDocuments, List<String> foundDocuments, List<String> citedDocuments,
            List<String> factsFound, List<String> factsMissing, List<String> warnings, String answer) {}

    /** Questions that passed now and failed in the previous run (better) and the reverse (worse). */
    public record Comparison(String previousId, Boolean previousPassed, List<String> better, List<String> worse,
            Double hitAt5Before, Double hitAt5Now) {}

    /** The short answer to {@code POST …/evaluations}. */
    public record Started(String id, String status) {}
}
