package fr.capsules.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TsvReadingTests {

    private static final String HEADER =
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    private static String word(int block, int paragraph, int line, String confidence, String text) {
        return "5\t1\t" + block + "\t" + paragraph + "\t" + line + "\t1\t0\t0\t10\t10\t" + confidence + "\t" + text + "\n";
    }

    @Test
    void wordsAreJoinedIntoLinesAndParagraphsAndTheirConfidencesAveraged() {
        String tsv = HEADER
                + "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n"
                + word(1, 1, 1, "96.5", "Écart")
                + word(1, 1, 1, "90", "n°")
                + word(1, 1, 2, "93.5", "1")
                + "4\t1\t1\t1\t3\t0\t0\t0\t10\t10\t-1\t\n"
                + word(2, 1, 1, "80", "Prescription");

        RecognizedPage page = TsvReading.read(3, tsv);

        assertThat(page.page()).isEqualTo(3);
        assertThat(page.paragraphs()).containsExactly("Écart n°\n1", "Prescription");
        assertThat(page.words()).isEqualTo(4);
        assertThat(page.confidence()).isEqualTo(90.0);
    }

    @Test
    void blankWordsAndRowsWithoutConfidenceAreLeftOut() {
        String tsv = HEADER + word(1, 1, 1, "-1", "bruit") + word(1, 1, 1, "95", " ") + word(1, 1, 1, "88", "texte");

        RecognizedPage page = TsvReading.read(1, tsv);

        assertThat(page.paragraphs()).containsExactly("texte");
        assertThat(page.confidence()).isEqualTo(88.0);
    }

    @Test
    void aPageWithoutWordsHasNoTextAndNoConfidence() {
        RecognizedPage page = TsvReading.read(1, HEADER);

        assertThat(page.paragraphs()).isEmpty();
        assertThat(page.words()).isZero();
        assertThat(page.confidence()).isZero();
    }
}
