package fr.capsules.app.capsule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The organisation's publication rules ({@code capsules.publication.*}): the charter's minimum of
 * reference questions and the floors under every capsule's evaluation thresholds.
 *
 * @param gate when true (the default), a capsule is published only through the publication gate
 *     ({@code POST /api/capsules/{id}/publish}): a creation or an update asking for
 *     {@code status: published} keeps the capsule a draft. Off only for test fixtures and migrations.
 * @param minQuestions reference questions a chat capsule needs before publication (charter: 8)
 * @param minQuestionsTable reference questions a table capsule needs (charter: 5)
 * @param passRank an answerable question's expected document must come within this rank
 * @param minimums the floors: a capsule may be stricter, never laxer
 * @param checkCatalogue once the catalogue is indexed, run each catalogue capsule's reference questions (imported
 *     from its {@code questions.yaml} when it has none yet) through the gate and log the outcome (the demo does)
 */
@ConfigurationProperties("capsules.publication")
public record PublicationProperties(
        @DefaultValue("true") boolean gate,
        @DefaultValue("8") int minQuestions,
        @DefaultValue("5") int minQuestionsTable,
        @DefaultValue("5") int passRank,
        @DefaultValue Minimums minimums,
        @DefaultValue("false") boolean checkCatalogue) {

    /**
     * The organisation's floors, as shares between 0 and 1.
     *
     * @param hitAt5 share of answerable questions whose expected document is among the first five
     * @param answerableAbstained highest share of answerable questions the capsule may decline
     * @param unanswerableAnswered highest share of unanswerable questions the capsule may answer
     * @param factsFound share of expected facts the model's answers must contain (when a model answered)
     */
    public record Minimums(
            @DefaultValue("0.8") double hitAt5,
            @DefaultValue("0.2") double answerableAbstained,
            @DefaultValue("0.2") double unanswerableAnswered,
            @DefaultValue("0.5") double factsFound) {}

    /** How many reference questions a capsule of this kind needs. */
    public int minQuestionsFor(CapsuleKind kind) {
        return kind == CapsuleKind.TABLE ? minQuestionsTable : minQuestions;
    }
}
