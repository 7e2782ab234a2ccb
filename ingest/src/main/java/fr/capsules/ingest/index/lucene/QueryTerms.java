package fr.capsules.ingest.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
        return analyse(analyzer, field, text, maxDistinct, Set.of());
    }

    /** As {@link #analyse(Analyzer, String, String, int)}, leaving out the {@code skipped} terms. */
    static QueryTerms analyse(
            Analyzer analyzer, String field, String text, int maxDistinct, Set<String> skipped) {
        List<String> sequence = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String value = term.toString();
                if (skipped.contains(value)) {
                    continue;
                }
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

    boolean isEmpty() {
        return distinct.isEmpty();
    }
}
