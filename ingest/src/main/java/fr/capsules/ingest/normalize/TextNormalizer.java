package fr.capsules.ingest.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cleans extracted text before it is chunked and indexed, so that the same words always reach the
 * index in the same form whatever the source format.
 *
 * <p>{@link #normalize(String)} applies, in order:
 *
 * <ol>
 *   <li>line separators ({@code \r\n}, {@code \r}, vertical tab, U+0085, U+2028) become {@code \n};
 *       form feeds and U+2029 become a blank line (paragraph break);
 *   <li>a soft hyphen at a line end joins the two lines (it marks a hyphenation point); other soft
 *       hyphens are removed;
 *   <li>Unicode compatibility folding (NFKC) — ligatures ﬁ ﬂ ﬀ become fi fl ff, full-width forms
 *       become ASCII, every no-break or thin space becomes a plain space — except for characters
 *       whose folding would change their meaning in French documents: superscript digits ("m²"),
 *       ordinal indicators ("nº") and vulgar fractions stay as written. Letters that are not
 *       compatibility characters (œ, æ, é, ç) are kept;
 *   <li>the curly apostrophe ’ (and U+02BC) becomes {@code '}; dashes (‐ – —) are kept;
 *   <li>control characters other than {@code \n} and {@code \t} and invisible format characters
 *       (zero-width spaces, byte-order marks, bidi marks) are removed;
 *   <li>lines are joined inside a paragraph: a line break becomes a space, except
 *       <ul>
 *         <li>before a list item ("- ", "• ", "1. ", "a) "), where the line break is kept;
 *         <li>after a hyphen that follows a letter when the next line starts with a lowercase
 *             letter: the hyphen is a hyphenation point and the word is rejoined
 *             ("réglemen-⏎tation" → "réglementation"), unless the right part is a French compound
 *             tail (être, ci, là, même, t-il, elle, dessus…) or the left part a prefix that keeps
 *             its hyphen (non, quasi, demi, sous, avant, après, à…), in which case the hyphen is
 *             kept and the lines are joined without space ("peut-⏎être" → "peut-être",
 *             "non-⏎conformité" → "non-conformité");
 *         <li>after a hyphen that follows a letter or digit when the next line starts with an
 *             uppercase letter or a digit: the hyphen is kept and the lines are joined without
 *             space ("Saint-⏎Étienne", "L. 1112-⏎3");
 *       </ul>
 *   <li>blank lines separate paragraphs; in the result paragraphs are separated by exactly one
 *       blank line ({@code "\n\n"});
 *   <li>runs of spaces become one space; a tab (a column separator in text exports) absorbs the
 *       spaces around it; lines and the whole text are trimmed.
 * </ol>
 *
 * <p>Stateless and thread-safe. A null input is treated as empty.
 */
public final class TextNormalizer {

    private static final Pattern LINE_SEPARATORS =
            Pattern.compile("\\r\\n?|[\\u000B\\u0085\\u2028]");
    private static final Pattern PAGE_OR_PARAGRAPH_SEPARATORS = Pattern.compile("[\\f\\u2029]");
    private static final Pattern SOFT_HYPHEN_AT_LINE_END =
            Pattern.compile("\\u00AD[ \\t\\u00A0]*\\n[ \\t\\u00A0]*");
    private static final Pattern SPACES_AROUND_TAB = Pattern.compile(" *\\t[ \\t]*");
    private static final Pattern SPACE_RUNS = Pattern.compile(" {2,}");
    private static final Pattern ANY_WHITESPACE_RUN = Pattern.compile("\\s+");

    /** Folding these would change meaning: "m²" is not "m2", "nº" is not "no", "½" is not "1⁄2". */
    private static final String KEPT_AS_WRITTEN = "¹²³ªº¼½¾";

    private final LineJoiner lineJoiner = new LineJoiner();

    /**
     * Normalises a multi-line text, keeping paragraphs apart.
     *
     * @param raw text as extracted, may be null
     * @return the normalised text, paragraphs separated by {@code "\n\n"}; never null, empty when
     *     the input carries no visible character
     */
    public String normalize(String raw) {
        return String.join("\n\n", paragraphs(raw));
    }

    /**
     * The paragraphs of {@link #normalize(String)}, in order, without the blank lines between them:
     * {@code String.join("\n\n", paragraphs(raw))} is {@code normalize(raw)}, and no paragraph
     * holds a blank line or is empty.
     *
     * @param raw text as extracted, may be null
     * @return the normalised paragraphs; empty when the input carries no visible character
     */
    public List<String> paragraphs(String raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        // Each replacement runs only when the text holds the character it starts with: most texts
        // hold none of them, and a regular expression run over a whole text costs (issue 17.5).
        // One look at every character tells which of them the text holds.
        String text = raw;
        int held = separatorsHeld(text);
        if ((held & LINE_SEPARATOR) != 0) {
            text = LINE_SEPARATORS.matcher(text).replaceAll("\n");
        }
        if ((held & PAGE_OR_PARAGRAPH_SEPARATOR) != 0) {
            text = PAGE_OR_PARAGRAPH_SEPARATORS.matcher(text).replaceAll("\n\n");
        }
        if ((held & SOFT_HYPHEN) != 0) {
            text = SOFT_HYPHEN_AT_LINE_END.matcher(text).replaceAll("");
        }
        text = removeInvisibles(foldCompatibility(text));

        // Paragraphs are the runs of lines between blank lines (only spaces and tabs: no other
        // whitespace is left once invisibles are removed), read line by line in one pass rather
        // than split at blank lines by an expression, then each split again into lines. A blank
        // line at either end of the text separates nothing and is skipped, as joining skips it.
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        int length = text.length();
        int lineStart = 0;
        while (lineStart <= length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            String line = text.substring(lineStart, lineEnd).strip();
            if (line.isEmpty()) {
                addParagraph(paragraphs, paragraph);
            } else if (paragraph.isEmpty()) {
                paragraph.append(line);
            } else {
                lineJoiner.append(paragraph, line);
            }
            lineStart = lineEnd + 1;
        }
        addParagraph(paragraphs, paragraph);
        return paragraphs;
    }

    /** Adds the joined lines of {@code paragraph}, spaces settled, unless empty; empties it. */
    private static void addParagraph(List<String> paragraphs, StringBuilder paragraph) {
        if (paragraph.isEmpty()) {
            return;
        }
        String joined = paragraph.indexOf("\t") >= 0
                ? SPACES_AROUND_TAB.matcher(paragraph).replaceAll("\t")
                : paragraph.toString();
        joined = joined.contains("  ") ? SPACE_RUNS.matcher(joined).replaceAll(" ").strip() : joined.strip();
        if (!joined.isEmpty()) {
            paragraphs.add(joined);
        }
        paragraph.setLength(0);
    }

    /**
     * Normalises a text that must fit on one line (a table cell, a title, a heading): same rules as
     * {@link #normalize(String)}, then every line break and tab becomes a single space.
     *
     * @param raw text as extracted, may be null
     * @return the normalised single-line text, never null
     */
    public String normalizeInline(String raw) {
        String text = normalize(raw);
        // The normalised text holds no whitespace but single spaces, tabs and line breaks.
        return text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0 ? ANY_WHITESPACE_RUN.matcher(text).replaceAll(" ") : text;
    }

    private static final int LINE_SEPARATOR = 1;
    private static final int PAGE_OR_PARAGRAPH_SEPARATOR = 2;
    private static final int SOFT_HYPHEN = 4;

    /**
     * Which of the characters the first replacements start with {@code text} holds: {@link
     * #LINE_SEPARATOR} for {@code \r}, vertical tab, U+0085, U+2028; {@link
     * #PAGE_OR_PARAGRAPH_SEPARATOR} for a form feed or U+2029; {@link #SOFT_HYPHEN}. None of them is
     * printable ASCII, so most characters are passed at the first test.
     */
    private static int separatorsHeld(String text) {
        int held = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7F) {
                continue;
            }
            switch (c) {
                case '\r', '\u000B', '\u0085', '\u2028' -> held |= LINE_SEPARATOR;
                case '\f', '\u2029' -> held |= PAGE_OR_PARAGRAPH_SEPARATOR;
                case '\u00AD' -> held |= SOFT_HYPHEN;
                default -> {}
            }
        }
        return held;
    }

    private static String foldCompatibility(String text) {
        // A text already in NFKC holds none of KEPT_AS_WRITTEN (NFKC folds them all) and is left
        // as it is: checking costs less than normalising, which copies even a normalised text.
        if (Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
            return text;
        }
        StringBuilder folded = new StringBuilder(text.length());
        int segmentStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (KEPT_AS_WRITTEN.indexOf(text.charAt(i)) >= 0) {
                folded.append(nfkc(text.substring(segmentStart, i)));
                folded.append(text.charAt(i));
                segmentStart = i + 1;
            }
        }
        folded.append(nfkc(text.substring(segmentStart)));
        return folded.toString();
    }

    private static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    static String removeInvisibles(String text) {
        // Latin-1 characters that are kept as they are (printable ASCII, letters, the usual
        // case) are copied in runs: the text is copied only from its first character that
        // changes, and code points are read only past those.
        int length = text.length();
        int first = 0;
        while (first < length && isKeptLatin1(text.charAt(first))) {
            first++;
        }
        if (first == length) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(length);
        cleaned.append(text, 0, first);
        for (int i = first; i < length; ) {
            int run = i;
            while (i < length && isKeptLatin1(text.charAt(i))) {
                i++;
            }
            if (i > run) {
                cleaned.append(text, run, i);
                if (i == length) {
                    break;
                }
            }
            int cp = text.codePointAt(i);
            appendCleaned(cleaned, cp);
            i += Character.charCount(cp);
        }
        return cleaned.toString();
    }

    /** What {@link #removeInvisibles} makes of one code point, appended to {@code cleaned}. */
    private static void appendCleaned(StringBuilder cleaned, int cp) {
        if (cp == '\n' || cp == '\t') {
            cleaned.append((char) cp);
        } else if (cp == '\u2019' || cp == '\u02BC') {
            cleaned.append('\'');
        } else if (Character.isSpaceChar(cp)) {
            // NFKC already folds most spaces; this catches the few it keeps.
            cleaned.append(' ');
        } else if (!isInvisible(cp)) {
            cleaned.appendCodePoint(cp);
        }
    }

    /** Whether {@code c} is a Latin-1 character that {@link #appendCleaned} appends as it is. */
    private static boolean isKeptLatin1(char c) {
        return c < KEPT_LATIN_1.length && KEPT_LATIN_1[c];
    }

    /** Per Latin-1 character: whether {@link #appendCleaned} appends it unchanged, worked out once. */
    private static final boolean[] KEPT_LATIN_1 = keptLatin1();

    private static boolean[] keptLatin1() {
        boolean[] kept = new boolean[256];
        for (char c = 0; c < kept.length; c++) {
            StringBuilder cleaned = new StringBuilder();
            appendCleaned(cleaned, c);
            kept[c] = cleaned.length() == 1 && cleaned.charAt(0) == c;
        }
        return kept;
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.UNASSIGNED;
    }
}
