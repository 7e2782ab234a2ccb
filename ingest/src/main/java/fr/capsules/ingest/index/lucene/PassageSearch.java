package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.index.PassageHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

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

    PassageSearch(Analyzer analyzer) {
        this.analyzer = analyzer;
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

    /** BM25F only; a question of stop words alone finds nothing. Scores are BM25F scores. */
    List<PassageHit> lexical(IndexSearcher searcher, String query, int topK) throws IOException {
        QueryTerms terms = analyse(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        TopDocs top = searcher.search(PassageQuery.matching(terms), topK);
        StoredFields stored = searcher.storedFields();
        List<PassageHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Document entry = stored.document(scoreDoc.doc);
            hits.add(IndexSchema.toHit(entry, scoreDoc.score, coverage(terms, entry)));
        }
        return hits;
    }

    /**
     * BM25F and nearest passages to {@code unitQuery}, fused by rank; scores are fused scores.
     * A question of stop words alone is answered by the vectors only (its coverage is 0).
     */
    List<PassageHit> hybrid(IndexSearcher searcher, String query, float[] unitQuery, int topK)
            throws IOException {
        QueryTerms terms = analyse(query);
        int depth = candidates(topK);
        List<Integer> lexical =
                terms.isEmpty()
                        ? List.of()
                        : docIds(searcher.search(PassageQuery.matching(terms), depth));
        // The filter is redundant today (records carry no vector) but keeps records out should
        // that ever change; on a small capsule it also lets Lucene search exactly.
        KnnFloatVectorQuery nearest =
                new KnnFloatVectorQuery(IndexSchema.VECTOR, unitQuery, depth, IndexSchema.PASSAGES);
        List<Integer> semantic = docIds(searcher.search(nearest, depth));
        StoredFields stored = searcher.storedFields();
        List<PassageHit> hits = new ArrayList<>(topK);
        for (RankFusion.Fused<Integer> fused : RankFusion.fuse(lexical, semantic, topK)) {
            Document entry = stored.document(fused.key());
            hits.add(IndexSchema.toHit(entry, (float) fused.score(), coverage(terms, entry)));
        }
        return hits;
    }

    private QueryTerms analyse(String query) {
        return QueryTerms.analyse(analyzer, IndexSchema.TEXT, query, MAX_QUERY_TERMS);
    }

    private static List<Integer> docIds(TopDocs top) {
        List<Integer> ids = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            ids.add(scoreDoc.doc);
        }
        return ids;
    }

    private double coverage(QueryTerms terms, Document entry) {
        if (terms.isEmpty()) {
            return 0;
        }
        List<String> texts = new ArrayList<>(IndexSchema.headingPath(entry));
        texts.add(entry.get(IndexSchema.TITLE));
        texts.add(entry.get(IndexSchema.TEXT));
        return terms.coverage(QueryTerms.vocabulary(analyzer, IndexSchema.TEXT, texts));
    }
}
