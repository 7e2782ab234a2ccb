package fr.capsules.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns the bytes of a text file (CSV, text, HTML without a declared charset) into a string. Order
 * of evidence: byte order mark, then strict UTF-8 validity, then juniversalchardet, then
 * windows-1252, the encoding of French files saved by Excel and Notepad on Windows.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Detector answers we trust. On short French texts juniversalchardet sometimes answers a
     * Cyrillic or Asian code page; those files are in practice windows-1252, so such answers fall
     * back to it.
     */
    private static final Set<String> TRUSTED_GUESSES =
            Set.of("UTF-16LE", "UTF-16BE", "WINDOWS-1252", "ISO-8859-1", "ISO-8859-15", "US-ASCII");

    /**
     * @param text the decoded text, without byte order mark
     * @param charset the charset used
     * @param certain true when a BOM or strict UTF-8 validity decided, false for a guess
     */
    record Decoded(String text, Charset charset, boolean certain) {

        /** Warns the uploader when the encoding was guessed, as accents may then be wrong. */
        void reportTo(java.util.List<String> warnings) {
            if (!certain) {
                warnings.add("encodage deviné : " + charset.name() + " (fichier non UTF-8), vérifiez les accents");
            }
        }
    }

    private TextDecoding() {}

    static Decoded decode(byte[] bytes) {
        Decoded withBom = decodeByBom(bytes);
        if (withBom != null) {
            return withBom;
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8, true);
        }
        Charset guessed = guess(bytes);
        return new Decoded(new String(bytes, guessed), guessed, false);
    }

    private static Decoded decodeByBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, true);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, true);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, true);
        }
        return null;
    }

    static String strictUtf8(byte[] bytes) {
        // The String constructor decodes far faster than a CharsetDecoder, and replaces every
        // malformed sequence with U+FFFD: without one in its result, the bytes were valid UTF-8.
        // With one (malformed, or a U+FFFD written in the file), the strict decoder decides.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Charset guess(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, 1 << 20));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null || !TRUSTED_GUESSES.contains(name.toUpperCase(Locale.ROOT))) {
            return WINDOWS_1252;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        // ISO-8859-1 and ASCII are subsets of windows-1252 for printable text, and windows-1252
        // also maps the curly quotes, œ and € that Windows editors put in the 0x80-0x9F range.
        if (upper.equals("ISO-8859-1") || upper.equals("US-ASCII")) {
            return WINDOWS_1252;
        }
        return Charset.isSupported(name) ? Charset.forName(name) : WINDOWS_1252;
    }
}
