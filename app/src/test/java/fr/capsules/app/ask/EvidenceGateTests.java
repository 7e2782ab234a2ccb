package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.analysis.IndexTerms;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.PassageHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceGateTests {

    private final EvidenceGate gate = new EvidenceGate(new IndexTerms());

    private static PassageHit hit(String document, String text) {
        return new PassageHit(document + "#0", document, document + ".pdf", "Procédure", 1, List.of(), text,
                Passage.Kind.TEXT, 1f, 0);
    }

    @Test
    void conversationalWordsAreNotContent() {
        assertThat(gate.contentTerms("Bonjour, on fait quoi aujourd'hui, tu peux me dire ?")).isEmpty();
        assertThat(gate.contentTerms("Une dame se plaint du tarif de l'EHPAD")).doesNotContain("dame").contains("ehpad");
    }

    @Test
    void aPassageHoldingTheQuestionsWordsSupportsAnAnswer() {
        Evidence evidence = gate.assess("Quel délai pour l'accusé de réception d'une réclamation ?",
                List.of(hit("a", "L'accusé de réception de la réclamation est envoyé dans un délai de huit jours ouvrés.")));

        assertThat(evidence.level()).isEqualTo(Evidence.Level.SUPPORTED);
        assertThat(evidence.missingTerms()).isEmpty();
    }

    @Test
    void aQuestionWhoseSubjectIsInNoPassageIsNotSupported() {
        Evidence evidence = gate.assess("Quelle mesure pour un défibrillateur absent dans la cuisine de l'EHPAD ?",
                List.of(hit("a", "Mesure : réunir le conseil de la vie sociale de l'EHPAD trois fois par an.")));

        assertThat(evidence.supported()).isFalse();
        assertThat(evidence.missingTerms()).isNotEmpty();
    }

    @Test
    void missingALongSpecificWordWeighsMoreThanMissingAShortCommonOne() {
        List<PassageHit> hits = List.of(hit("a", "Le signalement de maltraitance est transmis au procureur de la République."));
        double shortMissing = gate.assess("signalement maltraitance procureur prix", hits).passageCoverage();
        double longMissing = gate.assess("signalement maltraitance procureur vidéosurveillance", hits).passageCoverage();

        assertThat(shortMissing).isGreaterThan(longMissing);
    }

    @Test
    void theWordsOfOneDocumentCountTogether() {
        Evidence evidence = gate.assess("délai accusé réception réclamation courriel",
                List.of(hit("a", "Accusé de réception : délai de huit jours."), hit("a", "Réclamation reçue par courriel."),
                        hit("b", "Autre chose entièrement.")));

        assertThat(evidence.documentCoverage()).isEqualTo(1.0);
        assertThat(evidence.passageCoverage()).isLessThan(1.0);
    }

    @Test
    void noHitsOrNoContentIsNoEvidence() {
        assertThat(gate.assess("délai de réponse", List.of()).level()).isEqualTo(Evidence.Level.NONE);
        assertThat(gate.assess("?!", List.of(hit("a", "texte"))).noSearchTerms()).isTrue();
    }
}
