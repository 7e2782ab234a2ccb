package fr.capsules.ingest.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The terms a capsule index makes of a text ({@link FrenchTextAnalyzer}), for code that must
 * compare words exactly as retrieval does ("réclamations" and "réclamation" are one term) without
 * handling the analyzer itself.
 *
 * <p>Thread-safe; one instance may serve the whole application.
 */
public final class IndexTerms {

    private final FrenchTextAnalyzer analyzer = new FrenchTextAnalyzer();

    /**
     * The analysed terms of {@code text} in order, repeats included; empty for a text of stop
     * words only.
     */
    public List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Analysis of an in-memory string does no I/O; this cannot happen short of a bug.
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
