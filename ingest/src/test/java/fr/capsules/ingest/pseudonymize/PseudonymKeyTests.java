package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PseudonymKeyTests {

    @Test
    void aKeyReadsBackFromItsBase64() {
        PseudonymKey key = PseudonymKey.generate();
        assertThat(PseudonymKey.fromBase64(key.toBase64())).isEqualTo(key);
        assertThat(PseudonymKey.fromBase64(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32])))
                .isEqualTo(PseudonymKey.of(new byte[32]));
    }

    @Test
    void aKeyOfTheWrongSizeOrNotBase64IsRefusedInFrench() {
        assertThatThrownBy(() -> PseudonymKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 octets");
        assertThatThrownBy(() -> PseudonymKey.fromBase64("pas une clé !")).hasMessageContaining("base64");
        assertThatThrownBy(() -> PseudonymKey.fromBase64(" ")).hasMessageContaining("absente");
    }

    @Test
    void theKeyNeverShowsInItsDescription() {
        PseudonymKey key = PseudonymKey.generate();
        assertThat(key.toString()).doesNotContain(key.toBase64()).isEqualTo("PseudonymKey[caché]");
    }
}
