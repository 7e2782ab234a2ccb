package fr.capsules.ingest.analysis;

import java.text.Normalizer;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The analysis chain of every capsule index, used both when indexing and when querying.
 *
 * <p>StandardTokenizer → elision of French articles ({@code l'}, {@code d'}, {@code qu'}, …) →
 * lower case → French stop words → ASCII folding → {@link FrenchLightStemFilter}.
 *
 * <p>Why this order: stop words are removed before folding so that the accented list matches
 * directly, and the list also holds the folded spellings ({@code etait}, {@code meme}) so that a
 * question typed without accents loses the same words. Folding happens before stemming so that
 * "réclamation" and "reclamations" reach the stemmer as the same letters and end as the same term;
 * the light stemmer (rather than Snowball) conflates plurals and common derivations without
 * merging unrelated words, which matters on short administrative questions.
 *
 * <p>Besides the Snowball French list, a few words that are frequent in questions and carry no
 * topic are stopped: interrogatives ({@code comment}, {@code quand}, {@code pourquoi}, …) and
 * {@code est}, which the Snowball list omits. Without this, "Comment …" would favour the rare
 * passages that happen to contain "comment".
 *
 * <p>The chain is identified by {@link #NAME}; any change to it must change the name, which is
 * recorded in each index so that an index built with another chain is refused rather than
 * silently searched with different terms. Thread-safe, as every Lucene analyzer.
 */
public final class FrenchTextAnalyzer extends Analyzer {

    /** Name and version of this chain, recorded in each index. */
    public static final String NAME = "french-light-v1";

    /** French articles and conjunctions that elide before a vowel. */
    private static final CharArraySet ELIDED =
            CharArraySet.unmodifiableSet(
                    new CharArraySet(
                            List.of(
                                    "l", "d", "qu", "j", "m", "n", "s", "t", "c", "jusqu",
                                    "lorsqu", "puisqu", "quoiqu"),
                            true));

    private static final List<String> QUESTION_WORDS =
            List.of(
                    "est", "comment", "quand", "pourquoi", "combien", "quoi", "où", "lequel",
                    "laquelle", "lesquels", "lesquelles");

    private static final CharArraySet STOP_WORDS = stopWords();

    /** Positions between two values of a multi-valued field, so phrases never span headings. */
    private static final int VALUE_GAP = 100;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new ASCIIFoldingFilter(elidedLowerCasedStopped(source));
        stream = new FrenchLightStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /**
     * The chain's stages before folding and stemming: elision, lower case, stop words (their folded spellings too).
     * Public for the retrieval experiments that measure other folding and stemming stages after the same ones
     * ({@code LexicalLeversExperiment}), so that they cannot drift from this chain.
     */
    public static TokenStream elidedLowerCasedStopped(TokenStream source) {
        TokenStream stream = new ElisionFilter(source, ELIDED);
        stream = new LowerCaseFilter(stream);
        return new StopFilter(stream, STOP_WORDS);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(400, true);
        for (Object word : FrenchAnalyzer.getDefaultStopSet()) {
            addWithFolded(words, new String((char[]) word));
        }
        QUESTION_WORDS.forEach(word -> addWithFolded(words, word));
        return CharArraySet.unmodifiableSet(words);
    }

    private static void addWithFolded(CharArraySet words, String word) {
        words.add(word);
        words.add(
                Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
    }
}
