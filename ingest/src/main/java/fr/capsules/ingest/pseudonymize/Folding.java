package fr.capsules.ingest.pseudonymize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds written forms so that the same name or number written differently compares equal. */
final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Folding() {}

    /** Upper case, accents removed, curly apostrophes straightened, spaces collapsed. */
    static String name(String s) {
        String folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        folded = folded.replace('’', '\'').replace("Œ", "OE").replace("œ", "oe");
        return SPACES.matcher(folded).replaceAll(" ").trim().toUpperCase(Locale.ROOT);
    }

    /** Letters and digits only, folded like {@link #name}: "03.20-45" and "03 20 45" compare equal. */
    static String alphanumeric(String s) {
        return NOT_ALNUM.matcher(name(s)).replaceAll("");
    }
}
