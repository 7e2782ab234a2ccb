package fr.capsules.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code TextNormalizer.removeInvisibles} copies runs of kept Latin-1 characters at once; it gives
 * what the former loop, which read code points past printable ASCII, gave.
 */
class RemoveInvisiblesTests {

    /** The former method, as it was. */
    private static String before(String text) {
        int length = text.length();
        int first = 0;
        while (first < length && isKeptAscii(text.charAt(first))) {
            first++;
        }
        if (first == length) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(length);
        cleaned.append(text, 0, first);
        for (int i = first; i < length; ) {
            char c = text.charAt(i);
            if (isKeptAscii(c)) {
                cleaned.append(c);
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            if (cp == '\n' || cp == '\t') {
                cleaned.append((char) cp);
            } else if (cp == '\u2019' || cp == '\u02BC') {
                cleaned.append('\'');
            } else if (Character.isSpaceChar(cp)) {
                cleaned.append(' ');
            } else if (!isInvisible(cp)) {
                cleaned.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return cleaned.toString();
    }

    private static boolean isKeptAscii(char c) {
        return (c >= ' ' && c < 0x7F) || c == '\n' || c == '\t';
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED;
    }

    @Test
    void everyCharAloneAndBetweenLettersAsBefore() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String one = String.valueOf((char) c);
            assertThat(TextNormalizer.removeInvisibles(one)).as("U+%04X", c).isEqualTo(before(one));
            String between = "é" + (char) c + "a";
            assertThat(TextNormalizer.removeInvisibles(between)).as("U+%04X", c).isEqualTo(before(between));
        }
    }

    @Test
    void generatedTextsAsBefore() {
        String likely = "aeéèàçôÉÀ ,.'\n\t\u00A0\u00AD\u0085\u0080\u009F\u00FF\u00B5\u2019\u02BC\u200B\u202F\u2028\uFEFF"
                + "\uD83D\uDE00\uD83D\uDE00\uDE00\uD83D\u0000\u001F\u007F\u0378\uE000";
        Random random = new Random(53);
        for (int n = 0; n < 30_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(5) == 0 ? (char) random.nextInt(0x300) : likely.charAt(random.nextInt(likely.length())));
            }
            assertThat(TextNormalizer.removeInvisibles(text.toString())).as(text.toString())
                    .isEqualTo(before(text.toString()));
        }
    }

    @Test
    void latin1TextWithNothingToRemoveIsTheSameString() {
        String text = "Réclamation reçue à l'ARS : « visite de l'EHPAD », 3 résidents âgés.\n\tFin.";
        assertThat(TextNormalizer.removeInvisibles(text)).isSameAs(text);
    }
}
