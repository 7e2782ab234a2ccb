package fr.capsules.ingest.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;

/**
 * The proximity re-scoring of {@link PassageQuery#proximity}, computed at the candidates only.
 *
 * <p>Same scores, bit for bit, as {@code QueryRescorer.rescore(searcher, candidates,
 * PassageQuery.proximity(terms), 1.0, n)} (checked against it by {@code CandidateProximityTests}),
 * at a cost bounded by the candidates: Lucene's rescorer advances each sloppy phrase clause's
 * conjunction from one candidate to the next and verifies positions at every passage between them
 * that holds both words of a pair, work that grows with the index. Here each distinct term's
 * postings (with positions) are advanced to each candidate (skip lists), the positions read there
 * once, and each pair's sloppy frequency computed from them as Lucene's {@code
 * SloppyPhraseMatcher} does for a two-term phrase of distinct terms (the same minimal-window walk,
 * the same {@code 1 / (1 + matchLength)} weights summed in the same order), then scored by the
 * searcher's own similarity with the phrase's statistics (summed IDF of the two terms on {@link
 * IndexSchema#TEXT}, boost {@link PassageQuery#PROXIMITY_WEIGHT}) and the passage's norm. The
 * clauses of a candidate are summed in double and rounded once, as Lucene's disjunction does;
 * with sums of a few floats of close magnitudes the double sum is exact, so the order of the
 * clauses does not matter.
 */
final class CandidateProximity {

    private CandidateProximity() {}

    /** A pair of distinct consecutive question terms, the first at phrase position 0. */
    private record Pair(int first, int second, SimScorer scorer) {}

    /**
     * The candidates with their proximity score added (those matching no clause keep theirs),
     * sorted best first, ties by doc id: what {@code QueryRescorer.rescore} with weight 1 returns.
     */
    static ScoreDoc[] rescore(IndexSearcher searcher, QueryTerms terms, ScoreDoc[] candidates) throws IOException {
        ScoreDoc[] hits = new ScoreDoc[candidates.length];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = new ScoreDoc(candidates[i].doc, candidates[i].score, candidates[i].shardIndex);
        }
        Arrays.sort(hits, (a, b) -> Integer.compare(a.doc, b.doc));
        List<String> distinct = new ArrayList<>();
        Map<String, TermStates> known = new HashMap<>();
        List<Pair> pairs = pairs(searcher, terms, distinct, known);
        if (!pairs.isEmpty()) {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            TermStates[] states = new TermStates[distinct.size()];
            for (int t = 0; t < states.length; t++) {
                states[t] = known.get(distinct.get(t));
            }
            int start = 0;
            while (start < hits.length) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[start].doc, leaves));
                int end = start;
                while (end < hits.length && hits[end].doc < leaf.docBase + leaf.reader().maxDoc()) {
                    end++;
                }
                rescoreLeaf(leaf, distinct, states, pairs, hits, start, end);
                start = end;
            }
        }
        Arrays.sort(hits, (a, b) -> a.score > b.score ? -1 : a.score < b.score ? 1 : a.doc - b.doc);
        return hits;
    }

    /**
     * The pairs of {@link PassageQuery#proximity}, in its order, with their scorers; fills {@code
     * distinct} with the terms they use. A pair one of whose terms is absent from the index can
     * match nothing and is left out.
     */
    private static List<Pair> pairs(IndexSearcher searcher, QueryTerms terms, List<String> distinct,
            Map<String, TermStates> known) throws IOException {
        Set<List<String>> seen = new LinkedHashSet<>();
        List<String> sequence = terms.sequence();
        for (int i = 1; i < sequence.size(); i++) {
            List<String> pair = List.of(sequence.get(i - 1), sequence.get(i));
            if (!pair.get(0).equals(pair.get(1))) {
                seen.add(pair);
            }
        }
        if (seen.isEmpty()) {
            return List.of();
        }
        CollectionStatistics collection = searcher.collectionStatistics(IndexSchema.TEXT);
        if (collection == null) {
            return List.of();
        }
        Map<String, Integer> index = new HashMap<>();
        List<Pair> pairs = new ArrayList<>();
        for (List<String> pair : seen) {
            TermStatistics first = statistics(searcher, pair.get(0), known);
            TermStatistics second = statistics(searcher, pair.get(1), known);
            if (first == null || second == null) {
                continue;
            }
            SimScorer scorer = searcher.getSimilarity()
                    .scorer(PassageQuery.PROXIMITY_WEIGHT, collection, first, second);
            int a = index.computeIfAbsent(pair.get(0), t -> { distinct.add(t); return distinct.size() - 1; });
            int b = index.computeIfAbsent(pair.get(1), t -> { distinct.add(t); return distinct.size() - 1; });
            pairs.add(new Pair(a, b, scorer));
        }
        return pairs;
    }

    /** The term's statistics on {@link IndexSchema#TEXT}, null when absent; its states kept in {@code known}. */
    private static TermStatistics statistics(IndexSearcher searcher, String term, Map<String, TermStates> known)
            throws IOException {
        Term key = new Term(IndexSchema.TEXT, term);
        TermStates state = known.get(term);
        if (state == null) {
            state = TermStates.build(searcher, key, true);
            known.put(term, state);
        }
        return state.docFreq() == 0 ? null : searcher.termStatistics(key, state.docFreq(), state.totalTermFreq());
    }

    /** Re-scores {@code hits[start..end)}, all in {@code leaf}, in doc id order. */
    private static void rescoreLeaf(LeafReaderContext leaf, List<String> distinct, TermStates[] states,
            List<Pair> pairs, ScoreDoc[] hits, int start, int end) throws IOException {
        Terms field = leaf.reader().terms(IndexSchema.TEXT);
        if (field == null) {
            return;
        }
        TermsEnum termsEnum = field.iterator();
        PostingsEnum[] postings = new PostingsEnum[distinct.size()];
        for (int t = 0; t < postings.length; t++) {
            IOSupplier<TermState> supplier = states[t].get(leaf);
            TermState state = supplier == null ? null : supplier.get();
            if (state != null) {
                termsEnum.seekExact(new BytesRef(distinct.get(t)), state);
                postings[t] = termsEnum.postings(null, PostingsEnum.POSITIONS);
            }
        }
        NumericDocValues norms = leaf.reader().getNormValues(IndexSchema.TEXT);
        int[][] positions = new int[postings.length][];
        int[] freqs = new int[postings.length];
        int[] read = new int[postings.length]; // the hit whose positions positions[t] holds, plus one
        for (int h = start; h < end; h++) {
            int target = hits[h].doc - leaf.docBase;
            for (int t = 0; t < postings.length; t++) {
                freqs[t] = 0;
                PostingsEnum enumeration = postings[t];
                if (enumeration == null) {
                    continue;
                }
                int doc = enumeration.docID();
                if (doc < target) {
                    doc = enumeration.advance(target);
                }
                if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                    postings[t] = null;
                } else if (doc == target) {
                    freqs[t] = enumeration.freq();
                }
            }
            // Positions only for the terms of a pair whose two terms the candidate holds.
            for (Pair pair : pairs) {
                if (freqs[pair.first()] != 0 && freqs[pair.second()] != 0) {
                    readPositions(postings, positions, freqs, read, pair.first(), h);
                    readPositions(postings, positions, freqs, read, pair.second(), h);
                }
            }
            double sum = 0;
            boolean matched = false;
            long norm = -1;
            for (Pair pair : pairs) {
                if (freqs[pair.first()] == 0 || freqs[pair.second()] == 0) {
                    continue;
                }
                float freq = sloppyFreq(positions[pair.first()], freqs[pair.first()],
                        positions[pair.second()], freqs[pair.second()], PassageQuery.PROXIMITY_SLOP);
                if (freq == 0) {
                    continue;
                }
                if (norm == -1) {
                    norm = norms != null && norms.advanceExact(target) ? norms.longValue() : 1L;
                }
                sum += pair.scorer().score(freq, norm);
                matched = true;
            }
            if (matched) {
                hits[h].score = (float) ((double) hits[h].score + (double) (float) sum);
            }
        }
    }

    /** Reads term {@code t}'s positions at the current candidate {@code hit}, once. */
    private static void readPositions(PostingsEnum[] postings, int[][] positions, int[] freqs, int[] read, int t,
            int hit) throws IOException {
        if (read[t] == hit + 1) {
            return;
        }
        int freq = freqs[t];
        if (positions[t] == null || positions[t].length < freq) {
            positions[t] = new int[Math.max(freq, 16)];
        }
        for (int p = 0; p < freq; p++) {
            positions[t][p] = postings[t].nextPosition();
        }
        read[t] = hit + 1;
    }

    /**
     * The sloppy frequency of the phrase "a b" (distinct terms, b one position after a) in one
     * passage, 0 when it does not match: Lucene's {@code SloppyPhraseMatcher} walk for two terms
     * without repetition. Each term is a cursor over its positions minus its offset in the phrase
     * (a: 0, b: 1); the lesser cursor (by phrase position, then offset) is advanced until it passes
     * the other, the narrowest window seen on the way is a match when within the slop, and each
     * match adds {@code 1 / (1 + window)}.
     */
    static float sloppyFreq(int[] a, int aCount, int[] b, int bCount, int slop) {
        // cursor 0: term a, offset 0; cursor 1: term b, offset 1
        int[] count = {aCount, bCount};
        int[] next = {0, 0};
        int[] position = new int[2];
        int end = Integer.MIN_VALUE;
        int[][] values = {a, b};
        for (int c = 0; c < 2; c++) { // initSimple: first positions, largest is 'end'
            position[c] = values[c][next[c]++] - c;
            if (position[c] > end) {
                end = position[c];
            }
        }
        boolean positioned = true;
        float freq = 0;
        boolean first = true;
        while (true) {
            // nextMatch()
            if (!positioned) {
                break;
            }
            int pp = lesser(position, 0, 1) ? 0 : 1;
            int other = 1 - pp;
            int matchLength = end - position[pp];
            int nextPosition = position[other];
            boolean found = false;
            while (next[pp] < count[pp]) { // advancePP
                position[pp] = values[pp][next[pp]++] - pp;
                if (position[pp] > end) {
                    end = position[pp];
                }
                if (position[pp] > nextPosition) {
                    if (matchLength <= slop) {
                        found = true;
                        break;
                    }
                    // pq.add(pp), then pop the lesser of the two again
                    pp = lesser(position, 0, 1) ? 0 : 1;
                    other = 1 - pp;
                    nextPosition = position[other];
                    matchLength = end - position[pp];
                } else {
                    int matchLength2 = end - position[pp];
                    if (matchLength2 < matchLength) {
                        matchLength = matchLength2;
                    }
                }
            }
            if (!found) {
                positioned = false;
                if (matchLength > slop) {
                    break;
                }
            }
            float weight = 1f / (1f + matchLength);
            if (first) {
                freq = weight;
                first = false;
            } else {
                freq += weight;
            }
        }
        return freq;
    }

    /** PhraseQueue order: phrase position, then offset (the cursor index here), then ordinal. */
    private static boolean lesser(int[] position, int x, int y) {
        return position[x] < position[y] || (position[x] == position[y] && x < y);
    }
}
