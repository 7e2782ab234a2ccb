package fr.capsules.app.table;

import fr.capsules.ingest.normalize.TextNormalizer;
import java.util.regex.Pattern;

/** The shape every finding's text takes before it is shown back: one clean line. */
final class FindingText {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    /** List punctuation left over from the input ("… non signées ;", "… suivantes -"). */
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s;,:/\\-–—]+$");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s;,:/.)\\-–—]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…;][)»\"'\\]]*$");

    private FindingText() {}

    /** One line, whitespace normalised; lines joined with a space, hyphenated words rejoined. */
    static String inline(String raw) {
        return NORMALIZER.normalizeInline(raw);
    }

    /** {@link #inline(String)}, then leading and trailing list separators dropped. */
    static String clean(String raw) {
        String text = inline(raw);
        text = LEADING_SEPARATORS.matcher(text).replaceAll("");
        return TRAILING_SEPARATORS.matcher(text).replaceAll("");
    }

    /** True when the text ends a sentence, a list item ";" included. */
    static boolean endsSentence(String text) {
        return SENTENCE_END.matcher(text.strip()).find();
    }
}
