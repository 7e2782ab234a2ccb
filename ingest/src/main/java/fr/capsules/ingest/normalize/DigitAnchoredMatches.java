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
    private int from;

    DigitAnchoredMatches(Pattern pattern, String text) {
        this(pattern, text, (t, at) -> true);
    }

    DigitAnchoredMatches(Pattern pattern, String text, Start start) {
        this.matcher = pattern.matcher(text).useTransparentBounds(true);
        this.text = text;
        this.start = start;
    }

    /** Moves to the next match, as {@link Matcher#find()}; then {@link #matcher()} holds it. */
    boolean find() {
        int length = text.length();
        for (int i = from; i < length; i++) {
            if (isDigit(text.charAt(i)) && (i == 0 || !followsLetterOrDigit(i)) && start.possible(text, i)) {
                matcher.region(i, length);
                if (matcher.lookingAt()) {
                    // The expressions this serves never match an empty string.
                    from = Math.max(matcher.end(), i + 1);
                    return true;
                }
            }
        }
        from = length;
        return false;
    }

    private boolean followsLetterOrDigit(int i) {
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
