package fr.capsules.app.ask.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeWordsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Un audit quotidien                       | 1
            Un relevé journalier                     | 1
            Une réunion hebdomadaire                 | 7
            Contrôler mensuellement les plans        | 30
            Un comité trimestriel                    | 90
            Réunir le comité tous les trois mois     | 90
            Réunir le comité quatre fois par an      | 90
            Réunir le comité deux fois par an        | 180
            Une revue annuelle                       | 365
            Recueillir chaque année les directives   | 365
            Réunir le comité tous les 2 ans          | 730
            """)
    void periodsAreReadInDays(String text, int days) {
        assertThat(TimeWords.periods(text)).containsKey(days);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Annoncé la veille                      | -1
            Annoncé l'avant-veille                 | -2
            Fait le jour même                      | 0
            Fait le lendemain                      | 1
            Annoncé une semaine à l'avance         | -7
            Annoncé 3 jours à l'avance             | -3
            """)
    void daysAreReadRelativeToTheEvent(String text, int day) {
        assertThat(TimeWords.relativeDays(text)).containsKey(day);
    }

    @Test
    void aNegatedBeforeIsAnAfter() {
        assertThat(TimeWords.orders("La mention n'est jamais retirée avant validation.")).containsEntry("valid", "après");
        assertThat(TimeWords.orders("La mention est retirée avant validation.")).containsEntry("valid", "avant");
    }

    @Test
    void differencesAreReported() {
        assertThat(TimeWords.difference("Un audit annuel.", "Un audit trimestriel.")).isPresent();
        assertThat(TimeWords.difference("Un audit tous les trois mois.", "Un audit trimestriel.")).isEmpty();
        assertThat(TimeWords.difference("Sous 8 jours calendaires.", "Sous 8 jours ouvrés.")).isPresent();
        assertThat(TimeWords.difference("Sous 8 jours ouvrables.", "Sous 8 jours ouvrés.")).isEmpty();
        assertThat(TimeWords.difference("Après l'échéance.", "Avant l'échéance.")).isPresent();
    }
}
