package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.Sha256;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.CapsuleIndex;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Hashes the passages' text, case and spacing aside, and ends a file whose text is already in the
 * capsule (the same note as .txt and .md, a PDF saved twice) as a duplicate.
 */
final class SkipSameContent implements IngestionStage {

    private final CapsuleIndex index;

    SkipSameContent(CapsuleIndex index) {
        this.index = index;
    }

    @Override
    public void apply(FileIngestion file) throws IOException {
        String hash = contentHash(file.passages());
        file.contentHash(hash);
        index.findByContentHash(hash).ifPresent(existing -> file.duplicateOf(existing, "même contenu"));
    }

    /**
     * SHA-256 of the passages' texts, each in lower case ({@link Locale#ROOT}), its runs of
     * whitespace ({@code \\s}) made one space and stripped, followed by a line break. Written as
     * one pass per passage rather than with {@code replaceAll} and {@code strip}; {@code
     * SkipSameContentTests} checks it gives the same text as those.
     */
    static String contentHash(List<Passage> passages) {
        // Digested passage by passage rather than as one text built whole: each piece ends with a
        // line break, where UTF-8 encodes alike whether the text is cut there or not, so the bytes
        // digested are the same (SkipSameContentTests compares with the whole text's hash). Each
        // passage is folded into one array and encoded from there, without a string between.
        MessageDigest digest = Sha256.digest();
        char[] chars = new char[0];
        byte[] bytes = new byte[0];
        for (Passage passage : passages) {
            String text = passage.text();
            if (chars.length < text.length() + 1) {
                chars = new char[text.length() + 1];
            }
            // Text without surrogates, "İ" or "Σ", the usual case, is lower-cased char by char (a
            // table for Latin-1) in the same pass as its spaces are folded; other text goes through
            // toLowerCase first (its rules for "İ" and "Σ" depend on the text around, or change its
            // length).
            int length = foldCaseAndSpaces(text, chars);
            if (length < 0) {
                String lower = text.toLowerCase(Locale.ROOT);
                if (chars.length < lower.length() + 1) {
                    chars = new char[lower.length() + 1];
                }
                length = foldSpaces(lower, chars);
            }
            int to = stripEnd(chars, 0, length);
            int from = stripStart(chars, 0, to);
            chars[to++] = '\n';
            if (bytes.length < 3 * (to - from)) {
                bytes = new byte[3 * (to - from)];
            }
            digest.update(bytes, 0, utf8(chars, from, to, bytes));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Appends {@code WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip()}. */
    static void appendFolded(StringBuilder out, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        char[] chars = new char[lower.length()];
        int to = stripEnd(chars, 0, foldSpaces(lower, chars));
        int from = stripStart(chars, 0, to);
        out.append(chars, from, to - from);
    }

    /**
     * {@code text.toLowerCase(Locale.ROOT)} into {@code out} with each run of {@code \\s} made one
     * space, as {@link #foldSpaces} does, when toLowerCase would lower each char on its own: no
     * surrogate, no "İ" (U+0130, two chars in lower case), no "Σ" (U+03A3, final or not), and no
     * char whose lower case lies past the BMP, as {@code StringUTF16.toLowerCase} decides. Its
     * length there, or -1 when such a char is met (and {@code out} holds nothing of use).
     */
    static int foldCaseAndSpaces(String text, char[] out) {
        return fold(text, out, true);
    }

    /**
     * {@code text} into {@code out} with each run of {@code \\s} made one space, each other char lower-cased as
     * {@link #foldCaseAndSpaces} says when {@code lowerCase}, else as it is; its length there, or -1.
     */
    private static int fold(String text, char[] out, boolean lowerCase) {
        int length = 0;
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                if (!inSpace) {
                    out[length++] = ' ';
                    inSpace = true;
                }
                continue;
            }
            inSpace = false;
            if (!lowerCase) {
                out[length++] = c;
            } else if (c < LATIN_1_LOWER.length) {
                out[length++] = LATIN_1_LOWER[c];
            } else if (Character.isSurrogate(c) || c == '\u0130' || c == '\u03A3') {
                return -1;
            } else {
                int lower = Character.toLowerCase((int) c);
                if (!Character.isBmpCodePoint(lower)) {
                    return -1;
                }
                out[length++] = (char) lower;
            }
        }
        return length;
    }

    /** {@link Character#toLowerCase(char)} of the first 256 chars: what toLowerCase does to Latin-1 text. */
    private static final char[] LATIN_1_LOWER = latin1Lower();

    private static char[] latin1Lower() {
        char[] lower = new char[256];
        for (char c = 0; c < lower.length; c++) {
            lower[c] = Character.toLowerCase(c);
        }
        return lower;
    }

    /** Whether {@code c} is a {@code \\s} of {@link java.util.regex.Pattern} (without UNICODE_CHARACTER_CLASS). */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code lower} into {@code out} with each run of {@code \\s} made one space; its length there. */
    private static int foldSpaces(String lower, char[] out) {
        return fold(lower, out, false);
    }

    // String.strip: leading and trailing code points for which Character.isWhitespace holds.

    private static int stripEnd(char[] chars, int from, int to) {
        while (to > from) {
            int cp = Character.codePointBefore(chars, to, from);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            to -= Character.charCount(cp);
        }
        return to;
    }

    private static int stripStart(char[] chars, int from, int to) {
        while (from < to) {
            int cp = Character.codePointAt(chars, from, to);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            from += Character.charCount(cp);
        }
        return from;
    }

    /**
     * {@code chars[from, to)} in UTF-8 as {@link String#getBytes} writes it (a surrogate without
     * its pair becomes {@code ?}) into {@code out}, which holds 3 bytes a char; the count written.
     */
    private static int utf8(char[] chars, int from, int to, byte[] out) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
                    int cp = Character.toCodePoint(c, chars[++i]);
                    out[n++] = (byte) (0xF0 | (cp >> 18));
                    out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[n++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    out[n++] = '?';
                }
            } else {
                out[n++] = (byte) (0xE0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return n;
    }
}
