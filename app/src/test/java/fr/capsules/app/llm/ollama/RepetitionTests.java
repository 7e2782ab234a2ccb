package fr.capsules.app.llm.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepetitionTests {

    private final Repetition repetition = Repetition.standard();

    @Test
    void aBlockOfWordsWrittenFourTimesAtTheEndIsALoopAndOneCopyIsKept() {
        String loop = "Le délai est de dix jours ouvrés à compter de la réception. ";
        String text = "Selon la procédure [1], " + loop.repeat(4);

        int cut = repetition.loopCut(text);

        assertThat(cut).isPositive();
        assertThat(text.substring(0, cut)).isEqualTo("Selon la procédure [1], " + loop.strip());
    }

    @Test
    void oneWordRepeatedIsALoopOnceItCoversEnoughWords() {
        assertThat(repetition.loopCut("Réponse : " + "non ".repeat(10))).isEqualTo(-1);
        assertThat(repetition.loopCut("Réponse : " + "non ".repeat(30))).isEqualTo("Réponse : non".length());
    }

    @Test
    void anOrdinaryAnswerWithRepeatedWordsIsNotALoop() {
        String text = "L'accusé de réception est envoyé sous dix jours [1]. La réponse est envoyée sous deux mois [2]. "
                + "Le délai court à compter de la réception de la réclamation [1]. Très, très important : tracer l'envoi.";
        assertThat(repetition.loopCut(text)).isEqualTo(-1);
    }

    @Test
    void aLoopThreeTimesOnlyIsNotYetOne() {
        String loop = "Le délai est de dix jours ouvrés à compter de la réception. ";
        assertThat(repetition.loopCut("Selon la procédure, " + loop.repeat(3))).isEqualTo(-1);
    }
}
