package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The HTML sniffing without a lower-cased copy of the head decides as it did with one. */
class LooksLikeHtmlTests {

    /** The former method, as it was. */
    private static boolean before(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1)
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("\u00ef\u00bb\u00bf")) {
            head = head.substring(3).stripLeading();
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html")
                || (head.startsWith("<?xml") && head.contains("<html"));
    }

    private static final List<String> PIECES = List.of(
            "<!doctype html", "<!DOCTYPE HTML", "<!DocType Html", "<!doctype", " html", "<html", "<HTML", "<Html>",
            "<?xml", "<?XML", "<?xml version=\"1.0\"?>", "<htm", "<", "!", "?", "x", "ml", " ", "\t", "\n", "\r\n",
            "\u000B", "\f", "\u001C", "\u001F", "\u00A0", "\u0085", "\u00EF\u00BB\u00BF", "\u00CF\u00BB\u00BF",
            "\u00EF\u00BB", "\u00BF", "\u00C9", "\u00E9", "\u00FF", "\u00B5", "Rapport", "texte");

    @Test
    void theSameDecisionAsWithTheLowerCasedHead() {
        Random random = new Random(67);
        int html = 0;
        for (int n = 0; n < 60_000; n++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int pieces = random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                if (random.nextInt(6) == 0) {
                    bytes.write(random.nextInt(256));
                } else {
                    bytes.writeBytes(PIECES.get(random.nextInt(PIECES.size())).getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            if (random.nextInt(10) == 0) {
                bytes.writeBytes("a".repeat(990 + random.nextInt(40)).getBytes(StandardCharsets.ISO_8859_1));
                bytes.writeBytes("<HTML>".getBytes(StandardCharsets.ISO_8859_1));
            }
            byte[] content = bytes.toByteArray();
            boolean expected = before(content);
            html += expected ? 1 : 0;
            assertThat(FormatDetector.looksLikeHtml(content)).as(new String(content, StandardCharsets.ISO_8859_1))
                    .isEqualTo(expected);
        }
        assertThat(html).isGreaterThan(1_000);
    }
}
