package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.capsules.ingest.pseudonymize.PersonName.Gender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CivilityNameDetectorTests {

    private final CivilityNameDetector civilities = new CivilityNameDetector();

    private List<String> mentions(String text) {
        return civilities.detect(text).stream().map(d -> d.in(text)).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        M. Durand                     | Durand          |              | MALE
        Mme Blanc                     | Blanc           |              | FEMALE
        Madame Marie-Claire Lefèvre   | Lefèvre         | Marie-Claire | FEMALE
        Dr Nguyen                     | Nguyen          |              | UNKNOWN
        M. JUSTE                      | JUSTE           |              | MALE
        Mme DUPONT Jeanne             | DUPONT          | Jeanne       | FEMALE
        Monsieur Jean-Pierre MARTIN   | MARTIN          | Jean-Pierre  | MALE
        M. de Villepin                | de Villepin     |              | MALE
        Mme N'Diaye                   | N'Diaye         |              | FEMALE
        M. J.-P. Martin               | Martin          | J.-P.        | MALE
        Maître Roux                   | Roux            |              | UNKNOWN
        Mlle Le Goff                  | Le Goff         |              | FEMALE
        """)
    void aCivilityIntroducesAName(String mention, String surname, String firstName, Gender gender) {
        String text = "Selon " + mention + ", la visite a eu lieu.";
        assertThat(civilities.detect(text)).singleElement().satisfies(d -> {
            assertThat(d.in(text)).isEqualTo(mention);
            assertThat(d.person()).isEqualTo(new PersonName(surname, firstName, gender));
        });
    }

    @Test
    void aMonthRightAfterACivilityIsAName() {
        assertThat(mentions("Contact : Mme Mai Nguyen ; M. Avril est venu ; M. Durand Mai 2024")).containsExactly(
                "Mme Mai Nguyen", "M. Avril", "M. Durand");
    }

    @Test
    void everydayWordsAreNamesAfterACivility() {
        assertThat(mentions("Mme Blanc est présente ; M. Juste a signé ; le mur est blanc ; c'est juste."))
                .containsExactly("Mme Blanc", "M. Juste");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Madame, Monsieur,", "Madame la Directrice,", "Monsieur le Préfet de région", "Madame l'Inspectrice",
        "Monsieur le Directeur Général", "Mesdames et Messieurs", "article R. 1112-91", "M. et", "Mme EHPAD"
    })
    void aCivilityWithoutNameNamesNobody(String text) {
        assertThat(civilities.detect(text)).isEmpty();
    }

    @Test
    void theNameStopsBeforeATitleOrAnAcronym() {
        assertThat(mentions("Mme Dupont Directrice de l'EHPAD ; Dr Martin IDE ; M. Durand, cadre."))
                .containsExactly("Mme Dupont", "Dr Martin", "M. Durand");
    }

    @Test
    void aCoupleAndMaidenOrMarriedNamesAreOneMention() {
        assertThat(civilities.detect("M. et Mme Durand ; Mme Durand née Martin ; Mme Hennebelle épouse Desmet"))
                .extracting(Detection::key, d -> d.person().gender())
                .containsExactly(tuple("DURAND", Gender.COUPLE), tuple("DURAND", Gender.FEMALE),
                        tuple("HENNEBELLE", Gender.FEMALE));
        assertThat(mentions("Mme Durand née Martin, sa mère ; née le 3 mars")).containsExactly("Mme Durand née Martin");
    }
}
