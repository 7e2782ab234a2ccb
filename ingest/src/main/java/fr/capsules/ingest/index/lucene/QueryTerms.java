package fr.capsules.ingest.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A question as analysed terms: the sequence (for proximity) and the distinct set (for
 * matching and coverage), bounded so that a pasted document cannot become a huge query.
 */
record QueryTerms(List<String> sequence, Set<String> distinct) {

    QueryTerms {
        sequence = List.copyOf(sequence);
        distinct = Set.copyOf(distinct);
    }

    /**
     * Analyses {@code text}, stopping at the token after the {@code maxDistinct}-th distinct term,
     * so the cost stays bounded whatever the length of the text.
     */
    static QueryTerms analyse(Analyzer analyzer, String field, String text, int maxDistinct) {
        List<String> sequence = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String value = term.toString();
                if (!distinct.contains(value) && distinct.size() == maxDistinct) {
                    break;
                }
                distinct.add(value);
                sequence.add(value);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse in-memory text", e);
        }
        return new QueryTerms(sequence, distinct);
    }

    /** Every analysed term of {@code texts}, unbounded: for one stored passage only. */
    static Set<String> vocabulary(Analyzer analyzer, String field, Collection<String> texts) {
        Set<String> terms = new HashSet<>();
        for (String text : texts) {
            terms.addAll(analyse(analyzer, field, text, Integer.MAX_VALUE).distinct());
        }
        return terms;
    }

    boolean isEmpty() {
        return distinct.isEmpty();
    }

    /** Share of the distinct query terms found in {@code vocabulary}. */
    double coverage(Set<String> vocabulary) {
        if (distinct.isEmpty()) {
            return 0;
        }
        long found = distinct.stream().filter(vocabulary::contains).count();
        return (double) found / distinct.size();
    }
}
