package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureDetectorTests {

    private final SignatureDetector signatures = new SignatureDetector();

    private List<String> mentions(String text) {
        return signatures.detect(text).stream().map(d -> d.in(text)).toList();
    }

    @Test
    void aNameAfterSigneIsASignature() {
        assertThat(mentions("Lecture faite.\nSigné : G. Poulain\n")).containsExactly("G. Poulain");
        assertThat(mentions("Signature : Dr Paul Girard")).containsExactly("Dr Paul Girard");
    }

    @Test
    void aNameLineUnderAClosingIsASignatureOnSeparateOrJoinedLines() {
        assertThat(mentions("Bien cordialement,\nMarie-Claire Lefèvre\n")).containsExactly("Marie-Claire Lefèvre");
        assertThat(mentions("Cordialement,\n\nPaul LEMOINE\nDirecteur")).containsExactly("Paul LEMOINE");
        // After normalisation a paragraph's lines are joined with spaces.
        assertThat(mentions("Cordialement, Jeanne Dupont Directrice")).containsExactly("Jeanne Dupont");
        assertThat(mentions("l'expression de ma considération distinguée.\n\nHélène Mortier"))
                .containsExactly("Hélène Mortier");
    }

    @Test
    void aClosingFollowedByATitleOrASentenceIsNotASignature() {
        assertThat(mentions("Cordialement,\nLa Directrice\n")).isEmpty();
        assertThat(mentions("Cordialement,\nLe service des réclamations")).isEmpty();
        assertThat(mentions("Nous vous remercions cordialement de votre visite.")).isEmpty();
    }

    @Test
    void eMailHeadersNameTheirSenderAndRecipients() {
        String headers = """
                De : Julien Carpentier <julien.carpentier@ars.sante.fr>
                À : Claire Vasseur <claire.vasseur@ars.sante.fr>; Antoine Roussel <antoine.roussel@ars.sante.fr>
                Cc : "Dr Sophie Nguyen"
                Objet : Tilleuls
                """;
        assertThat(mentions(headers)).containsExactly("Julien Carpentier", "Claire Vasseur", "Antoine Roussel", "Dr Sophie Nguyen");
    }
}
