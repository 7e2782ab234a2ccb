package fr.capsules.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The words of an ASCII file name, read in one pass, are the ones the expressions find. */
class FileNameWordsAsciiTests {

    private static final List<String> PIECES = List.of(
            "rapport", "Rapport", "RAPPORT", "-", "_", ".", " ", "  ", "(2)", "copie", "de", "scan0001", "0001",
            "2024", "12", "v2", "ehpad", "EHPAD", "inspection", "x", "a1b2", "note", "~", "'", "#", "\t", "",
            "\u0000", "\u007F", "\u001F", "Z9", "9z", "ab12cd", "CR", "vf", "V", "I");

    @Test
    void theSameWordsAsTheExpressions() {
        Random random = new Random(61);
        for (int n = 0; n < 30_000; n++) {
            StringBuilder name = new StringBuilder();
            int pieces = random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                name.append(random.nextInt(6) == 0
                        ? String.valueOf((char) random.nextInt(0x80))
                        : PIECES.get(random.nextInt(PIECES.size())));
            }
            assertThat(FileNameWords.asciiWords(name.toString())).as(name.toString())
                    .isEqualTo(FileNameWords.wordsByExpressions(name.toString()));
        }
        for (char c = 0; c < 0x80; c++) {
            String name = "a" + c + "1" + c + "B";
            assertThat(FileNameWords.asciiWords(name)).as("U+%04X", (int) c)
                    .isEqualTo(FileNameWords.wordsByExpressions(name));
        }
    }

    @Test
    void nonAsciiNamesStillGoThroughTheExpressions() {
        FileNameWords words = new FileNameWords();
        assertThat(words.words("Réclamation_EHPAD-2024")).containsExactly("reclamation", "ehpad", "2024");
        assertThat(words.words("ﬁche２")).isEqualTo(FileNameWords.wordsByExpressions("ﬁche２"));
    }
}
