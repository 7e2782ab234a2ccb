package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AskIntegrationTests extends ServiceIntegrationTest {

    @Test
    void anExtractiveAnswerQuotesTheBestPassagesWithFullCitationsAndTheLabel() {
        ApiClient.Response response =
                as("reclamations")
                        .postJson("/api/capsules/reclamations/ask", Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?"));
        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("mode").asString()).isEqualTo("extractive");
        assertThat(answer.get("aiGenerated").asBoolean()).isTrue();
        assertThat(answer.get("label").asString()).isEqualTo("Généré par IA — à vérifier");
        assertThat(answer.get("answer").asString()).contains("aucun modèle").contains("[1]");
        assertThat(answer.get("conversationId").asString()).hasSize(36);
        assertThat(answer.get("capsuleVersion").asInt()).isPositive();
        JsonNode first = answer.get("citations").get(0);
        assertThat(first.get("n").asInt()).isEqualTo(1);
        assertThat(first.get("documentId").asString()).isNotBlank();
        assertThat(first.get("file").asString()).isNotBlank();
        assertThat(first.get("title").asString()).isNotBlank();
        assertThat(first.get("text").asString().toLowerCase()).contains("réception");
    }

    @Test
    void aQuestionTheDocumentsDoNotCoverIsAbstainedFrom() {
        ApiClient.Response response =
                as("agent").postJson("/api/capsules/charte-ia/ask", Map.of("question", "Quelle est la recette de la tarte Tatin aux pommes caramélisées ?"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("mode").asString()).isEqualTo("abstained");
        assertThat(response.json().get("answer").asString()).contains("ne permettent pas de répondre");
        assertThat(response.json().get("aiGenerated").asBoolean()).isTrue();
    }

    @Test
    void anEmptyQuestionIsRefusedWithAClearProblem() {
        ApiClient.Response response = as("agent").postJson("/api/capsules/charte-ia/ask", Map.of("question", "   "));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("question est vide");
    }

    @Test
    void aHundredThousandCharacterQuestionIsRefused() {
        ApiClient.Response response = as("agent").postJson("/api/capsules/charte-ia/ask", Map.of("question", "q".repeat(100_000)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("trop longue").contains("100000");
    }

    @Test
    void aMalformedBodyIsABadRequestNotAnError() {
        ApiClient.Response response = as("agent").postJson("/api/capsules/charte-ia/ask", "{\"question\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at fr.");
    }

    @Test
    void aConversationIdIsKeptWhenGiven() {
        String id = "3f1c2f8e-8a1b-4c55-9d7e-2b9f7d2c1a00";
        ApiClient.Response response =
                as("agent").postJson("/api/capsules/charte-ia/ask", Map.of("question", "Peut-on saisir des données de santé dans un outil d'IA externe ?", "conversationId", id));
        assertThat(response.json().get("conversationId").asString()).isEqualTo(id);
    }
}
