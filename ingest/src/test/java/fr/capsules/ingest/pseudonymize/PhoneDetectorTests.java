package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTests {

    private final PhoneDetector phones = new PhoneDetector();

    @ParameterizedTest
    @ValueSource(strings = {
        "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678", "+33 6 12 34 56 78",
        "+33612345678", "+33 (0)6 12 34 56 78", "0033 6 12 34 56 78", "06 12 345 678"
    })
    void everyFrenchWritingOfOneMobileNumberIsFoundWithOneIdentity(String number) {
        String text = "Joindre la famille au " + number + " après 18 h.";
        assertThat(phones.detect(text)).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("+33612345678");
            assertThat(d.in(text)).isEqualTo(number);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"03 27 24 30 18", "01 44 55 66 77", "09 72 41 88 15", "02.99.12.34.56", "05 61 22 33 44"})
    void landlinesAndBoxNumbersAreFound(String number) {
        assertThat(phones.detect("Standard : " + number)).hasSize(1);
    }

    @Test
    void foreignNumbersWrittenWithAPlusAreFound() {
        assertThat(phones.detect("Sa fille vit à Bruxelles : +32 470 55 18 92."))
                .extracting(Detection::key)
                .containsExactly("+32470551892");
    }

    @Test
    void aNumberOutsideTheNumberingPlanIsAPhoneOnlyAfterAPhoneWord() {
        // 07 12 … is not allocated: libphonenumber says possible, not valid.
        assertThat(phones.detect("Portable : 07 12 34 56 78")).hasSize(1);
        assertThat(phones.detect("Lot 07 12 34 56 78 livré.")).isEmpty();
    }

    @Test
    void datesReferencesAndNirPartsAreNotPhones() {
        assertThat(phones.detect("Visite du 01/02/2024, article R. 1112-91, dossier 2024-0117.")).isEmpty();
        // A NIR with a wrong key contains "02 59 350 017", a valid number on its own.
        assertThat(phones.detect("NIR 2 31 02 59 350 017 36")).isEmpty();
        assertThat(phones.detect("SIRET 123 456 789 00012")).isEmpty();
    }

    @Test
    void twoNumbersSeparatedByPunctuationAreTwoPhones() {
        assertThat(phones.detect("Tél. 03 21 57 09 84 / portable 06 32 18 75 40")).hasSize(2);
    }
}
