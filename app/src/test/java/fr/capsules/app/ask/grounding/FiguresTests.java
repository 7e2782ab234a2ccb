package fr.capsules.app.ask.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTests {

    @Test
    void articleReferencesMeetWhateverTheirSpelling() {
        assertThat(Figures.inAnswer("selon l'article L1112-3 du code").keySet()).containsExactly("L1112-3");
        assertThat(Figures.inSource("conformément à l'art. L. 1112-3 et au R.311-3").keySet())
                .contains("L1112-3", "R311-3");
    }

    @Test
    void numbersAreCanonical() {
        assertThat(Figures.inAnswer("30 % des 1 000 résidents, 2,5 jours, le 08").keySet())
                .containsExactly("30", "1000", "2.5", "8");
    }

    @Test
    void datesMeetAcrossFormats() {
        assertThat(Figures.inSource("le 12 mars 2024").keySet()).contains("12", "3", "2024");
        assertThat(Figures.inAnswer("le 12/03/2024").keySet()).containsExactly("12", "3", "2024");
    }

    @Test
    void sourcesReadNumberWords() {
        assertThat(Figures.inSource("sous huit jours, quarante-huit heures, quatre-vingt-dix lits, trente et un mois").keySet())
                .contains("8", "48", "90", "31");
    }

    @Test
    void answersReadNumberWordsOnlyBeforeAUnit() {
        assertThat(Figures.inAnswer("deux conditions, un délai de quinze jours").keySet()).containsExactly("15");
    }

    @Test
    void countsTieAFigureToTheWordItCounts() {
        assertThat(Figures.counted("douze dossiers, 91 % des accusés, 6 dossiers sur 20, les deux autorités"))
                .containsEntry("dossier", java.util.Set.of("12", "6", "20"))
                .containsEntry("accuse", java.util.Set.of("91"))
                .containsEntry("autorite", java.util.Set.of("2"));
        assertThat(Figures.counted("un délai, une réponse")).isEmpty();
    }

    @Test
    void comparisonsKeepTheOrderOfTheirFigures() {
        assertThat(Figures.comparisons("47 jours en 2023, contre 58 jours en 2022 ; 9 cas sur 15"))
                .containsExactlyInAnyOrder(java.util.List.of("47", "58"), java.util.List.of("9", "15"));
        assertThat(Figures.comparisons("Écart : 12 dossiers. Sur place, rien")).isEmpty();
    }
}
