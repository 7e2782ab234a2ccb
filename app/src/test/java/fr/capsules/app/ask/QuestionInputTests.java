package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checks on a question's text before retrieval: quoted history, language, danger. */
class QuestionInputTests {

    @Test
    void quotedLinesAndEverythingAfterAReplyHeaderAreStripped() {
        String mail = "Quel délai pour l'accusé de réception ?\n\nDe : Jean Dupont\nEnvoyé : lundi 4 mars 2024\n"
                + "Objet : tarte\n\n> la tarte Tatin\n> aux pommes";
        QuotedHistory.Stripped stripped = QuotedHistory.strip(mail);

        assertThat(stripped.text()).isEqualTo("Quel délai pour l'accusé de réception ?");
        assertThat(stripped.removedChars()).isGreaterThan(40);
    }

    @Test
    void englishOutlookHeadersAndWroteLinesStartTheHistoryToo() {
        assertThat(QuotedHistory.strip("Délai ?\nFrom: A\nSent: Monday\nhistory").text()).isEqualTo("Délai ?");
        assertThat(QuotedHistory.strip("Délai ?\nLe 4 mars 2024 à 10:12, Jean Dupont a écrit :\nhistory").text()).isEqualTo("Délai ?");
        assertThat(QuotedHistory.strip("Délai ?\n-----Message d'origine-----\nhistory").text()).isEqualTo("Délai ?");
    }

    @Test
    void aQuestionWithoutHistoryIsUnchangedAndAQuestionOfHistoryAloneIsKept() {
        assertThat(QuotedHistory.strip("Qui signe la réponse ?").removedChars()).isZero();
        assertThat(QuotedHistory.strip("> tout est cité").text()).isEqualTo("> tout est cité");
    }

    @Test
    void englishIsToldFromFrench() {
        assertThat(QuestionLanguage.isEnglish("What is the deadline to answer a complaint?")).isTrue();
        assertThat(QuestionLanguage.isEnglish("Quel est le délai pour répondre à une réclamation ?")).isFalse();
        assertThat(QuestionLanguage.isEnglish("Le plan bleu de l'EHPAD")).isFalse();
    }

    @Test
    void dangerAndMaltreatmentAreRecognisedInTheirDerivedForms() {
        assertThat(DangerSignals.reportedIn("Une famille décrit des coups portés à sa mère")).isTrue();
        assertThat(DangerSignals.reportedIn("Un résident MALTRAITÉ ?")).isTrue();
        assertThat(DangerSignals.reportedIn("Enfant en danger")).isTrue();
        assertThat(DangerSignals.reportedIn("violences verbales d'un soignant")).isTrue();
        assertThat(DangerSignals.reportedIn("Quel délai pour l'accusé de réception ?")).isFalse();
        assertThat(DangerSignals.reportedIn("Le coût de l'abonnement")).isFalse();
    }
}
