package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.index.PassageHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * Runs a question against one point-in-time searcher that {@link Searchers} acquired and will
 * release: BM25F alone, or BM25F and vectors fused by {@link RankFusion}. Arguments are validated
 * beforehand ({@link #check}). Thread-safe (stateless apart from the analyzer, which Lucene shares
 * across threads).
 */
final class PassageSearch {

    /**
     * Depth of each ranking before fusion. Deeper than {@code topK} because a passage ranked
     * 40th by one list and 5th by the other must still be seen by the fusion; 50 at least so
     * that approximate (HNSW) search explores enough of the graph for the first few hits to be
     * the true nearest ones.
     */
    static int candidates(int topK) {
        return Math.max(topK * 3, 50);
    }

    /** Questions are cut to this many distinct analysed terms; longer input is pasted text. */
    static final int MAX_QUERY_TERMS = 64;

    /** Upper bound on {@code topK}, so a caller cannot ask the index for everything. */
    static final int MAX_TOP_K = 1000;

    private final Analyzer analyzer;
    private final Set<String> questionFrame;

    PassageSearch(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.questionFrame = QuestionFrame.terms(analyzer, IndexSchema.TEXT);
    }

    /** Refuses a null or blank question and a {@code topK} outside 1..{@value #MAX_TOP_K}. */
    static void check(String query, int topK) {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("the search query is blank");
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("topK must be within 1.." + MAX_TOP_K + ", got " + topK);
        }
    }

    /**
     * Lexical ranking alone; a question of stop words alone finds nothing. Scores are BM25F scores
     * with the proximity boost and the evidence of the other candidates of the same document
     * ({@link #ranked}).
     */
    List<PassageHit> lexical(IndexSearcher searcher, String query, int topK) throws IOException {
        QueryTerms terms = analyse(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        ScoreDoc[] ranked = ranked(searcher, terms, candidates(topK));
        ScoreDoc[] top = Arrays.copyOf(ranked, Math.min(topK, ranked.length));
        int[] docs = new int[top.length];
        float[] scores = new float[top.length];
        for (int i = 0; i < top.length; i++) {
            docs[i] = top[i].doc;
            scores[i] = top[i].score;
        }
        return hits(searcher, terms, docs, scores);
    }

    /**
     * BM25F and nearest passages to {@code unitQuery}, fused by rank; scores are fused scores.
     * A question of stop words alone is answered by the vectors only (its coverage is 0).
     */
    List<PassageHit> hybrid(IndexSearcher searcher, String query, float[] unitQuery, int topK)
            throws IOException {
        QueryTerms terms = analyse(query);
        int depth = candidates(topK);
        List<Integer> lexical = terms.isEmpty() ? List.of() : docIds(ranked(searcher, terms, depth));
        // The filter is redundant today (records carry no vector) but keeps records out should
        // that ever change; on a small capsule it also lets Lucene search exactly.
        KnnFloatVectorQuery nearest =
                new KnnFloatVectorQuery(IndexSchema.VECTOR, unitQuery, depth, IndexSchema.PASSAGES);
        List<Integer> semantic = docIds(searcher.search(nearest, depth).scoreDocs);
        List<RankFusion.Fused<Integer>> fused = RankFusion.fuse(lexical, semantic, topK);
        int[] docs = new int[fused.size()];
        float[] scores = new float[fused.size()];
        for (int i = 0; i < fused.size(); i++) {
            docs[i] = fused.get(i).key();
            scores[i] = (float) fused.get(i).score();
        }
        return hits(searcher, terms, docs, scores);
    }

    /**
     * The lexical candidates, best first: the {@code depth} best passages by BM25F ({@link
     * PassageQuery#matching}), re-scored with the proximity of consecutive question terms ({@link
     * PassageQuery#proximity}, read at these candidates only by {@link CandidateProximity}), then
     * with the evidence of the other
     * candidates of the same document ({@link DocumentEvidence}).
     */
    private static ScoreDoc[] ranked(IndexSearcher searcher, QueryTerms terms, int depth) throws IOException {
        ScoreDoc[] top = searcher.search(PassageQuery.matching(terms), depth).scoreDocs;
        if (top.length > 1) {
            top = CandidateProximity.rescore(searcher, terms, top);
        }
        return DocumentEvidence.aggregate(searcher.getIndexReader(), top);
    }

    /** Stored fields of the final hits only, and their coverage from the postings. */
    private static List<PassageHit> hits(IndexSearcher searcher, QueryTerms terms, int[] docs, float[] scores)
            throws IOException {
        double[] coverage = MatchedTerms.coverage(searcher.getIndexReader(), terms, docs);
        StoredFields stored = searcher.storedFields();
        List<PassageHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            hits.add(IndexSchema.toHit(stored.document(docs[i]), scores[i], coverage[i]));
        }
        return hits;
    }

    /**
     * The question's analysed terms, without the words that only frame a question ({@link
     * QuestionFrame}), at most {@value #MAX_QUERY_TERMS} distinct ones.
     */
    private QueryTerms analyse(String query) {
        return QueryTerms.analyse(analyzer, IndexSchema.TEXT, query, MAX_QUERY_TERMS, questionFrame);
    }

    private static List<Integer> docIds(ScoreDoc[] scoreDocs) {
        List<Integer> ids = new ArrayList<>(scoreDocs.length);
        for (ScoreDoc scoreDoc : scoreDocs) {
            ids.add(scoreDoc.doc);
        }
        return ids;
    }
}
