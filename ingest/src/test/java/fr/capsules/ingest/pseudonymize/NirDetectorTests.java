package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NirDetectorTests {

    private final NirDetector nirs = new NirDetector();

    @ParameterizedTest
    @ValueSource(strings = {
        "1 85 05 78 006 084 91", "185057800608491", "1.85.05.78.006.084.91", "1850578006084 91", "1-85-05-78-006-084-91"
    })
    void aNirWithItsRightKeyIsFoundWhateverItsGrouping(String nir) {
        assertThat(nirs.detect("NIR du résident : " + nir + ", vérifié."))
                .extracting(Detection::category, Detection::key)
                .containsExactly(tuple(Category.NIR, "1850578006084"));
    }

    @Test
    void theKeyIsNinetySevenMinusTheNumberModuloNinetySeven() {
        assertThat(NirDetector.key("1850578006084")).isEqualTo(97 - (int) (1850578006084L % 97));
        assertThat(NirDetector.isValid("1 85 05 78 006 084 91")).isTrue();
    }

    @Test
    void aWrongKeyMeansNotANir() {
        assertThat(NirDetector.isValid("1 85 05 78 006 084 92")).isFalse();
        assertThat(nirs.detect("Numéro de sécurité sociale : 1 85 05 78 006 084 92.")).isEmpty();
    }

    @Test
    void corsicanDepartmentsCountAsNineteenAndEighteen() {
        // 2A → 19, 2B → 18 in the key computation.
        int keyA = 97 - (int) (1370419064098L % 97);
        int keyB = 97 - (int) (2240918150507L % 97);
        assertThat(NirDetector.key("137042A064098")).isEqualTo(keyA);
        assertThat(NirDetector.key("224092B150507")).isEqualTo(keyB);
        assertThat(nirs.detect("NIR 1 37 04 2A 064 098 " + String.format("%02d", keyA))).hasSize(1);
        assertThat(nirs.detect("NIR 2.24.09.2B.150.507." + String.format("%02d", keyB))).hasSize(1);
        assertThat(nirs.detect("NIR 2 24 09 2B 150 507 " + String.format("%02d", keyB % 97 + 1))).isEmpty();
    }

    @Test
    void aNirWithoutKeyIsFoundOnlyAfterANirWord() {
        assertThat(nirs.detect("N° de sécurité sociale : 1 85 05 78 006 084 (clé illisible)")).hasSize(1);
        assertThat(nirs.detect("Référence du dossier 1 85 05 78 006 084 au greffe.")).isEmpty();
    }

    @Test
    void aNirWithAndWithoutKeyHasTheSameIdentity() {
        assertThat(nirs.detect("NIR 1850578006084, puis NIR 1 85 05 78 006 084 91"))
                .extracting(Detection::key)
                .containsExactly("1850578006084", "1850578006084");
    }

    @Test
    void otherLongNumbersAreNotNirs() {
        assertThat(nirs.detect("SIRET 123 456 789 00012, FINESS 590000584, tél. 03 27 24 30 18")).isEmpty();
        assertThat(nirs.detect("Compte 1850578006084911 clos.")).isEmpty();
    }

    @Test
    void theSpanCoversTheWholeNumber() {
        String text = "NIR : 1 85 05 78 006 084 91.";
        Detection d = nirs.detect(text).getFirst();
        assertThat(d.in(text)).isEqualTo("1 85 05 78 006 084 91");
    }
}
