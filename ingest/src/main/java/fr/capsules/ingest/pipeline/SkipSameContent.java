package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.Sha256;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.CapsuleIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        // digested are the same (SkipSameContentTests compares with the whole text's hash).
        MessageDigest digest = Sha256.digest();
        StringBuilder folded = new StringBuilder();
        for (Passage passage : passages) {
            folded.setLength(0);
            appendFolded(folded, passage.text());
            folded.append('\n');
            digest.update(folded.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Appends {@code WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip()}. */
    static void appendFolded(StringBuilder out, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int start = out.length();
        boolean inSpace = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                if (!inSpace) {
                    out.append(' ');
                    inSpace = true;
                }
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        // String.strip: leading and trailing code points for which Character.isWhitespace holds.
        int end = out.length();
        int to = end;
        while (to > start) {
            int cp = Character.codePointBefore(out, to);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            to -= Character.charCount(cp);
        }
        int from = start;
        while (from < to) {
            int cp = Character.codePointAt(out, from);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            from += Character.charCount(cp);
        }
        out.setLength(to);
        out.delete(start, from);
    }
}
