package fr.capsules.ingest.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The successive matches of an expression that can only start at an ASCII digit (its first element
 * is {@code (?=\d)}), found by trying it at the digits of the text only: the same matches as
 * {@link Matcher#find()} in a loop, without running the expression's first steps at every
 * position of a text that is mostly letters. The expression sees the whole text around each try
 * (transparent bounds), so its look-behinds read what they read before.
 *
 * <p>Not thread-safe: one instance per text and expression.
 */
final class DigitAnchoredMatches {

    private final Matcher matcher;
    private final String text;
    private int from;

    DigitAnchoredMatches(Pattern pattern, String text) {
        this.matcher = pattern.matcher(text).useTransparentBounds(true);
        this.text = text;
    }

    /** Moves to the next match, as {@link Matcher#find()}; then {@link #matcher()} holds it. */
    boolean find() {
        int length = text.length();
        for (int i = from; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
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

    /** The current match. */
    Matcher matcher() {
        return matcher;
    }
}
