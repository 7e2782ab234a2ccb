package fr.capsules.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.Sha256;
import fr.capsules.ingest.chunk.Passage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The content hash's text, written in one pass, is the text the regular expression and strip() made. */
class SkipSameContentTests {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final List<String> PIECES = List.of(
            "Réclamation", "EHPAD", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003", "\u3000", "\u001C",
            "\u2028", "\u202F", "İstanbul", "ΟΔΟΣ", "Σ", "ß", "😀", "\uD83D", "\uDE00", "\u20AC", "x", "É", ".", "\u1680", "\u0085");

    @Test
    void theSameTextAsReplaceAllAndStrip() {
        Random random = new Random(5);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(10);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            StringBuilder out = new StringBuilder("avant\n");
            SkipSameContent.appendFolded(out, text.toString());
            assertThat(out.toString()).as(text.toString())
                    .isEqualTo("avant\n" + WHITESPACE.matcher(text.toString().toLowerCase(Locale.ROOT)).replaceAll(" ").strip());
        }
    }

    @Test
    void theSameHashAsTheWholeTextDigestedAtOnce() {
        Random random = new Random(17);
        for (int n = 0; n < 5_000; n++) {
            List<Passage> passages = new ArrayList<>();
            StringBuilder whole = new StringBuilder();
            int count = random.nextInt(5);
            for (int p = 0; p < count; p++) {
                StringBuilder text = new StringBuilder();
                int pieces = random.nextInt(10);
                for (int i = 0; i < pieces; i++) {
                    text.append(PIECES.get(random.nextInt(PIECES.size())));
                }
                passages.add(new Passage(text.toString(), 1, List.of(), Passage.Kind.TEXT));
                SkipSameContent.appendFolded(whole, text.toString());
                whole.append('\n');
            }
            assertThat(SkipSameContent.contentHash(passages)).as(whole.toString())
                    .isEqualTo(Sha256.hex(whole.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Every Latin-1 char, with the spaces and upper-case letters more often than the rest. */
    private static final String LATIN_1_LIKELY = " \t\n\r\u000B\f\u001C\u0085\u00A0ÀÉÞßÿµªºAZaz.";

    @Test
    void textIsFoldedCharByCharAsToLowerCaseAndTheExpressionFoldIt() {
        Random random = new Random(29);
        int folded = 0;
        int refused = 0;
        for (int n = 0; n < 60_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(switch (random.nextInt(4)) {
                    case 0 -> (char) random.nextInt(256);
                    case 1 -> (char) random.nextInt(0x10000);
                    case 2 -> "œŒ—€ΑΣσςДдǅǄⅫᾼẞ".charAt(random.nextInt(15));
                    default -> LATIN_1_LIKELY.charAt(random.nextInt(LATIN_1_LIKELY.length()));
                });
            }
            if (random.nextInt(16) == 0) {
                text.insert(random.nextInt(text.length() + 1), PIECES.get(random.nextInt(PIECES.size())));
            }
            char[] out = new char[text.length() + 1];
            int length2 = SkipSameContent.foldCaseAndSpaces(text.toString(), out);
            if (length2 < 0) {
                refused++;
                assertThat(text.chars().anyMatch(c -> Character.isSurrogate((char) c) || c == 0x130 || c == 0x3A3
                        || !Character.isBmpCodePoint(Character.toLowerCase(c)))).as(text.toString()).isTrue();
            } else {
                folded++;
                assertThat(new String(out, 0, length2)).as(text.toString())
                        .isEqualTo(WHITESPACE.matcher(text.toString().toLowerCase(Locale.ROOT)).replaceAll(" "));
            }
        }
        assertThat(folded).isGreaterThan(10_000);
        assertThat(refused).isGreaterThan(1_000);
    }

    @Test
    void everyBmpCharFoldedAsToLowerCase() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + "B";
            char[] out = new char[4];
            int length = SkipSameContent.foldCaseAndSpaces(text, out);
            if (length >= 0) {
                assertThat(new String(out, 0, length)).as("U+%04X", c)
                        .isEqualTo(WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" "));
            }
        }
    }

    @Test
    void theSameHashAsTheWholeTextDigestedAtOnceForLatin1AndOtherPassagesMixed() {
        Random random = new Random(31);
        for (int n = 0; n < 5_000; n++) {
            List<Passage> passages = new ArrayList<>();
            StringBuilder whole = new StringBuilder();
            int count = random.nextInt(6);
            for (int p = 0; p < count; p++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(30);
                for (int i = 0; i < length; i++) {
                    text.append(LATIN_1_LIKELY.charAt(random.nextInt(LATIN_1_LIKELY.length())));
                }
                if (random.nextInt(3) == 0) {
                    text.insert(random.nextInt(text.length() + 1), PIECES.get(random.nextInt(PIECES.size())));
                }
                passages.add(new Passage(text.toString(), 1, List.of(), Passage.Kind.TEXT));
                whole.append(WHITESPACE.matcher(text.toString().toLowerCase(Locale.ROOT)).replaceAll(" ").strip()).append('\n');
            }
            assertThat(SkipSameContent.contentHash(passages)).as(whole.toString())
                    .isEqualTo(Sha256.hex(whole.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }
}
