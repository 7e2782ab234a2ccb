package fr.capsules.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One normaliser of deadlines, for scoring a proposed deadline against the real one and for voting among past ones. */
class DeadlinesTests {

    @Test
    void aFortnightIsTheSameWrittenInDigitsInWordsOrInWeeks() {
        assertThat(Deadlines.key("15 jours")).hasValue("15 d");
        assertThat(Deadlines.same("15 jours", "quinze jours")).isTrue();
        assertThat(Deadlines.same("15 jours", "2 semaines")).isTrue();
        assertThat(Deadlines.same("15 jours", "sous quinzaine")).isTrue();
        assertThat(Deadlines.same("dans un délai de 15 jours", "Délai : 15 jours")).isTrue();
        assertThat(Deadlines.same("15 jours", "1 mois")).isFalse();
    }

    @Test
    void atOnceIsTheSameWhateverItsWording() {
        assertThat(Deadlines.key("Immédiat")).hasValue("0 d");
        assertThat(Deadlines.same("Immédiat", "immédiatement")).isTrue();
        assertThat(Deadlines.same("IMMEDIAT", "sans délai")).isTrue();
        assertThat(Deadlines.same("Immédiat", "dès réception du rapport")).isTrue();
        assertThat(Deadlines.same("Immédiat", "15 jours")).isFalse();
    }

    @Test
    void aMonthIsThirtyDaysAndAYearTwelveMonths() {
        assertThat(Deadlines.same("1 mois", "30 jours")).isTrue();
        assertThat(Deadlines.same("1 mois", "un mois")).isTrue();
        assertThat(Deadlines.same("3 mois", "trois mois")).isTrue();
        assertThat(Deadlines.same("12 mois", "1 an")).isTrue();
        assertThat(Deadlines.same("6 mois", "3 mois")).isFalse();
    }

    @Test
    void aDateIsReadInEitherWritingAndTextWithoutDeadlineComparesAsText() {
        assertThat(Deadlines.key("avant le 31/12/2026")).hasValue("2026-12-31");
        assertThat(Deadlines.same("31/12/2026", "2026-12-31")).isTrue();
        assertThat(Deadlines.same("1/2/2027", "01/02/2027")).isTrue();
        assertThat(Deadlines.key("à définir")).isEmpty();
        assertThat(Deadlines.key("")).isEmpty();
        assertThat(Deadlines.same("à définir", "A définir")).isTrue();
        assertThat(Deadlines.same("à définir", "15 jours")).isFalse();
        // A 200-character excerpt that happens to hold an amount is read as that amount; the cell check refuses it anyway.
        assertThat(Deadlines.key("le stock de trois jours de médicaments")).hasValue("3 d");
    }

    @Test
    void aDateWrittenInWordsIsTheSameDate() {
        assertThat(Deadlines.key("31 décembre 2026")).hasValue("2026-12-31");
        assertThat(Deadlines.same("au plus tard le 1er mars 2027", "01/03/2027")).isTrue();
        assertThat(Deadlines.key("le 12 rapports 2026")).isEmpty();
    }

    @Test
    void aDeadlineCellHoldsOneDeadlineAndOnlyTheWordsThatFrameIt() {
        assertThat(Deadlines.isOnlyADeadline("Immédiat")).isTrue();
        assertThat(Deadlines.isOnlyADeadline("immédiatement")).isTrue();
        assertThat(Deadlines.isOnlyADeadline("quinze jours")).isTrue();
        assertThat(Deadlines.isOnlyADeadline("Sous quinzaine")).isTrue();
        assertThat(Deadlines.isOnlyADeadline("Dans un délai de 3 mois à compter de la réception du rapport définitif")).isTrue();
        assertThat(Deadlines.isOnlyADeadline("dès réception du rapport")).isTrue();
        assertThat(Deadlines.isOnlyADeadline("au plus tard le 31 décembre 2026")).isTrue();
        assertThat(Deadlines.isOnlyADeadline("2027-03-01")).isTrue();

        assertThat(Deadlines.isOnlyADeadline("Les transmissions ciblées sont relues tous les 15 jours")).isFalse();
        assertThat(Deadlines.isOnlyADeadline("article L.313-14 du CASF")).isFalse();
        assertThat(Deadlines.isOnlyADeadline("à compléter")).isFalse();
        assertThat(Deadlines.isOnlyADeadline("")).isFalse();
        assertThat(Deadlines.isOnlyADeadline(null)).isFalse();
    }
}
