package fr.capsules.ingest.normalize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how two consecutive lines of one paragraph are joined: PDF text arrives wrapped at the
 * page width, with words hyphenated at line ends, and the index must see whole words. The rules
 * are documented on {@link TextNormalizer}.
 */
final class LineJoiner {

    private static final String BULLETS = "-–—•*·▪■►➢✓";
    private static final Pattern LIST_ITEM =
            Pattern.compile("^(?:[" + BULLETS + "]\\s|\\d{1,2}[.)]\\s|[a-z]\\)\\s)");
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
        if (mayStartListItem(next) && LIST_ITEM.matcher(next).lookingAt()) {
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

    /**
     * Whether {@link #LIST_ITEM} may match at the start of {@code line}: its first character is a
     * bullet or an ASCII digit, or an ASCII lower-case letter followed by ")". Most lines start
     * otherwise and are settled without the expression (anchored at the start, it is tried there
     * only).
     */
    private static boolean mayStartListItem(String line) {
        char first = line.charAt(0);
        if (first >= '0' && first <= '9') {
            return true;
        }
        if (first >= 'a' && first <= 'z') {
            return line.length() > 1 && line.charAt(1) == ')';
        }
        return BULLETS.indexOf(first) >= 0;
    }

    private static boolean keepsHyphen(CharSequence paragraph, String next) {
        Matcher tail = FIRST_WORD.matcher(next);
        if (tail.lookingAt()) {
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
