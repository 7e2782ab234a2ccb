package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class FieldNameDetectorTests {

    private final FieldNameDetector fields = new FieldNameDetector();

    @Test
    void aFirstNameFieldAfterANameFieldCompletesTheSamePerson() {
        String form = "Nom : GOSSELIN\nPrénom : Raymond\nDDN : 17/06/1937\n";
        assertThat(fields.detect(form)).extracting(d -> d.in(form), Detection::person)
                .containsExactly(
                        tuple("GOSSELIN", new PersonName("GOSSELIN", null, null)),
                        tuple("Raymond", new PersonName("GOSSELIN", "Raymond", null)));
    }

    @Test
    void fieldsOfARenderedTableRowAreRead() {
        String row = "Chambre : 12 ; Nom d'usage : Desmet ; Personne à prévenir : Sylvie Gosselin";
        assertThat(fields.detect(row)).extracting(d -> d.in(row)).containsExactly("Desmet", "Sylvie Gosselin");
    }

    @Test
    void cellsUnderNameColumnsOfATextTableAreNamesAndAFirstNameJoinsItsRow() {
        String csv = """
                nom;prénom;date de naissance;chambre
                LAMBERT;Odette;08/11/1927;12
                NGUYEN;Thi Lan;30/08/1942;14
                """;
        assertThat(fields.detect(csv)).extracting(d -> d.in(csv), Detection::person).containsExactly(
                tuple("LAMBERT", new PersonName("LAMBERT", null, null)),
                tuple("Odette", new PersonName("LAMBERT", "Odette", null)),
                tuple("NGUYEN", new PersonName("NGUYEN", null, null)),
                tuple("Thi Lan", new PersonName("NGUYEN", "Thi Lan", null)));
    }

    @Test
    void fieldsWithoutANameNameNobody() {
        assertThat(fields.detect("Nom : EHPAD Les Tilleuls\nContact : 03 27 45 12 90\nNom de l'établissement : X")).isEmpty();
    }
}
