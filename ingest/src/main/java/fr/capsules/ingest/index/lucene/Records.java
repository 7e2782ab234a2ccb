package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.PassageHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/** Reads the document records (not the passages) matching a query, from one searcher. */
final class Records {

    private Records() {}

    /** Every record matching {@code query}, sorted by file then id. */
    static List<DocumentRecord> matching(IndexSearcher searcher, Query query) throws IOException {
        Query onlyRecords =
                new BooleanQuery.Builder()
                        .add(query, Occur.FILTER)
                        .add(IndexSchema.DOCUMENTS, Occur.FILTER)
                        .build();
        TopDocs top = searcher.search(onlyRecords, limit(searcher, onlyRecords));
        StoredFields stored = searcher.storedFields();
        List<DocumentRecord> records = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            records.add(IndexSchema.toRecord(stored.document(scoreDoc.doc)));
        }
        records.sort(Comparator.comparing(DocumentRecord::file).thenComparing(DocumentRecord::documentId));
        return records;
    }

    /**
     * Every record holding {@code term}, sorted by file then id: as {@link #matching} with a term
     * query, read from each segment's postings directly. A duplicate look-up runs twice per file
     * offered; through the searcher's query machinery (rewrite, weights, a hit queue) it cost a
     * tenth of ingesting a note (issue 17, point 5).
     */
    static List<DocumentRecord> withTerm(IndexSearcher searcher, Term term) throws IOException {
        List<DocumentRecord> records = new ArrayList<>(1);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = null;
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (stored == null) {
                    stored = leaf.reader().storedFields();
                }
                Document entry = stored.document(doc);
                // Only record entries store a record title; passages store their document's title.
                if (entry.get(IndexSchema.RECORD_TITLE) != null) {
                    records.add(IndexSchema.toRecord(entry));
                }
            }
        }
        records.sort(Comparator.comparing(DocumentRecord::file).thenComparing(DocumentRecord::documentId));
        return records;
    }

    /** Every passage matching {@code query}, in document order (the rank after '#' in the passage id). */
    static List<PassageHit> passagesOf(IndexSearcher searcher, Query query) throws IOException {
        Query onlyPassages =
                new BooleanQuery.Builder()
                        .add(query, Occur.FILTER)
                        .add(IndexSchema.PASSAGES, Occur.FILTER)
                        .build();
        TopDocs top = searcher.search(onlyPassages, limit(searcher, onlyPassages));
        StoredFields stored = searcher.storedFields();
        List<PassageHit> passages = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            passages.add(IndexSchema.toHit(stored.document(scoreDoc.doc), 0f, 0));
        }
        passages.sort(Comparator.comparingInt(p -> rank(p.passageId())));
        return passages;
    }

    /**
     * As many hits as match, counted first: a top-n search allocates its queue for n hits, and n =
     * maxDoc made every duplicate look-up cost the size of the whole index (issue 17, point 5).
     */
    private static int limit(IndexSearcher searcher, Query query) throws IOException {
        return Math.max(1, searcher.count(query));
    }

    private static int rank(String passageId) {
        return Integer.parseInt(passageId.substring(passageId.lastIndexOf('#') + 1));
    }
}
