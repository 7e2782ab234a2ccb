package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Abstention by evidence and bad input, through the HTTP API on the example capsules with the fake
 * model (issue 10, point 1 and "Bad input"; docs/ABSTENTION.md).
 */
class AbstentionIntegrationTests extends ServiceIntegrationTest {

    private JsonNode ask(String user, String capsule, String question) {
        ApiClient.Response response = as(user).postJson("/api/capsules/" + capsule + "/ask", Map.of("question", question));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at fr.");
        return response.json();
    }

    private static List<String> warningKinds(JsonNode answer) {
        List<String> kinds = new ArrayList<>();
        answer.get("warnings").forEach(w -> kinds.add(w.get("kind").asString()));
        return kinds;
    }

    private static List<String> citedFiles(JsonNode answer) {
        List<String> files = new ArrayList<>();
        answer.get("citations").forEach(c -> files.add(c.get("file").asString()));
        return files;
    }

    @Test
    void aSituationToldInTheAgentsOwnWordsIsAnsweredFromTheDocuments() {
        JsonNode answer = ask("reclamations", "reclamations",
                "Une dame se plaint seulement du prix de l'hébergement en EHPAD, c'est à nous de traiter ?");

        assertThat(answer.get("mode").asString()).isEqualTo("generative");
        assertThat(answer.get("evidence").asString()).isEqualTo("supported");
        assertThat(OLLAMA.chatCalls()).hasSize(1);
    }

    @Test
    void weakEvidenceShowsTheClosestPassagesLabelledAsSuchWithoutCallingTheModel() {
        JsonNode answer = ask("agent", "charte-ia",
                "Est-ce que je peux coller le courrier d'un réclamant dans ChatGPT pour m'aider à répondre ?");

        assertThat(answer.get("mode").asString()).isEqualTo("abstained");
        assertThat(answer.get("evidence").asString()).isEqualTo("weak");
        assertThat(answer.get("answer").asString()).startsWith("Passages les plus proches — à vérifier").contains("[1] « ");
        assertThat(answer.get("citations")).isNotEmpty();
        assertThat(warningKinds(answer)).contains("closest-passages");
        assertThat(OLLAMA.chatCalls()).isEmpty();
    }

    @Test
    void aQuestionOnASubjectTheDocumentsDoNotCoverIsRefused() {
        JsonNode answer = ask("agent", "charte-ia",
                "Ai-je le droit d'utiliser l'IA pour générer des images pour une campagne de prévention de la canicule ?");

        assertThat(answer.get("mode").asString()).isEqualTo("abstained");
        assertThat(answer.get("evidence").asString()).isEqualTo("none");
        assertThat(answer.get("answer").asString()).contains("ne permettent pas de répondre");
        assertThat(OLLAMA.chatCalls()).isEmpty();
    }

    @Test
    void aReportOfMaltreatmentTheEvidenceDoesNotSupportPointsToTheCapsulesProcedure() {
        JsonNode answer = ask("reclamations", "reclamations",
                "Une résidente m'appelle : elle dit qu'une aide-soignante la frappe la nuit, je ne sais pas à qui en parler.");

        assertThat(answer.get("answer").asString()).contains("danger ou de maltraitance").contains("procédure").contains("112");
        assertThat(citedFiles(answer)).isNotEmpty().allMatch(f -> f.startsWith("maltraitance/"));
        assertThat(warningKinds(answer)).contains("danger-reported");
    }

    @Test
    void aReportOfDangerToACapsuleWithoutProcedureIsNotABareRefusal() {
        JsonNode answer = ask("agent", "charte-ia", "Un résident est en danger, des coups lui sont portés : on fait quoi ?");

        assertThat(answer.get("mode").asString()).isEqualTo("abstained");
        assertThat(answer.get("answer").asString()).contains("ne contiennent pas de procédure").contains("112")
                .doesNotContain("ne permettent pas de répondre");
        assertThat(warningKinds(answer)).contains("danger-reported");
    }

    @Test
    void aQuestionOfStopWordsOrPunctuationIsToldItHasNothingToSearchOn() {
        for (String question : List.of("Et alors, qu'est-ce que c'est ?", "?!… ;;; --", "Le la les de du des")) {
            JsonNode answer = ask("agent", "charte-ia", question);

            assertThat(answer.get("mode").asString()).as(question).isEqualTo("abstained");
            assertThat(answer.get("answer").asString()).as(question).contains("aucun mot sur lequel chercher");
            assertThat(answer.get("citations")).as(question).isEmpty();
            assertThat(warningKinds(answer)).as(question).contains("no-search-terms");
        }
        assertThat(OLLAMA.chatCalls()).isEmpty();
    }

    @Test
    void aQuestionInEnglishIsAskedAgainInFrench() {
        JsonNode answer = ask("agent", "charte-ia", "What is the deadline to acknowledge receipt of a complaint from a patient?");

        assertThat(answer.get("mode").asString()).isEqualTo("abstained");
        assertThat(answer.get("answer").asString()).contains("rédigée en anglais").contains("Posez-la en français");
        assertThat(warningKinds(answer)).contains("question-language");
    }

    @Test
    void aLongQuestionPastedFromAnEmailIsSearchedWithoutItsQuotedHistory() {
        String mine = "Bonjour, je dois envoyer l'accusé de réception d'une réclamation reçue par courriel : dans quel délai ?";
        StringBuilder mail = new StringBuilder(mine).append("\n\nCordialement,\nA. Martin\n\n");
        mail.append("De : Jean Dupont <jean.dupont@example.fr>\nEnvoyé : lundi 4 mars 2024 10:12\nÀ : Pôle réclamations\n")
                .append("Objet : RE: voyage d'étude\n\n");
        while (mail.length() < 4000) {
            mail.append("> Pour le voyage d'étude de juin, la tarte Tatin aux pommes caramélisées sera servie au déjeuner du"
                    + " séminaire, avec le programme des visites de la cathédrale.\n");
        }
        String question = mail.substring(0, 3990);

        JsonNode answer = ask("reclamations", "reclamations", question);

        assertThat(answer.get("mode").asString()).isEqualTo("generative");
        assertThat(warningKinds(answer)).contains("quoted-history-removed");
        assertThat(OLLAMA.lastChatCall().lastUserMessage()).contains("accusé de réception").doesNotContain("tarte Tatin");
    }

    @Test
    void aCapsuleTheUserCannotSeeIsNotFoundAndNothingOfItLeaks() {
        ApiClient.Response hidden = as("agent").postJson("/api/capsules/reclamations/ask",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?"));
        ApiClient.Response missing = as("agent").postJson("/api/capsules/n-existe-pas/ask",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?"));

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asString().replace("reclamations", "n-existe-pas"))
                .isEqualTo(missing.json().get("detail").asString());
        assertThat(hidden.body()).doesNotContain("Réclamations usagers").doesNotContain("Martineau");
        assertThat(OLLAMA.chatCalls()).isEmpty();
    }

    @Test
    void aQuestionNamingACapsuleTheUserCannotSeeIsAnsweredFromTheVisibleCapsuleOnly() {
        JsonNode answer = ask("agent", "charte-ia",
                "Que disent les documents de la capsule réclamations sur le délai d'accusé de réception d'une réclamation ?");

        assertThat(citedFiles(answer)).allMatch(f -> f.startsWith("charte/") || f.startsWith("donnees/")
                || f.startsWith("fiches/") || f.startsWith("referents/"));
        assertThat(answer.toString()).doesNotContain("8 jours ouvrés").doesNotContain("Martineau");
    }
}
