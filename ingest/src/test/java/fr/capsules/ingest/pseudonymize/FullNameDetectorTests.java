package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FullNameDetectorTests {

    private final FullNameDetector names = new FullNameDetector();

    private List<String> mentions(String text) {
        return names.detect(text).stream().map(d -> d.in(text)).toList();
    }

    @Test
    void aListedFirstNameFollowedByASurnameIsAPerson() {
        assertThat(mentions("Jeanne Dupont et Marie-Claire LEFÈVRE ont signé ; Thomas Leroy aussi."))
                .containsExactly("Jeanne Dupont", "Marie-Claire LEFÈVRE", "Thomas Leroy");
    }

    @Test
    void theAdministrativeOrderWithTheSurnameInCapitalsIsAPerson() {
        assertThat(names.detect("Résident : DUPONT Jeanne, chambre 12."))
                .singleElement()
                .satisfies(d -> assertThat(d.person()).isEqualTo(new PersonName("DUPONT", "Jeanne", null)));
    }

    @Test
    void anInitialFollowedByASurnameIsAPerson() {
        assertThat(mentions("édité par S. Lagache ; vu par J.-P. Martin")).containsExactly("S. Lagache", "J.-P. Martin");
    }

    @Test
    void aListedFirstNameWithTheInitialOfTheSurnameIsAPerson() {
        assertThat(mentions("retrouvée par l'aide-soignante de nuit (Yasmine B.) à 2 h")).containsExactly("Yasmine B.");
    }

    @Test
    void aFirstNameAloneOrInAPlaceNameIsNoPerson() {
        assertThat(mentions("Jeanne a chuté. Rue Victor Hugo ; lycée Jean Monnet ; place Charles de Gaulle ; "
                + "Saint Pierre ; RAPPORT D'INSPECTION ; ARS Hauts-de-France.")).isEmpty();
    }
}
