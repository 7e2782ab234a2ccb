package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanDetectorTests {

    private final IbanDetector ibans = new IbanDetector();

    // Synthetic IBANs whose RIB key and ISO 13616 check digits were computed for these tests.
    private static final String FR_GROUPED = "FR76 2293 9363 0657 9941 7371 591";
    private static final String FR_COMPACT = "FR7622939363065799417371591";

    @ParameterizedTest
    @ValueSource(strings = {FR_GROUPED, FR_COMPACT, "fr76 2293 9363 0657 9941 7371 591"})
    void anIbanIsFoundCompactOrGroupedWithOneIdentity(String iban) {
        String text = "Remboursement sur le compte " + iban + ".";
        assertThat(ibans.detect(text)).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo(FR_COMPACT);
            assertThat(d.in(text)).isEqualTo(iban);
        });
    }

    @Test
    void aWrongCheckDigitMeansNotAnIban() {
        assertThat(IbanDetector.isValid("FR83 2293 9363 0657 9941 7371 591")).isFalse();
        assertThat(ibans.detect("IBAN : FR83 2293 9363 0657 9941 7371 591")).isEmpty();
        assertThat(ibans.detect("IBAN : FR76 2293 9363 0657 9941 7371 592")).isEmpty();
    }

    @Test
    void aCodeWrittenAfterTheIbanIsNotPartOfIt() {
        String text = "IBAN " + FR_GROUPED + " BIC AGRIFRPP";
        assertThat(ibans.detect(text)).singleElement().satisfies(d -> assertThat(d.in(text)).isEqualTo(FR_GROUPED));
    }

    @Test
    void foreignIbansAreCheckedWithTheirCountryRules() {
        assertThat(ibans.detect("Compte belge BE57 9872 4569 1735 et allemand DE77 9817 8408 6773 3455 97."))
                .extracting(Detection::key)
                .containsExactly("BE57987245691735", "DE77981784086773345597");
    }

    @Test
    void wordsAndReferencesThatLookLikeAnIbanStart() {
        assertThat(ibans.detect("Dossier AB12 3456 7890 1234 5678 clos ; FR12 réunion.")).isEmpty();
    }
}
