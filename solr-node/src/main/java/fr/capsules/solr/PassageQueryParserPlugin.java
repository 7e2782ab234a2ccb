package fr.capsules.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;

/**
 * {@code {!passages}question}: the passage query of the embedded Capsules index, built inside
 * Solr so that a distributed capsule ranks its passages as the local Lucene index does.
 *
 * <p>The question is analysed with the query analyser of the schema's {@code text} field (the same
 * French chain as the service's {@code FrenchTextAnalyzer}), cut to the first {@value
 * #MAX_QUERY_TERMS} distinct terms; each distinct term is one SHOULD clause scored with BM25F
 * ({@link CombinedFieldQuery}) over text, title (×{@value #TITLE_WEIGHT}) and headings
 * (×{@value #HEADINGS_WEIGHT}), and each pair of consecutive terms adds a sloppy phrase on the
 * text boosted by {@value #PROXIMITY_WEIGHT}. These constants mirror the service's
 * {@code index.lucene.PassageQuery}; with the collection's exact distributed statistics ({@code
 * ExactStatsCache} in solrconfig.xml) the scores are those of one local index.
 *
 * <p>Records (one per file) index no analysed field, so only passages can match.
 */
public final class PassageQueryParserPlugin extends QParserPlugin {

    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String HEADINGS = "headings";
    static final float TITLE_WEIGHT = 2.0f;
    static final float HEADINGS_WEIGHT = 1.5f;
    static final float PROXIMITY_WEIGHT = 0.15f;
    static final int PROXIMITY_SLOP = 3;
    static final int MAX_QUERY_TERMS = 64;

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() {
                Analyzer analyzer = req.getSchema().getFieldType(TEXT).getQueryAnalyzer();
                return matching(analyse(analyzer, qstr == null ? "" : qstr));
            }
        };
    }

    private static List<String> analyse(Analyzer analyzer, String text) {
        List<String> sequence = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String value = term.toString();
                if (!distinct.contains(value) && distinct.size() == MAX_QUERY_TERMS) {
                    break;
                }
                distinct.add(value);
                sequence.add(value);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse in-memory text", e);
        }
        return sequence;
    }

    static Query matching(List<String> sequence) {
        if (sequence.isEmpty()) {
            return new MatchNoDocsQuery("a question of stop words only");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : new LinkedHashSet<>(sequence)) {
            query.add(
                    new CombinedFieldQuery.Builder()
                            .addField(TEXT)
                            .addField(TITLE, TITLE_WEIGHT)
                            .addField(HEADINGS, HEADINGS_WEIGHT)
                            .addTerm(new BytesRef(term))
                            .build(),
                    Occur.SHOULD);
        }
        Set<List<String>> pairs = new HashSet<>();
        for (int i = 1; i < sequence.size(); i++) {
            List<String> pair = List.of(sequence.get(i - 1), sequence.get(i));
            if (!pair.get(0).equals(pair.get(1)) && pairs.add(pair)) {
                PhraseQuery phrase =
                        new PhraseQuery.Builder()
                                .add(new Term(TEXT, pair.get(0)), 0)
                                .add(new Term(TEXT, pair.get(1)), 1)
                                .setSlop(PROXIMITY_SLOP)
                                .build();
                query.add(new BoostQuery(phrase, PROXIMITY_WEIGHT), Occur.SHOULD);
            }
        }
        return query.build();
    }
}
