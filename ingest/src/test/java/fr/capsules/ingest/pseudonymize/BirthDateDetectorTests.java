package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthDateDetectorTests {

    private final BirthDateDetector dates = new BirthDateDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Mme Dupont, née le 03/02/1931, résidente.        | 03/02/1931      | 1931-02-03
        M. Gosselin, né le 17.06.1937 à Denain.          | 17.06.1937      | 1937-06-17
        Enfant né(e) le 5 mai 2012.                       | 5 mai 2012      | 2012-05-05
        Date de naissance : 1er février 1931              | 1er février 1931 | 1931-02-01
        DDN : 02-11-34                                    | 02-11-34        | 1934-11-02
        (D.D.N. 24/06/1953)                               | 24/06/1953      | 1953-06-24
        Date et lieu de naissance : 9 mars 1948 à Arras   | 9 mars 1948     | 1948-03-09
        NÉE LE 3 FÉVR. 1931                               | 3 FÉVR. 1931    | 1931-02-03
        """)
    void aDateInABirthContextIsADateOfBirth(String text, String date, String iso) {
        assertThat(dates.detect(text)).singleElement().satisfies(d -> {
            assertThat(d.in(text)).isEqualTo(date);
            assertThat(d.key()).isEqualTo(iso);
        });
    }

    @Test
    void otherDatesAreLeftAlone() {
        assertThat(dates.detect("Inspection du 12 mars 2024 ; courrier du 15/01/2024 ; délai au 30 juin.")).isEmpty();
    }

    @Test
    void oneDateWrittenTwoWaysHasOneIdentity() {
        assertThat(dates.detect("née le 03/02/1931 … date de naissance : 3 février 1931"))
                .extracting(Detection::key)
                .containsExactly("1931-02-03", "1931-02-03");
    }

    @Test
    void datesUnderABirthColumnOfATextTableAreDatesOfBirth() {
        String table = """
                Ch. | Résident | Né(e) le | Entrée
                101 | BOURGEOIS Marcelle | 12/04/1929 | 03/01/2022
                102 | LEFEBVRE Henri | 30/08/1935 | 15/06/2023

                Visite du 04/06/2024.
                """;
        assertThat(dates.detect(table)).extracting(d -> d.in(table), Detection::key)
                .containsExactly(tuple("12/04/1929", "1929-04-12"), tuple("30/08/1935", "1935-08-30"));
    }
}
