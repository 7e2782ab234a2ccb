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
}
