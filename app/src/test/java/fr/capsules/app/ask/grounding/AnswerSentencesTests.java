package fr.capsules.app.ask.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.capsules.app.ask.grounding.AnswerSentences.AnswerSentence;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerSentencesTests {

    @Test
    void markersBeforeThePointBelongToTheirSentence() {
        List<AnswerSentence> sentences = AnswerSentences.of(
                "L'accusé de réception est envoyé sous 8 jours ouvrés [1]. La réponse au fond intervient sous deux mois [2][3].");

        assertThat(sentences).extracting(AnswerSentence::text, AnswerSentence::citations).containsExactly(
                tuple("L'accusé de réception est envoyé sous 8 jours ouvrés.", List.of(1)),
                tuple("La réponse au fond intervient sous deux mois.", List.of(2, 3)));
    }

    @Test
    void markersAfterThePointBelongToThePreviousSentence() {
        List<AnswerSentence> sentences = AnswerSentences.of(
                "L'accusé de réception est envoyé sous 8 jours ouvrés. [1] La réponse intervient sous deux mois. [2, 3]");

        assertThat(sentences).extracting(AnswerSentence::text, AnswerSentence::citations).containsExactly(
                tuple("L'accusé de réception est envoyé sous 8 jours ouvrés.", List.of(1)),
                tuple("La réponse intervient sous deux mois.", List.of(2, 3)));
    }

    @Test
    void eachSentenceKeepsItsTextAsWrittenInTheAnswer() {
        assertThat(AnswerSentences.of("- **Délai** : deux mois [2]. Ensuite, la clôture."))
                .extracting(AnswerSentence::raw)
                .containsExactly("**Délai** : deux mois [2].", "Ensuite, la clôture.");
    }

    @Test
    void commaListsAndRangesOfMarkersAreRead() {
        assertThat(AnswerSentences.of("Le registre est tenu à jour [1, 2] et contrôlé [3-5].").getFirst().citations())
                .containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void abbreviationsAndArticleReferencesDoNotEndSentences() {
        List<AnswerSentence> sentences = AnswerSentences.of(
                "Selon l'art. L. 1112-3 du CSP, la commission des usagers est informée [1]. "
                        + "M. Durand et Mme Petit, cf. p. 12, suivent le dossier n° 3.1 [2]. Le délai est court.");

        assertThat(sentences).extracting(AnswerSentence::text).containsExactly(
                "Selon l'art. L. 1112-3 du CSP, la commission des usagers est informée.",
                "M. Durand et Mme Petit, cf. p. 12, suivent le dossier n° 3.1.",
                "Le délai est court.");
    }

    @Test
    void etceteraEndsASentenceOnlyBeforeACapital() {
        List<AnswerSentence> sentences = AnswerSentences.of(
                "Le dossier comprend la plainte, les pièces, etc. qui sont classées. L'inspecteur relit les soins, l'hygiène, etc. Le rapport suit.");

        assertThat(sentences).extracting(AnswerSentence::text).containsExactly(
                "Le dossier comprend la plainte, les pièces, etc. qui sont classées.",
                "L'inspecteur relit les soins, l'hygiène, etc.",
                "Le rapport suit.");
    }

    @Test
    void lineBreaksAndBulletsSeparateSentences() {
        List<AnswerSentence> sentences = AnswerSentences.of("""
                Voici les éléments :
                - **Accusé de réception** sous 8 jours ouvrés [1]
                - Réponse au fond sous deux mois [2]
                1. Enregistrement dans le registre [1]
                """);

        assertThat(sentences).extracting(AnswerSentence::text, AnswerSentence::citations).containsExactly(
                tuple("Voici les éléments :", List.of()),
                tuple("Accusé de réception sous 8 jours ouvrés", List.of(1)),
                tuple("Réponse au fond sous deux mois", List.of(2)),
                tuple("Enregistrement dans le registre", List.of(1)));
    }

    @Test
    void aLineOfMarkersCitesForTheSentenceBefore() {
        assertThat(AnswerSentences.of("Le directeur informe l'ARS sans délai.\n[2][3]"))
                .extracting(AnswerSentence::text, AnswerSentence::citations)
                .containsExactly(tuple("Le directeur informe l'ARS sans délai.", List.of(2, 3)));
    }

    @Test
    void questionAndExclamationMarksAndEllipsisEndSentences() {
        assertThat(AnswerSentences.of("Quel délai ? Deux mois ! Sauf exception… Voilà."))
                .extracting(AnswerSentence::text)
                .containsExactly("Quel délai ?", "Deux mois !", "Sauf exception…", "Voilà.");
    }

    @Test
    void aPassageRejoinsLinesWrappedMidSentence() {
        assertThat(Sentences.ofPassage("Le directeur ne doit pas\ninformer la famille avant l'enquête.\nLe rapport est transmis\nsous 8 jours."))
                .containsExactly(
                        "Le directeur ne doit pas informer la famille avant l'enquête.",
                        "Le rapport est transmis sous 8 jours.");
    }
}
