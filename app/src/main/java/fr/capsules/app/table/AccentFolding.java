package fr.capsules.app.table;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Lower case without accents, so "ÉCARTS", "écarts" and "Ecarts" compare equal. */
final class AccentFolding {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private AccentFolding() {}

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).strip();
    }
}
