package fr.capsules.app.ask.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.capsules.app.ask.grounding.GroundingWarning.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundingCheckTests {

    private static final String PROCEDURE = """
            Toute réclamation est enregistrée dans le registre des réclamations le jour de sa réception.
            Un accusé de réception est adressé au réclamant dans un délai de huit jours ouvrés. La réponse
            au fond est apportée dans un délai de deux mois à compter de la réception.""";

    private static final String ENQUETE = """
            Lorsque la réclamation met en cause la sécurité d'un résident, le directeur de l'établissement
            informe sans délai l'agence régionale de santé. Le directeur ne doit pas informer la famille
            avant la fin de l'enquête administrative. Aucun délai n'est fixé pour la clôture de l'enquête.""";

    private static final String INSPECTION = """
            Lors de l'inspection de l'EHPAD, les inspecteurs vérifient la tenue du registre des réclamations
            prévu à l'article L. 1112-3 du code de la santé publique. L'absence de registre constitue une
            non-conformité qui donne lieu à une prescription.""";

    private static final Map<Integer, String> PASSAGES = Map.of(1, PROCEDURE, 2, ENQUETE, 3, INSPECTION);

    private final GroundingCheck check = new GroundingCheck();

    @Test
    void aFaithfulCitedAnswerGetsNoWarning() {
        String answer = """
                Toute réclamation est enregistrée dans le registre des réclamations dès sa réception [1]. \
                Un accusé de réception est envoyé au réclamant sous 8 jours ouvrés [1]. La réponse au fond \
                intervient dans les deux mois suivant la réception [1].
                Le directeur ne doit pas informer la famille avant la fin de l'enquête administrative [2].""";

        assertThat(check.check(answer, PASSAGES)).isEmpty();
    }

    @Test
    void aDroppedNegationIsAMismatchNamingThePassageAndBothSentences() {
        Map<Integer, String> passages = Map.of(
                1, PROCEDURE, 2, "Le directeur ne doit pas informer la famille avant l'enquête. L'ARS est informée sans délai.");

        List<GroundingWarning> warnings = check.check("Le directeur doit informer la famille [2].", passages);

        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(Kind.NEGATION_MISMATCH);
            assertThat(warning.sentence()).isEqualTo("Le directeur doit informer la famille.");
            assertThat(warning.passage()).isEqualTo(2);
            assertThat(warning.passageExcerpt()).isEqualTo("Le directeur ne doit pas informer la famille avant l'enquête.");
            assertThat(warning.message()).contains("[2]", "la source contient une négation (« ne doit pas »)");
        });
    }

    @Test
    void anAddedNegationIsAMismatch() {
        List<GroundingWarning> warnings =
                check.check("Un accusé de réception n'est pas adressé au réclamant [1].", PASSAGES);

        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(Kind.NEGATION_MISMATCH);
            assertThat(warning.passage()).isEqualTo(1);
            assertThat(warning.message()).contains("la réponse contient une négation (« n'est pas ») absente de la source");
        });
    }

    @Test
    void aDroppedAucunIsAMismatch() {
        List<GroundingWarning> warnings = check.check("Un délai est fixé pour la clôture de l'enquête [2].", PASSAGES);

        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(Kind.NEGATION_MISMATCH);
            assertThat(warning.passageExcerpt()).isEqualTo("Aucun délai n'est fixé pour la clôture de l'enquête.");
            assertThat(warning.message()).contains("« Aucun délai »");
        });
    }

    @Test
    void aKeptAucunInOtherWordsPasses() {
        assertThat(check.check("Aucun délai n'est prévu pour clôturer l'enquête [2].", PASSAGES)).isEmpty();
    }

    @Test
    void aDroppedNonPrefixIsAMismatch() {
        Map<Integer, String> passages =
                Map.of(1, "Les locaux de l'unité protégée sont non conformes aux normes de sécurité incendie.");

        List<GroundingWarning> warnings = check.check(
                "Les locaux de l'unité protégée sont conformes aux normes de sécurité incendie [1].", passages);

        assertThat(warnings).singleElement().extracting(GroundingWarning::kind).isEqualTo(Kind.NEGATION_MISMATCH);
    }

    @Test
    void aNonConformityNounOnBothSidesPasses() {
        assertThat(check.check(
                "L'absence de registre des réclamations est une non-conformité et donne lieu à une prescription [3].",
                PASSAGES)).isEmpty();
    }

    @Test
    void contentInNoCitedPassageIsUnsupported() {
        List<GroundingWarning> warnings = check.check(
                "Le réclamant peut saisir le médiateur régional de la consommation [2].", PASSAGES);

        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(Kind.UNSUPPORTED);
            assertThat(warning.passage()).isEqualTo(2);
            assertThat(warning.passageExcerpt()).isNotBlank();
            assertThat(warning.message()).contains("[2]", "« médiateur »");
        });
    }

    @Test
    void aWrongNumberIsUnsupported() {
        List<GroundingWarning> warnings = check.check(
                "Un accusé de réception est adressé au réclamant sous 15 jours ouvrés [1].", PASSAGES);

        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(Kind.UNSUPPORTED);
            assertThat(warning.passage()).isEqualTo(1);
            assertThat(warning.passageExcerpt())
                    .isEqualTo("Un accusé de réception est adressé au réclamant dans un délai de huit jours ouvrés.");
            assertThat(warning.message()).contains("« 15 »");
        });
    }

    @Test
    void aWrongArticleReferenceIsUnsupportedAndTheRightOneInAnotherSpellingPasses() {
        assertThat(check.check(
                "Les inspecteurs vérifient le registre des réclamations prévu à l'art. L.1112-3 du code de la santé publique [3].",
                PASSAGES)).isEmpty();

        assertThat(check.check(
                "Les inspecteurs vérifient le registre des réclamations prévu à l'article L. 1112-4 du code de la santé publique [3].",
                PASSAGES)).singleElement().extracting(GroundingWarning::kind).isEqualTo(Kind.UNSUPPORTED);
    }

    @Test
    void anUncitedClaimInACitedAnswerIsUncited() {
        String answer = "Un accusé de réception est adressé au réclamant sous huit jours ouvrés [1]. "
                + "Le directeur transmet chaque trimestre un bilan des réclamations à la commission des usagers.";

        assertThat(check.check(answer, PASSAGES)).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(Kind.UNCITED);
            assertThat(warning.sentence())
                    .isEqualTo("Le directeur transmet chaque trimestre un bilan des réclamations à la commission des usagers.");
            assertThat(warning.passage()).isNull();
            assertThat(warning.message()).contains("ne cite aucun passage");
        });
    }

    @Test
    void aSentenceWithoutMarkerThatRestatesAPassageIsAttributedToItAndNotUncited() {
        String answer = "Bonjour. Un accusé de réception est adressé au réclamant dans un délai de huit jours ouvrés. "
                + "Le directeur ne doit pas informer la famille avant la fin de l'enquête administrative.";

        Grounding grounding = check.examine(answer, PASSAGES);

        assertThat(grounding.warnings()).isEmpty();
        assertThat(grounding.restated()).containsExactly(
                new Grounding.RestatedSentence("Un accusé de réception est adressé au réclamant dans un délai de huit jours ouvrés.", 1),
                new Grounding.RestatedSentence("Le directeur ne doit pas informer la famille avant la fin de l'enquête administrative.", 2));
    }

    @Test
    void aRestatedSentenceIsCheckedAgainstItsPassageLikeACitedOne() {
        String answer = "Le directeur doit informer la famille avant la fin de l'enquête administrative.\n"
                + "Un accusé de réception est adressé au réclamant dans un délai de quinze jours ouvrés.";

        Grounding grounding = check.examine(answer, PASSAGES);

        assertThat(grounding.restated()).extracting(Grounding.RestatedSentence::passage).containsExactly(2, 1);
        assertThat(grounding.warnings()).extracting(GroundingWarning::kind, GroundingWarning::passage)
                .containsExactly(tuple(Kind.NEGATION_MISMATCH, 2), tuple(Kind.UNSUPPORTED, 1));
    }

    @Test
    void onlyWhatNoPassageSupportsIsUncited() {
        String answer = "La réponse au fond est apportée dans un délai de deux mois à compter de la réception. "
                + "Le réclamant peut saisir le tribunal administratif après un refus du directeur.";

        Grounding grounding = check.examine(answer, PASSAGES);

        assertThat(grounding.restated()).extracting(Grounding.RestatedSentence::passage).containsExactly(1);
        assertThat(grounding.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(Kind.UNCITED);
            assertThat(warning.sentence()).startsWith("Le réclamant peut saisir le tribunal administratif");
            assertThat(warning.message()).contains("aucun passage fourni ne la contient");
        });
    }

    @Test
    void honestAbstentionsGetNoWarning() {
        String answer = """
                Les documents ne précisent pas le délai de clôture de l'enquête administrative.
                Je n'ai pas trouvé d'information sur les voies de recours du réclamant.
                Je vous invite à contacter le référent de la capsule réclamations.""";

        assertThat(check.check(answer, PASSAGES)).isEmpty();
    }

    @Test
    void anAbstentionClauseDoesNotHideTheClaimBesideIt() {
        assertThat(check.check(
                "Les documents ne précisent pas le délai de clôture, mais la réponse au fond est apportée sous deux mois [1].",
                PASSAGES)).isEmpty();
        assertThat(check.check(
                "Les documents ne précisent pas le délai de clôture, mais la réponse au fond est apportée sous trois mois [1].",
                PASSAGES)).singleElement().extracting(GroundingWarning::kind).isEqualTo(Kind.UNSUPPORTED);
    }

    @Test
    void markersAfterThePointCiteForThePreviousSentence() {
        String answer = "Un accusé de réception est adressé sous huit jours ouvrés. [1] "
                + "La réponse au fond est apportée sous deux mois. [1]";

        assertThat(check.check(answer, PASSAGES)).isEmpty();
    }

    @Test
    void trivialSentencesAreNotChecked() {
        String answer = "Voici les éléments :\n- Accusé de réception sous 8 jours ouvrés [1]\nBonne journée !";

        assertThat(check.check(answer, PASSAGES)).isEmpty();
    }

    @Test
    void aLightParaphrasePasses() {
        String answer = "Quand une réclamation met en cause la sécurité d'un résident, le directeur prévient "
                + "sans délai l'agence régionale de santé [2]. L'accusé de réception part dans les huit jours "
                + "ouvrés [1].";

        assertThat(check.check(answer, PASSAGES)).isEmpty();
    }

    @Test
    void anAnswerRestatingTheAffirmativeClauseOfAMixedSourcePasses() {
        Map<Integer, String> passages = Map.of(1,
                "Le directeur ne doit pas informer la famille avant l'enquête, mais il informe l'agence régionale de santé.");

        assertThat(check.check("Le directeur informe l'agence régionale de santé [1].", passages)).isEmpty();
    }

    @Test
    void aNegationInAnIncidentalPhraseDoesNotBearOnTheRestatedClaim() {
        Map<Integer, String> passages = Map.of(1,
                "Le directeur, qui n'était pas présent lors de l'inspection, a transmis le registre des réclamations sous huit jours.");

        assertThat(check.check("Le directeur a transmis le registre des réclamations sous huit jours [1].", passages))
                .isEmpty();
    }

    @Test
    void aNegationSplitByAnIncidentalPhraseIsStillCompared() {
        Map<Integer, String> passages = Map.of(1,
                "Le directeur ne doit pas, avant la fin de l'enquête administrative, informer la famille du résident.");

        assertThat(check.check("Le directeur doit informer la famille du résident [1].", passages))
                .singleElement().extracting(GroundingWarning::kind).isEqualTo(Kind.NEGATION_MISMATCH);
    }

    @Test
    void aRestrictionIsNotReadAsANegation() {
        Map<Integer, String> passages =
                Map.of(1, "Le dossier administratif n'est communiqué qu'au résident ou à son représentant légal.");

        assertThat(check.check("Le dossier administratif n'est pas communiqué à la famille [1].", passages)).isEmpty();
    }

    @Test
    void aCitationOfAnUnknownPassageLeavesTheClaimUncited() {
        assertThat(check.check("Le directeur transmet un bilan trimestriel des réclamations [7].", PASSAGES))
                .singleElement()
                .satisfies(warning -> {
                    assertThat(warning.kind()).isEqualTo(Kind.UNCITED);
                    assertThat(warning.message()).contains("[7]");
                });
    }
}
