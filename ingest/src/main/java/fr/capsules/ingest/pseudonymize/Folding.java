package fr.capsules.ingest.pseudonymize;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds written forms so that the same name or number written differently compares equal. Runs on
 * every word a name rule looks at, so the common case (Latin letters, French accents) avoids the
 * Unicode normaliser and regular expressions.
 */
final class Folding {

    // Base letters of Latin-1 and Latin Extended-A, computed once: names are folded word by word.
    private static final String[] BASE = new String[0x250];

    static {
        for (char c = 128; c < BASE.length; c++) {
            BASE[c] = decompose(c);
        }
    }

    private Folding() {}

    /** Upper case, accents removed, curly apostrophes straightened, spaces collapsed, trimmed. */
    static String name(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F') {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (c < 128) {
                out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
            } else if (c == '’') {
                out.append('\'');
            } else if (c == 'œ' || c == 'Œ') {
                out.append("OE");
            } else if (c == 'æ' || c == 'Æ') {
                out.append("AE");
            } else {
                out.append(baseLetter(c));
            }
        }
        return out.toString();
    }

    /** Letters and digits only, folded like {@link #name}: "03.20-45" and "03 20 45" compare equal. */
    static String alphanumeric(String s) {
        String folded = name(s);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String baseLetter(char c) {
        return c < BASE.length ? BASE[c] : decompose(c);
    }

    private static String decompose(char c) {
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(1);
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            if (Character.getType(d) != Character.NON_SPACING_MARK) {
                base.append(d);
            }
        }
        return base.toString().toUpperCase(Locale.ROOT);
    }
}
