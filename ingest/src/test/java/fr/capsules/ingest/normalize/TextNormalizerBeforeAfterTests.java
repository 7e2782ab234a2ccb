package fr.capsules.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link TextNormalizer} as it was before its paragraphs were read line by line in one pass (issue
 * 17.5, third round), run beside it on generated texts: the same output, character for character.
 */
class TextNormalizerBeforeAfterTests {

    private static final List<String> PIECES = List.of(
            "Rapport", "d'inspection", "l’EHPAD", "réglemen-", "tation", "peut-", "être", "non-", "conformité",
            "Saint-", "Étienne", "L. 1112-", "3", "- item", "• point", "1. premier", "a) alinéa", "b)", "12.",
            "ﬁchier", "ﬂux", "m²", "nº", "½", "œuvre", "İstanbul", "ſ", "\u00AD", "pré\u00ADvention", "\uFEFF",
            "\u200B", "\u0007", "\u00A0", "\u202F", "\u2007", "\u3000", "\uFF21", "\u2019", "\u02BC",
            "\uD83D\uDE00", "\uD83D", "\uDE00", "\u0301", "e\u0301", "\u0378", "\u001C", "—", "–", "‐",
            "celle-", "ci", "sous-", "traitance", "ex-", "posé", "x", "ABC", "\t", "\t\t", " ", "  ", "-", ":");
    private static final List<String> GAPS = List.of(
            " ", " ", " ", "  ", "\n", "\n", "\n\n", "\n \n", "\n\t\n", "\n  \n\n", "\r\n", "\r",
            "\r\n\r\n", "\f", "\u2029", "\u2028", "\u0085", "\u000B", "\u00AD\n", "\u00AD \n ", "\t",
            " \t ", "", "\n\u00A0\n", "\n\u3000\n", "\n\u200B\n", "-\n", "\u2010\n");

    private final TextNormalizer after = new TextNormalizer();
    private final Normalizer15 before = new Normalizer15();

    @Test
    void theSameTextAsBeforeOnGeneratedTexts() {
        Random random = new Random(1705);
        for (int n = 0; n < 15_000; n++) {
            StringBuilder text = new StringBuilder();
            int words = 1 + random.nextInt(40);
            for (int w = 0; w < words; w++) {
                text.append(PIECES.get(random.nextInt(PIECES.size()))).append(GAPS.get(random.nextInt(GAPS.size())));
            }
            String raw = text.toString();
            String expected = before.normalize(raw);
            assertThat(after.normalize(raw)).as("normalize %s", raw).isEqualTo(expected);
            assertThat(after.normalizeInline(raw)).as("inline %s", raw).isEqualTo(before.normalizeInline(raw));
            List<String> split = expected.isEmpty() ? List.of() : List.of(expected.split("\n\n"));
            assertThat(after.paragraphs(raw)).as("paragraphs %s", raw).isEqualTo(split);
        }
    }

    @Test
    void theSameTextAsBeforeOnEdgeCases() {
        for (String raw : new String[] {"", " ", "\n", "\n\n", " \n \n ", "a", "\na", "a\n", "\n\na\n\n",
                "a\n \nb", "a\n\t\n\nb", "\u00AD", "\u00AD\n", "x\u00AD\ny", "\uFEFF\n\uFEFF", "\t a \t b \t",
                "a  b", "a\u00A0\u00A0b", "- a\n- b\n\nc", "\r\n\r\n", "a\r\rb", "\u2029a\fb", "  x  \n  y  "}) {
            assertThat(after.normalize(raw)).as(raw).isEqualTo(before.normalize(raw));
            assertThat(after.normalizeInline(raw)).as(raw).isEqualTo(before.normalizeInline(raw));
        }
        assertThat(after.normalize(null)).isEqualTo(before.normalize(null));
    }

    static final class Normalizer15 {

        private static final Pattern LINE_SEPARATORS =
                Pattern.compile("\\r\\n?|[\\u000B\\u0085\\u2028]");
        private static final Pattern PAGE_OR_PARAGRAPH_SEPARATORS = Pattern.compile("[\\f\\u2029]");
        private static final Pattern SOFT_HYPHEN_AT_LINE_END =
                Pattern.compile("\\u00AD[ \\t\\u00A0]*\\n[ \\t\\u00A0]*");
        private static final Pattern BLANK_LINES = Pattern.compile("\\n(?:[ \\t]*\\n)+");
        private static final Pattern SPACES_AROUND_TAB = Pattern.compile(" *\\t[ \\t]*");
        private static final Pattern SPACE_RUNS = Pattern.compile(" {2,}");
        private static final Pattern ANY_WHITESPACE_RUN = Pattern.compile("\\s+");

        /** Folding these would change meaning: "m²" is not "m2", "nº" is not "no", "½" is not "1⁄2". */
        private static final String KEPT_AS_WRITTEN = "¹²³ªº¼½¾";

        private final Joiner15 lineJoiner = new Joiner15();

        /**
         * Normalises a multi-line text, keeping paragraphs apart.
         *
         * @param raw text as extracted, may be null
         * @return the normalised text, paragraphs separated by {@code "\n\n"}; never null, empty when
         *     the input carries no visible character
         */
        public String normalize(String raw) {
            if (raw == null || raw.isEmpty()) {
                return "";
            }
            // Each replacement runs only when the text holds the character it starts with: most texts
            // hold none of them, and a regular expression run over a whole text costs (issue 17.5).
            String text = raw;
            if (containsAny(text, "\r\u000B\u0085\u2028")) {
                text = LINE_SEPARATORS.matcher(text).replaceAll("\n");
            }
            if (containsAny(text, "\f\u2029")) {
                text = PAGE_OR_PARAGRAPH_SEPARATORS.matcher(text).replaceAll("\n\n");
            }
            if (text.indexOf('\u00AD') >= 0) {
                text = SOFT_HYPHEN_AT_LINE_END.matcher(text).replaceAll("");
            }
            text = removeInvisibles(foldCompatibility(text));

            List<String> paragraphs = new ArrayList<>();
            for (String block : BLANK_LINES.split(text)) {
                String paragraph = joinLines(block);
                if (!paragraph.isEmpty()) {
                    paragraphs.add(paragraph);
                }
            }
            return String.join("\n\n", paragraphs);
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
            return containsAny(text, "\n\t") ? ANY_WHITESPACE_RUN.matcher(text).replaceAll(" ") : text;
        }

        private static boolean containsAny(String text, String chars) {
            for (int i = 0; i < text.length(); i++) {
                if (chars.indexOf(text.charAt(i)) >= 0) {
                    return true;
                }
            }
            return false;
        }

        private String joinLines(String block) {
            StringBuilder paragraph = new StringBuilder();
            for (String line : block.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (paragraph.isEmpty()) {
                    paragraph.append(trimmed);
                } else {
                    lineJoiner.append(paragraph, trimmed);
                }
            }
            String joined = paragraph.indexOf("\t") >= 0
                    ? SPACES_AROUND_TAB.matcher(paragraph).replaceAll("\t")
                    : paragraph.toString();
            return joined.contains("  ") ? SPACE_RUNS.matcher(joined).replaceAll(" ").strip() : joined.strip();
        }

        private static String foldCompatibility(String text) {
            // A text already in NFKC holds none of KEPT_AS_WRITTEN (NFKC folds them all) and is left
            // as it is: checking costs less than normalising, which copies even a normalised text.
            if (java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFKC)) {
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
            return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        }

        private static String removeInvisibles(String text) {
            StringBuilder cleaned = new StringBuilder(text.length());
            text.codePoints()
                    .forEach(
                            cp -> {
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
                            });
            return cleaned.toString();
        }

        private static boolean isInvisible(int codePoint) {
            int type = Character.getType(codePoint);
            return type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.UNASSIGNED;
        }
    }

    static final class Joiner15 {

        private static final Pattern LIST_ITEM =
                Pattern.compile("^(?:[-–—•*·▪■►➢✓]\\s|\\d{1,2}[.)]\\s|[a-z]\\)\\s)");
        private static final Pattern FIRST_WORD = Pattern.compile("^\\p{L}+(?:-\\p{L}+)*");
        private static final Pattern LAST_WORD_BEFORE_HYPHEN = Pattern.compile("(\\p{L}+)[-\\u2010]$");

        /** Right parts of compounds split at their own hyphen: "peut-être", "celle-ci", "a-t-il". */
        private static final Set<String> COMPOUND_TAILS =
                Set.of(
                        "être", "ci", "là", "même", "mêmes", "t-il", "t-elle", "t-on", "t-ils",
                        "t-elles", "il", "elle", "ils", "elles", "on", "nous", "vous", "moi", "toi",
                        "lui", "dessus", "dessous", "dedans", "dehors", "delà", "après", "bas", "dire",
                        "vis");

        /**
         * Left parts that keep their hyphen before a lowercase word ("non-conformité",
         * "sous-traitance", "c'est-à-dire"). Kept short on purpose: prefixes that are also common
         * syllables ("ex", "anti", "auto", "contre") would wrongly keep the hyphen of ordinary
         * hyphenated words ("ex-⏎posé").
         */
        private static final Set<String> HYPHENATED_PREFIXES =
                Set.of(
                        "non", "quasi", "demi", "semi", "vice", "sous", "arrière", "avant", "après",
                        "grand", "à");

        /** Appends {@code next} (trimmed, non-empty) to {@code paragraph} (non-empty). */
        void append(StringBuilder paragraph, String next) {
            if (LIST_ITEM.matcher(next).find()) {
                paragraph.append('\n').append(next);
                return;
            }
            int last = paragraph.length() - 1;
            char end = paragraph.charAt(last);
            if ((end == '-' || end == '\u2010') && last > 0) {
                char beforeHyphen = paragraph.charAt(last - 1);
                int nextFirst = next.codePointAt(0);
                if (Character.isLetter(beforeHyphen) && Character.isLowerCase(nextFirst)) {
                    if (!keepsHyphen(paragraph, next)) {
                        paragraph.setLength(last);
                    }
                    paragraph.append(next);
                    return;
                }
                if (Character.isLetterOrDigit(beforeHyphen)
                        && (Character.isUpperCase(nextFirst) || Character.isDigit(nextFirst))) {
                    paragraph.append(next);
                    return;
                }
            }
            paragraph.append(' ').append(next);
        }

        private static boolean keepsHyphen(CharSequence paragraph, String next) {
            Matcher tail = FIRST_WORD.matcher(next);
            if (tail.find()) {
                String word = tail.group().toLowerCase(Locale.ROOT);
                int innerHyphen = word.indexOf('-');
                if (COMPOUND_TAILS.contains(word)
                        || (innerHyphen > 0
                                && COMPOUND_TAILS.contains(word.substring(0, innerHyphen)))) {
                    return true;
                }
            }
            int from = Math.max(0, paragraph.length() - 40);
            Matcher left =
                    LAST_WORD_BEFORE_HYPHEN.matcher(paragraph.subSequence(from, paragraph.length()));
            return left.find() && HYPHENATED_PREFIXES.contains(left.group(1).toLowerCase(Locale.ROOT));
        }
    }
}
