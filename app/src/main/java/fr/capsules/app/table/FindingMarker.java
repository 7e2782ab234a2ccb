package fr.capsules.app.table;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marker that opens a finding at the start of a line, and what follows it.
 *
 * <p>Recognised markers: bullets ({@code - }, {@code * }, {@code •}, {@code –}, {@code —},
 * {@code ▪}…); numbers ({@code 1.}, {@code 1)}, {@code 1 -}, {@code 1 :}, {@code (1)},
 * {@code 1°}); letter labels ({@code E1}, {@code E1 :}, {@code E 1.}, {@code R2 -}); word labels
 * ({@code Écart 3 :}, {@code Remarque n°2 :}, {@code Ecart n° 4 –}, {@code Remarque :}); lettered
 * items ({@code a)}, {@code (b)}, {@code c.}), labelled by their letter. A bullet
 * or number may be followed by a letter or word label ("- E1 : …", "1. Écart : …"), which then
 * gives the label and type.
 *
 * @param label the number as written ("3", "E1", "Écart 3", "Remarque n°2"), "" for a bullet
 * @param type the type the label names, or null
 * @param bullet true when the marker is a bullet without any label
 * @param rest the text after the marker, may be empty
 */
record FindingMarker(String label, FindingType type, boolean bullet, String rest) {

    private static final Pattern BULLET = Pattern.compile("^(?:[-*]\\s+|[•–—·▪■►➢✓◦‣]\\s*)");
    private static final Pattern NUMBER = Pattern.compile(
            "^(?:\\((\\d{1,3})\\)\\s*|(\\d{1,3})\\s*(?:[.)°](?!\\d)\\s*|\\s[-–—:]\\s+|[-–—:]\\s+))");
    /** "a)", "(b)", "c." followed by text: a lettered item, labelled by its letter. */
    private static final Pattern LETTER_ITEM = Pattern.compile("^(?:\\(([a-z])\\)|([a-z])[).])\\s+(?=\\S)");
    private static final Pattern LETTER_LABEL =
            Pattern.compile("^([ER])\\s?(\\d{1,3})\\s*(?:[.:)\\-–—]\\s*|\\s+|$)");
    private static final Pattern WORD_LABEL = Pattern.compile(
            "^((?:[ée]carts?|remarques?)(?:\\s*(?:n\\s?[°º]|no\\.?|n\\.)\\s*(?=\\d)|\\s*)(\\d{1,3})?)"
                    + "\\s*([.:)\\-–—]\\s*|$)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The marker at the start of {@code line} (already trimmed), or empty when there is none. */
    static Optional<FindingMarker> at(String line) {
        Optional<FindingMarker> labelled = labelled(line);
        if (labelled.isPresent()) {
            return labelled;
        }
        Matcher bullet = BULLET.matcher(line);
        if (bullet.find()) {
            String rest = line.substring(bullet.end());
            return Optional.of(labelled(rest).orElse(new FindingMarker("", null, true, rest)));
        }
        Matcher letter = LETTER_ITEM.matcher(line);
        if (letter.find()) {
            String name = letter.group(1) != null ? letter.group(1) : letter.group(2);
            return Optional.of(new FindingMarker(name, null, false, line.substring(letter.end())));
        }
        Matcher number = NUMBER.matcher(line);
        if (number.find()) {
            String digits = number.group(1) != null ? number.group(1) : number.group(2);
            String rest = line.substring(number.end());
            return Optional.of(labelled(rest)
                    .map(inner -> inner.label().isEmpty() ? inner.withLabel(digits) : inner)
                    .orElse(new FindingMarker(digits, null, false, rest)));
        }
        return Optional.empty();
    }

    private static Optional<FindingMarker> labelled(String line) {
        Matcher letter = LETTER_LABEL.matcher(line);
        if (letter.find()) {
            String label = letter.group(1) + letter.group(2);
            return Optional.of(new FindingMarker(label, FindingType.detect(label).orElse(null), false,
                    line.substring(letter.end())));
        }
        Matcher word = WORD_LABEL.matcher(line);
        // "Écart de température…" is a finding's wording: a word label needs a number or a separator.
        if (word.find() && (word.group(2) != null || word.group(3) != null)) {
            FindingType type = AccentFolding.fold(word.group(1)).startsWith("ecart")
                    ? FindingType.ECART
                    : FindingType.REMARQUE;
            String label = word.group(2) == null ? "" : FindingText.inline(word.group(1));
            return Optional.of(new FindingMarker(label, type, false, line.substring(word.end())));
        }
        return Optional.empty();
    }

    /** A bullet or a lettered item ("a)"): after a finding ending with ":", an item of its enumeration. */
    boolean enumerates() {
        return bullet || label.matches("[a-z]");
    }

    private FindingMarker withLabel(String newLabel) {
        return new FindingMarker(newLabel, type, false, rest);
    }
}
