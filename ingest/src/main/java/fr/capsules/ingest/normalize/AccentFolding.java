package fr.capsules.ingest.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lower case without accents, as the date cues and month names are compared: the text decomposed
 * (NFD), its combining marks removed, then lower-cased ({@link Locale#ROOT}). The one folding of the
 * project: the table's values, the grounding check's words and the danger signals compare through it too.
 */
public final class AccentFolding {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    /** {@link #foldAnyText} of each Latin-1 char, worked out once. */
    private static final String[] LATIN_1_FOLDED = latin1Folded();

    private AccentFolding() {}

    /** "ÉCARTS", "écarts" and "Ecarts" all give "ecarts". */
    public static String fold(String text) {
        // Latin-1, the usual case, holds no combining mark and decomposes char by char, and its
        // lower case does not depend on the neighbours: each char's fold is read from a table.
        StringBuilder folded = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= LATIN_1_FOLDED.length) {
                return foldAnyText(text);
            }
            String f = LATIN_1_FOLDED[c];
            if (folded == null && (f.length() != 1 || f.charAt(0) != c)) {
                folded = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (folded != null) {
                folded.append(f);
            }
        }
        return folded == null ? text : folded.toString();
    }

    private static String[] latin1Folded() {
        String[] folded = new String[256];
        for (char c = 0; c < folded.length; c++) {
            folded[c] = foldAnyText(String.valueOf(c));
        }
        return folded;
    }

    static String foldAnyText(String text) {
        return COMBINING_MARKS
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }
}
