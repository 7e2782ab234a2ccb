package fr.capsules.ingest.index.lucene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion of a lexical (BM25) and a semantic (vector) ranking: each candidate
 * scores {@code Σ 1 / (K + rank)} over the lists it appears in, ranks counted from 1.
 *
 * <p>Ranks, not scores, are fused because BM25 scores are unbounded and vary with the question
 * while vector similarities live in [-1, 1]: any weighted sum of the two would need tuning per
 * collection. {@value #K} is the constant of Cormack, Clarke and Büttcher (SIGIR 2009): it damps
 * the head of each list so that one list's first hit does not outweigh agreement between both.
 *
 * <p><b>Ties</b> are broken so that the order is a total, reproducible function of the two
 * lists: equal fused scores go to the better lexical rank (a candidate absent from the lexical
 * list comes after one present), then to the better semantic rank. Lexical evidence wins ties
 * because it is what {@code queryCoverage} measures and what a reader can check in the cited
 * text. Two distinct candidates cannot share both ranks, so no further key is needed.
 */
final class RankFusion {

    /** The RRF damping constant. */
    static final int K = 60;

    private RankFusion() {}

    /** One fused candidate; a rank is 1-based, or 0 when absent from that list. */
    record Fused<T>(T key, double score, int lexicalRank, int semanticRank) {}

    /**
     * Fuses two rankings, best first in each, and keeps the {@code limit} best candidates.
     * Duplicates within one list count at their first (best) rank only.
     */
    static <T> List<Fused<T>> fuse(List<T> lexical, List<T> semantic, int limit) {
        Map<T, int[]> ranks = new LinkedHashMap<>();
        collect(lexical, ranks, 0);
        collect(semantic, ranks, 1);
        List<Fused<T>> fused = new ArrayList<>(ranks.size());
        ranks.forEach(
                (key, r) -> fused.add(new Fused<>(key, contribution(r[0]) + contribution(r[1]),
                        r[0], r[1])));
        fused.sort(
                Comparator.comparingDouble((Fused<T> f) -> f.score())
                        .reversed()
                        .thenComparingInt(f -> absentLast(f.lexicalRank()))
                        .thenComparingInt(f -> absentLast(f.semanticRank())));
        return List.copyOf(fused.subList(0, Math.min(limit, fused.size())));
    }

    private static <T> void collect(List<T> ranking, Map<T, int[]> ranks, int list) {
        for (int i = 0; i < ranking.size(); i++) {
            int[] r = ranks.computeIfAbsent(ranking.get(i), k -> new int[2]);
            if (r[list] == 0) {
                r[list] = i + 1;
            }
        }
    }

    private static double contribution(int rank) {
        return rank == 0 ? 0 : 1.0 / (K + rank);
    }

    private static int absentLast(int rank) {
        return rank == 0 ? Integer.MAX_VALUE : rank;
    }
}
