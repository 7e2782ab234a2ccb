package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleNameDetectorTests {

    private final RoleNameDetector roles = new RoleNameDetector();

    private List<String> mentions(String text) {
        return roles.detect(text).stream().map(d -> d.in(text)).toList();
    }

    @Test
    void aNameRightAfterARoleIsAPerson() {
        assertThat(mentions("La résidente Paulette Martin a chuté ; le patient DURAND est sorti ; "
                + "l'aide-soignante Nadia Benali était seule ; la famille Girard a été prévenue."))
                .containsExactly("Paulette Martin", "DURAND", "Nadia Benali", "Girard");
    }

    @Test
    void kinshipRolesMayTakeDe() {
        assertThat(mentions("La fille de Paul Girard ; le fils d'Odette Lemaire ; la tutrice de Lucas Mercier."))
                .containsExactly("Paul Girard", "Odette Lemaire", "Lucas Mercier");
    }

    @Test
    void aRoleFollowedByAnythingButANameNamesNobody() {
        assertThat(mentions("La résidente de la chambre 12 ; le directeur Général ; le résident Alzheimer ; "
                + "la famille a été reçue ; l'IDE EHPAD ; la fille de Mme Dupont.")).isEmpty();
    }
}
