package fr.capsules.app.web.openai;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.AnswerMode;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.ask.Citation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerMarkdownTests {

    private static Answer answer(List<Citation> citations, List<AnswerWarning> warnings) {
        return new Answer("Huit jours ouvrés [1].", AnswerMode.GENERATIVE, true, Answer.LABEL, citations, "mistral-small3.2",
                3, "c1", warnings);
    }

    private static final Citation GUIDE =
            new Citation(1, "d1", "guide-reclamations.pdf", "Guide des réclamations", 4, List.of(), "L'accusé de réception…", "d1#3");

    @Test
    void theAnswerCarriesTheLabelFirstThenItsNumberedSourcesAsThePagesShowThem() {
        String text = AnswerMarkdown.of(answer(List.of(GUIDE), List.of()));

        assertThat(text).isEqualTo("""
                *Généré par IA — à vérifier*

                Huit jours ouvrés [1].

                **Sources**
                - [1] Guide des réclamations, p. 4 (guide-reclamations.pdf)""");
    }

    @Test
    void sourcesTheModelDidNotCiteItselfSayHowTheAnswerDrewOnThem() {
        Citation restated = new Citation(1, "d1", "guide-reclamations.pdf", "Guide des réclamations", 4, List.of(), "…", "d1#3",
                Citation.RESTATED);
        Citation consulted = new Citation(2, "d2", "note.pdf", "Note de service", null, List.of(), "…", "d2#1", Citation.CONSULTED);

        String text = AnswerMarkdown.of(answer(List.of(restated, consulted), List.of()));

        assertThat(text).endsWith("""
                - [1] Guide des réclamations, p. 4 (guide-reclamations.pdf) — repris par la réponse sans être cité
                - [2] Note de service (note.pdf) — fourni au modèle, non cité""");
    }

    @Test
    void warningsComeBeforeTheSources() {
        String text = AnswerMarkdown.of(answer(List.of(GUIDE), List.of(AnswerWarning.of("unsupported", "Phrase non étayée."))));

        assertThat(text).contains("Huit jours ouvrés [1].\n\n**Avertissements**\n- ⚠ Phrase non étayée.\n\n**Sources**\n");
    }

    @Test
    void anAnswerWithoutSourcesOrWarningsIsTheLabelAndTheText() {
        assertThat(AnswerMarkdown.of(answer(List.of(), List.of()))).isEqualTo("*Généré par IA — à vérifier*\n\nHuit jours ouvrés [1].");
    }

    @Test
    void anAnswerSentBackAsHistoryLosesItsLabelWarningsAndSources() {
        Answer answer = answer(List.of(GUIDE), List.of(AnswerWarning.of("uncited", "Sans source.")));

        assertThat(AnswerMarkdown.undecorated(AnswerMarkdown.of(answer))).isEqualTo("Huit jours ouvrés [1].");
        assertThat(AnswerMarkdown.undecorated("Une réponse d'un autre outil.")).isEqualTo("Une réponse d'un autre outil.");
    }
}
