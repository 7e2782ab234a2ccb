package fr.capsules.ingest.index.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Which question terms each hit contains, read from the index's own postings: a term is in a
 * passage when its {@link IndexSchema#CONTENT} field (text, title and headings) indexed it, which
 * is exactly "the term is among the analysed terms of the passage's title, headings and text". Nothing is re-analysed:
 * per leaf, per term and field, one postings iterator is advanced through the hits in document
 * order, so the cost is a term lookup and a few skips per term, whatever the passages' length.
 */
final class MatchedTerms {

    private static final List<String> FIELDS = List.of(IndexSchema.CONTENT);

    private MatchedTerms() {}

    /**
     * For each of {@code docs} (global doc ids, any order), the share of the distinct terms of
     * {@code terms} it contains; all 0 when the question has no term.
     */
    static double[] coverage(IndexReader reader, QueryTerms terms, int[] docs) throws IOException {
        double[] coverage = new double[docs.length];
        if (terms.isEmpty() || docs.length == 0) {
            return coverage;
        }
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        int[] found = new int[docs.length];
        List<LeafReaderContext> leaves = reader.leaves();
        int start = 0;
        while (start < order.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[order[start]], leaves));
            int end = start;
            while (end < order.length && docs[order[end]] < leaf.docBase + leaf.reader().maxDoc()) {
                end++;
            }
            count(leaf, terms, docs, Arrays.copyOfRange(order, start, end), found);
            start = end;
        }
        for (int i = 0; i < docs.length; i++) {
            coverage[i] = (double) found[i] / terms.distinct().size();
        }
        return coverage;
    }

    /** Adds to {@code found} the number of distinct terms each hit of one leaf contains. */
    private static void count(LeafReaderContext leaf, QueryTerms terms, int[] docs, Integer[] hits, int[] found)
            throws IOException {
        boolean[] has = new boolean[hits.length];
        TermsEnum[] fieldTerms = new TermsEnum[FIELDS.size()];
        for (int f = 0; f < FIELDS.size(); f++) {
            Terms indexed = leaf.reader().terms(FIELDS.get(f));
            fieldTerms[f] = indexed == null ? null : indexed.iterator();
        }
        PostingsEnum postings = null;
        for (String term : terms.distinct()) {
            Arrays.fill(has, false);
            BytesRef bytes = new BytesRef(term);
            for (TermsEnum field : fieldTerms) {
                if (field == null || !field.seekExact(bytes)) {
                    continue;
                }
                postings = field.postings(postings, PostingsEnum.NONE);
                for (int h = 0; h < hits.length; h++) {
                    int target = docs[hits[h]] - leaf.docBase;
                    int doc = postings.docID();
                    if (doc < target) {
                        doc = postings.advance(target);
                    }
                    if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                        break;
                    }
                    if (doc == target) {
                        has[h] = true;
                    }
                }
            }
            for (int h = 0; h < hits.length; h++) {
                if (has[h]) {
                    found[hits[h]]++;
                }
            }
        }
    }
}
