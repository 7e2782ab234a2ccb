package fr.capsules.ingest.index.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreDoc;

/**
 * Document-level aggregation of passage evidence: a passage whose document also answers the
 * question in other passages is more likely the right source than an equally scored passage alone
 * in its document. Each candidate's score becomes its own score plus {@value #SIBLING_WEIGHT} of
 * the scores of the other candidates of its document.
 *
 * <p>The passage's own score stays the main term: a long document with many weak passages must not
 * outrank a passage that answers the question by itself, so the other passages count a quarter,
 * and only those already among the candidates (the best {@link PassageSearch#candidates} passages,
 * so the cost is one doc-values lookup per candidate). The weight was chosen on half of the CNIL
 * FAQ questions and checked on the other half and on the example capsules (docs/BENCHMARKS.md,
 * issue 10); the documents' own ids are read from doc values ({@link IndexSchema#PASSAGE_DOCUMENT}).
 */
final class DocumentEvidence {

    static final double SIBLING_WEIGHT = 0.25;

    private DocumentEvidence() {}

    /** The candidates re-scored and sorted best first (ties: lower doc id first). */
    static ScoreDoc[] aggregate(IndexReader reader, ScoreDoc[] candidates) throws IOException {
        if (candidates.length < 2) {
            return candidates;
        }
        String[] documents = documentIds(reader, candidates);
        Map<String, Double> sums = new HashMap<>();
        for (int i = 0; i < candidates.length; i++) {
            sums.merge(documents[i], (double) candidates[i].score, Double::sum);
        }
        ScoreDoc[] scored = new ScoreDoc[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            double own = candidates[i].score;
            double siblings = sums.get(documents[i]) - own;
            scored[i] = new ScoreDoc(candidates[i].doc, (float) (own + SIBLING_WEIGHT * siblings));
        }
        Arrays.sort(scored, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return scored;
    }

    private static String[] documentIds(IndexReader reader, ScoreDoc[] candidates) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        String[] ids = new String[candidates.length];
        Integer[] order = new Integer[candidates.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Doc values iterate forwards only: visit the candidates in doc id order.
        Arrays.sort(order, (a, b) -> Integer.compare(candidates[a].doc, candidates[b].doc));
        int leafIndex = -1;
        SortedDocValues values = null;
        LeafReaderContext leaf = null;
        for (int i : order) {
            int doc = candidates[i].doc;
            int sub = ReaderUtil.subIndex(doc, leaves);
            if (sub != leafIndex) {
                leafIndex = sub;
                leaf = leaves.get(sub);
                values = DocValues.getSorted(leaf.reader(), IndexSchema.PASSAGE_DOCUMENT);
            }
            ids[i] = values.advanceExact(doc - leaf.docBase)
                    ? values.lookupOrd(values.ordValue()).utf8ToString()
                    : "#" + doc; // cannot happen for a passage: alone in its own document
        }
        return ids;
    }
}
