package fr.capsules.app.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.AnswerMode;
import fr.capsules.app.ask.Citation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of one question's judgement, of the thresholds and of the version diff, on plain values. */
class EvaluationScoringTests {

    private static final Thresholds FLOOR = new Thresholds(0.8, 0.2, 0.2, 0.5);

    private static Answer answer(AnswerMode mode, String text, String... citedFiles) {
        List<Citation> citations = java.util.stream.IntStream.range(0, citedFiles.length)
                .mapToObj(i -> new Citation(i + 1, "doc-" + i, citedFiles[i], "Titre", null, List.of(), "passage", "p-" + i))
                .toList();
        return new Answer(text, mode, true, Answer.LABEL, citations, mode == AnswerMode.GENERATIVE ? "mistral" : null, 1, "c", List.of());
    }

    @Test
    void anAnswerableQuestionPassesWithItsDocumentFirstItsFactsAndACitationOfIt() {
        ReferenceQuestion q = new ReferenceQuestion("q1", "Quand commence la campagne ?", List.of("a.md"),
                List.of("14 octobre 2026"), true);
        Evaluation.QuestionResult ok = EvaluationScoring.judge(q, List.of("a.md", "b.md"),
                answer(AnswerMode.GENERATIVE, "Elle commence le 14\u00a0Octobre 2026 [1].", "a.md"), 5, FLOOR);
        assertThat(ok.passed()).isTrue();
        assertThat(ok.rank()).isEqualTo(1);
        assertThat(ok.factsFound()).containsExactly("14 octobre 2026");

        Evaluation.QuestionResult wrongCitation = EvaluationScoring.judge(q, List.of("a.md"),
                answer(AnswerMode.GENERATIVE, "Le 14 octobre 2026 [1].", "b.md"), 5, FLOOR);
        assertThat(wrongCitation.passed()).isFalse();
        assertThat(wrongCitation.details()).anyMatch(d -> d.contains("aucune citation ne renvoie à un document attendu"));

        Evaluation.QuestionResult tooFar = EvaluationScoring.judge(q, List.of("b", "c", "d", "e", "f", "a.md"),
                answer(AnswerMode.EXTRACTIVE, "…", "a.md"), 5, FLOOR);
        assertThat(tooFar.passed()).isFalse();
        assertThat(tooFar.rank()).isEqualTo(6);

        Evaluation.QuestionResult declined = EvaluationScoring.judge(q, List.of("a.md"), answer(AnswerMode.ABSTAINED, "…"), 5, FLOOR);
        assertThat(declined.passed()).isFalse();
    }

    @Test
    void anUnanswerableQuestionPassesOnlyWhenDeclined() {
        ReferenceQuestion q = new ReferenceQuestion("q2", "Quel est le tarif de la cantine ?", List.of(), List.of(), false);
        assertThat(EvaluationScoring.judge(q, List.of("a.md"), answer(AnswerMode.ABSTAINED, "…"), 5, FLOOR).passed()).isTrue();
        assertThat(EvaluationScoring.judge(q, List.of("a.md"), answer(AnswerMode.EXTRACTIVE, "…", "a.md"), 5, FLOOR).passed())
                .isFalse();
    }

    @Test
    void theFailedChecksNameTheQuestionsAtFault() {
        List<Evaluation.QuestionResult> results = List.of(
                result("q1", "Première question ?", true, 1, "generative"),
                result("q2", "Deuxième question ?", true, null, "abstained"),
                result("q3", "Troisième question ?", true, 2, "generative"),
                result("q4", "Question sans réponse ?", false, null, "extractive"));
        Evaluation.Metrics metrics = EvaluationScoring.metrics(results, 10, 5);
        assertThat(metrics.hitAt5()).isEqualTo(0.667);
        assertThat(metrics.unanswerableAnswered()).isEqualTo(1.0);
        List<String> failed = EvaluationScoring.failedChecks(metrics, FLOOR, results, 5);
        assertThat(failed).hasSize(3);
        assertThat(failed.get(0)).contains("67 %", "80 %", "« Deuxième question ? »").doesNotContain("Première");
        assertThat(failed.get(2)).contains("« Question sans réponse ? »");
    }

    @Test
    void aCapsuleMayBeStricterThanTheOrganisationNeverLaxer() {
        Thresholds own = new Thresholds(0.5, 0.1, null, 0.9);
        Thresholds applied = own.atLeast(FLOOR);
        assertThat(applied).isEqualTo(new Thresholds(0.8, 0.1, 0.2, 0.9));
    }

    @Test
    void instructionsAreComparedLineByLine() {
        assertThat(VersionComparison.diff(List.of("a", "b", "c"), List.of("a", "x", "c")))
                .containsExactly("  a", "- b", "+ x", "  c");
    }

    @Test
    void bothSpellingsOfUnanswerableAreRead() {
        List<ReferenceQuestion.Submitted> read = QuestionsYaml.read("""
                - question: "A ?"
                  expectedDocuments: ["a.md"]
                  expectedAnswer: "ignored"
                - question: "B ?"
                  expected: none
                - question: "C ?"
                  answerable: false
                """);
        assertThat(read).extracting(ReferenceQuestion.Submitted::isAnswerable).containsExactly(true, false, false);
        String written = QuestionsYaml.write(List.of(new ReferenceQuestion("i", "B ?", List.of(), List.of(), false)));
        assertThat(QuestionsYaml.read(written).getFirst().isAnswerable()).isFalse();
    }

    private static Evaluation.QuestionResult result(String id, String question, boolean answerable, Integer rank, String mode) {
        boolean passed = answerable ? rank != null && !"abstained".equals(mode) : "abstained".equals(mode);
        return new Evaluation.QuestionResult(id, question, answerable, passed, rank, mode, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), "");
    }
}
