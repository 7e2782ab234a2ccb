package fr.capsules.ingest.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The successive matches of an expression that can only start at an ASCII digit that follows
 * neither a letter nor a digit (it begins with {@code (?=\d)(?<![\p{L}\d])} or something
 * stricter), found by trying it at those positions only: the same matches as {@link
 * Matcher#find()} in a loop, without running the expression's first steps at every position of a
 * text that is mostly letters. An optional cheap test ({@link Start}) may rule out more positions,
 * provided it only rules out positions where the expression cannot match. The expression sees the
 * whole text around each try (transparent bounds), so its look-behinds read what they read before.
 *
 * <p>Not thread-safe: one instance per text and expression.
 */
final class DigitAnchoredMatches {

    /** Whether a match may start at {@code at}, a digit following neither a letter nor a digit. */
    @FunctionalInterface
    interface Start {
        boolean possible(String text, int at);
    }

    private final Matcher matcher;
    private final String text;
    private final Start start;
    private final int[] starts;
    private int next;
    private int from;

    DigitAnchoredMatches(Pattern pattern, String text) {
        this(pattern, text, (t, at) -> true);
    }

    DigitAnchoredMatches(Pattern pattern, String text, Start start) {
        this(pattern, text, start, starts(text));
    }

    /**
     * @param starts {@link #starts(String)} of {@code text}, worked out once for several
     *     expressions over the same text
     */
    DigitAnchoredMatches(Pattern pattern, String text, Start start, int[] starts) {
        this.matcher = pattern.matcher(text).useTransparentBounds(true);
        this.text = text;
        this.start = start;
        this.starts = starts;
    }

    /**
     * The positions where such an expression may start, in order: the ASCII digits that follow
     * neither a letter nor a digit.
     */
    static int[] starts(String text) {
        int length = text.length();
        int[] found = new int[16];
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (isDigit(text.charAt(i)) && (i == 0 || !followsLetterOrDigit(text, i))) {
                if (count == found.length) {
                    found = java.util.Arrays.copyOf(found, count * 2);
                }
                found[count++] = i;
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /** Moves to the next match, as {@link Matcher#find()}; then {@link #matcher()} holds it. */
    boolean find() {
        int length = text.length();
        for (; next < starts.length; next++) {
            int i = starts[next];
            if (i >= from && start.possible(text, i)) {
                matcher.region(i, length);
                if (matcher.lookingAt()) {
                    // The expressions this serves never match an empty string.
                    from = Math.max(matcher.end(), i + 1);
                    next++;
                    return true;
                }
            }
        }
        from = length;
        return false;
    }

    private static boolean followsLetterOrDigit(String text, int i) {
        int before = text.codePointBefore(i);
        return isDigit(before) || Character.isLetter(before);
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The current match. */
    Matcher matcher() {
        return matcher;
    }
}
