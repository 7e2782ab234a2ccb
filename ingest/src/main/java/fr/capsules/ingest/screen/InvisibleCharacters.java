package fr.capsules.ingest.screen;

/**
 * Removes the characters that change nothing a reader sees but can carry text to a model or
 * reorder what a reader sees, and counts them:
 *
 * <ul>
 *   <li><b>tag characters</b> U+E0000–U+E007F, which mirror ASCII invisibly ("ASCII smuggling"): the
 *       ASCII they spell is kept aside ({@link #smuggledText()}) for the report;
 *   <li><b>zero-width characters</b>: U+200B, U+2060, U+FEFF, U+180E, U+2061–U+2064, and U+200C /
 *       U+200D except between two letters of a script that needs them (Arabic, Persian, Indic
 *       scripts…) or inside an emoji sequence;
 *   <li><b>bidirectional controls</b>: U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069. They
 *       change display order only; the logical text, which is what is indexed and sent to a model,
 *       keeps every letter of every script.
 * </ul>
 *
 * <p>One instance accumulates the counts of every text it strips (one file, or one question). Not
 * thread-safe.
 */
public final class InvisibleCharacters {

    private static final int MAX_SMUGGLED = 2_000;

    private int tags;
    private int zeroWidth;
    private int bidi;
    private final StringBuilder smuggled = new StringBuilder();

    /** {@code text} without its invisible characters; the same instance when it had none. */
    public String strip(String text) {
        if (text == null || !containsAny(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int size = Character.charCount(c);
            if (isTag(c)) {
                tags++;
                if (c >= 0xE0020 && c <= 0xE007E && smuggled.length() < MAX_SMUGGLED) {
                    smuggled.append((char) (c - 0xE0000));
                }
            } else if (isBidiControl(c)) {
                bidi++;
            } else if (isJoiner(c) && joinsLegitimately(previous, nextCodePoint(text, i + size))) {
                kept.appendCodePoint(c);
                previous = c;
            } else if (isZeroWidth(c) || isJoiner(c)) {
                zeroWidth++;
            } else {
                kept.appendCodePoint(c);
                previous = c;
            }
            i += size;
        }
        return kept.toString();
    }

    /** Tag characters removed so far. */
    public int tags() {
        return tags;
    }

    /** Zero-width characters removed so far. */
    public int zeroWidth() {
        return zeroWidth;
    }

    /** Bidirectional controls removed so far. */
    public int bidi() {
        return bidi;
    }

    public int total() {
        return tags + zeroWidth + bidi;
    }

    /** The ASCII text the removed tag characters spelled, e.g. "ignore previous instructions"; may be empty. */
    public String smuggledText() {
        return smuggled.toString().strip();
    }

    /**
     * A French sentence listing what was removed, e.g. "12 caractères invisibles retirés : 10 caractères
     * d'étiquette Unicode, 2 de largeur nulle"; null when nothing was.
     */
    public String summary() {
        if (total() == 0) {
            return null;
        }
        StringBuilder sentence = new StringBuilder().append(total()).append(" caractère(s) invisible(s) retiré(s) :");
        String separator = " ";
        if (tags > 0) {
            sentence.append(separator).append(tags).append(" d'étiquette Unicode (U+E0000–U+E007F)");
            separator = ", ";
        }
        if (zeroWidth > 0) {
            sentence.append(separator).append(zeroWidth).append(" de largeur nulle");
            separator = ", ";
        }
        if (bidi > 0) {
            sentence.append(separator).append(bidi).append(" de contrôle bidirectionnel");
        }
        return sentence.toString();
    }

    private static boolean containsAny(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x061C) {
                continue; // below every character looked for: most text, settled by one comparison
            }
            if (Character.isHighSurrogate(c) && c == '\uDB40') {
                return true; // the high surrogate of every tag character
            }
            if (isBidiControl(c) || isZeroWidth(c) || isJoiner(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isTag(int c) {
        return c >= 0xE0000 && c <= 0xE007F;
    }

    static boolean isBidiControl(int c) {
        return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    static boolean isZeroWidth(int c) {
        return c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x180E || (c >= 0x2061 && c <= 0x2064);
    }

    private static boolean isJoiner(int c) {
        return c == 0x200C || c == 0x200D;
    }

    private static int nextCodePoint(String text, int index) {
        return index < text.length() ? text.codePointAt(index) : -1;
    }

    /**
     * ZWNJ and ZWJ shape Arabic, Persian and Indic words and glue emoji sequences; between two Latin,
     * Greek or Cyrillic letters, or anywhere else, they only hide something.
     */
    private static boolean joinsLegitimately(int before, int after) {
        if (before < 0 || after < 0) {
            return false;
        }
        if (isEmojiPart(before) && isEmojiPart(after)) {
            return true;
        }
        return isLetterOrMark(before) && isLetterOrMark(after) && needsJoiners(before) && needsJoiners(after);
    }

    private static boolean isLetterOrMark(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean needsJoiners(int c) {
        return switch (Character.UnicodeScript.of(c)) {
            case LATIN, GREEK, CYRILLIC, ARMENIAN, GEORGIAN, HAN, HIRAGANA, KATAKANA, HANGUL, COMMON -> false;
            default -> true;
        };
    }

    private static boolean isEmojiPart(int c) {
        return Character.getType(c) == Character.OTHER_SYMBOL || (c >= 0xFE00 && c <= 0xFE0F)
                || (c >= 0x1F3FB && c <= 0x1F3FF);
    }
}
