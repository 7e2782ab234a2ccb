package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressDetectorTests {

    private final AddressDetector addresses = new AddressDetector();

    @ParameterizedTest
    @ValueSource(strings = {
        "12 rue des Lilas", "12 rue des Lilas, 59000 Lille", "3 bis chemin du Moulin\n62170 Montreuil",
        "8 allée des Acacias\n80000 Amiens", "41 rue Jean Jaurès, 59150 Wattrelos", "15 boulevard Faidherbe, 80000 Amiens",
        "27 avenue de Saint-Amand\n59300 Valenciennes", "5 rue du Général Leclerc, 62500 Saint-Omer",
        "102 bd de la Liberté 59000 LILLE", "556 avenue Willy Brandt – 59777 Euralille", "4 quai Gambetta, 62200 Boulogne-sur-Mer"
    })
    void numberWayAndNameMakeAnAddressWithItsPostalCodeAndCity(String address) {
        String text = "Domicile : " + address + ". Fin.";
        assertThat(addresses.detect(text)).singleElement().satisfies(d -> assertThat(d.in(text)).isEqualTo(address));
    }

    @Test
    void anAddressWithOrWithoutItsCityHasOneIdentity() {
        assertThat(addresses.detect("12 rue des Lilas, 59000 Lille ; puis 12, rue des Lilas."))
                .extracting(Detection::key)
                .containsExactly("12 RUE DES LILAS", "12 RUE DES LILAS");
        assertThat(addresses.detect("3 av. Foch")).extracting(Detection::key).containsExactly("3 AVENUE FOCH");
    }

    @Test
    void aWayWithoutNumberOrANumberWithoutWayIsNotAnAddress() {
        assertThat(addresses.detect("La rue des Lilas est fermée ; 12 résidents ; 59000 Lille.")).isEmpty();
    }

    @Test
    void theNameStopsAtLowerCaseWords() {
        String text = "Il vit au 6 impasse des Peupliers depuis 2019.";
        assertThat(addresses.detect(text)).singleElement()
                .satisfies(d -> assertThat(d.in(text)).isEqualTo("6 impasse des Peupliers"));
    }
}
