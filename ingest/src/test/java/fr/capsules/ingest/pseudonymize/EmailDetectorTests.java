package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailDetectorTests {

    private final EmailDetector emails = new EmailDetector();

    @Test
    void addressesAreFoundWithoutTheirSurroundingPunctuation() {
        String text = "Écrire à <Jeanne.Dupont@Example.fr>, ou à j-p.martin+ars@sante.gouv.fr.";
        assertThat(emails.detect(text)).extracting(d -> d.in(text))
                .containsExactly("Jeanne.Dupont@Example.fr", "j-p.martin+ars@sante.gouv.fr");
    }

    @Test
    void theIdentityIsTheLowerCaseAddress() {
        assertThat(emails.detect("Jeanne.Dupont@Example.fr")).extracting(Detection::key)
                .containsExactly("jeanne.dupont@example.fr");
    }

    @Test
    void accentedLocalPartsAreFound() {
        assertThat(emails.detect("contact : hélène.mortier@ars.sante.fr")).hasSize(1);
    }

    @Test
    void anAtSignWithoutDomainIsNotAnAddress() {
        assertThat(emails.detect("Réunion @ 14 h, voir @direction et user@localhost")).isEmpty();
    }
}
