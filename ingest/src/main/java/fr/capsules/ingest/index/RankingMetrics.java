package fr.capsules.ingest.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Accumulates, question by question, where the expected document came in a ranking, and reports
 * hit@1, hit@5 and MRR@10 (the mean of 1/rank when the document is within the first 10, else 0).
 *
 * <p>Not thread-safe: one instance per benchmark run, fed from one thread.
 */
public final class RankingMetrics {

    private int count;
    private int hitsAt1;
    private int hitsAt5;
    private double reciprocalRankSum;

    /**
     * Records one question.
     *
     * @param rankedDocumentIds document ids best first; repeated ids (several passages of one
     *     document) count at their first position
     * @param expectedDocumentId the document that answers the question
     */
    public void add(List<String> rankedDocumentIds, String expectedDocumentId) {
        Objects.requireNonNull(rankedDocumentIds, "rankedDocumentIds");
        Objects.requireNonNull(expectedDocumentId, "expectedDocumentId");
        int rank = 1;
        int found = 0;
        for (String id : new LinkedHashSet<>(rankedDocumentIds)) {
            if (id.equals(expectedDocumentId)) {
                found = rank;
                break;
            }
            rank++;
        }
        count++;
        if (found == 1) {
            hitsAt1++;
        }
        if (found >= 1 && found <= 5) {
            hitsAt5++;
        }
        if (found >= 1 && found <= 10) {
            reciprocalRankSum += 1.0 / found;
        }
    }

    public int count() {
        return count;
    }

    /** Share of questions whose document came first; 0 when no question was added. */
    public double hitAt1() {
        return count == 0 ? 0 : (double) hitsAt1 / count;
    }

    /** Share of questions whose document came in the first five. */
    public double hitAt5() {
        return count == 0 ? 0 : (double) hitsAt5 / count;
    }

    /** Mean reciprocal rank, ranks beyond 10 counting 0. */
    public double mrrAt10() {
        return count == 0 ? 0 : reciprocalRankSum / count;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "questions  hit@1  hit@5  MRR@10%n%9d  %.3f  %.3f  %.3f",
                count,
                hitAt1(),
                hitAt5(),
                mrrAt10());
    }
}
