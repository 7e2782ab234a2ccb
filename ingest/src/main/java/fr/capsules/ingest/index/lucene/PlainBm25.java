package fr.capsules.ingest.index.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The reference the benchmarks compare retrieval with: plain Lucene BM25 (default parameters)
 * with Lucene's own {@link FrenchAnalyzer}, one text field per passage, a disjunction of the
 * question's terms. No title, no headings, no proximity, nothing of the product's ranking. In
 * memory; for benchmarks only.
 */
public final class PlainBm25 implements Closeable {

    private final Analyzer analyzer = new FrenchAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;

    /** @param passagesByDocument the passages' texts, by document id */
    public PlainBm25(Map<String, List<String>> passagesByDocument) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Map.Entry<String, List<String>> document : passagesByDocument.entrySet()) {
                for (String text : document.getValue()) {
                    Document entry = new Document();
                    entry.add(new StoredField("documentId", document.getKey()));
                    entry.add(new TextField("text", text, Field.Store.NO));
                    writer.addDocument(entry);
                }
            }
        }
        reader = DirectoryReader.open(directory);
    }

    /** Document ids of the best {@code passages} passages for {@code question}, best first, repeats included. */
    public List<String> rankedDocuments(String question, int passages) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : QueryTerms.analyse(analyzer, "text", question, PassageSearch.MAX_QUERY_TERMS).distinct()) {
            query.add(new TermQuery(new Term("text", term)), Occur.SHOULD);
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        StoredFields stored = searcher.storedFields();
        List<String> ranked = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query.build(), passages).scoreDocs) {
            ranked.add(stored.document(hit.doc).get("documentId"));
        }
        return ranked;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }
}
