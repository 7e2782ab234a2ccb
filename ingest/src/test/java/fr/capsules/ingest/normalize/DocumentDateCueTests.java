package fr.capsules.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The document date's cue score, with its checks before the expressions, is the expressions' own. */
class DocumentDateCueTests {

    // The two expressions as they were run on every window before.
    private static final Pattern DOCUMENT_DATE_CUE = Pattern.compile(
            "(?<!\\p{L})(?:datee?|inspection|visite|controle|fait a|rapport du|redige"
                    + "|etabli|signe|edite|mise a jour)(?!\\p{L})");
    private static final Pattern IMMEDIATE_CUE = Pattern.compile("(?<!\\p{L})(?:le|du|en date du)\\s*:?\\s*$");

    private static final List<String> PIECES = List.of(
            "date", "datee", "dates", "xdate", "inspection", "visite", "visites", "controle", "fait a", "fait",
            "rapport du", "rapport", "redige", "etabli", "etablie", "signe", "edite", "mise a jour", "mise a",
            "le", "du", "ble", "dul", "en date du", "en date", "l", "e", "d", "u", " ", "  ", ":", "::", " : ", "\t",
            "\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "\u000B", "\f", "\u00A0", ",", "lille", "a", "é",
            "\uD835\uDC1A", "3", "x");

    @Test
    void theSameScoreAsTheTwoExpressions() {
        Random random = new Random(59);
        int[] scores = new int[3];
        for (int n = 0; n < 60_000; n++) {
            StringBuilder window = new StringBuilder();
            int pieces = random.nextInt(9);
            for (int i = 0; i < pieces; i++) {
                window.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = window.toString();
            int expected = DOCUMENT_DATE_CUE.matcher(text).find() ? 2 : IMMEDIATE_CUE.matcher(text).find() ? 1 : 0;
            assertThat(DateExtractor.cueScore(text)).as(text).isEqualTo(expected);
            scores[expected]++;
        }
        assertThat(java.util.Arrays.stream(scores).min().orElseThrow()).as(java.util.Arrays.toString(scores)).isGreaterThan(1_000);
    }
}
