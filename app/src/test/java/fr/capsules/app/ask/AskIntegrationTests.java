package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AskIntegrationTests extends ServiceIntegrationTest {

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
    void anUnknownConversationIdIsRefusedRatherThanSilentlyRestarted() {
        String id = "3f1c2f8e-8a1b-4c55-9d7e-2b9f7d2c1a00";
        ApiClient.Response response =
                as("agent").postJson("/api/capsules/charte-ia/ask", Map.of("question", "Peut-on saisir des données de santé dans un outil d'IA externe ?", "conversationId", id));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("sans conversationId");
    }

    @Test
    void aConversationIdThatIsNotAUuidIsABadRequest() {
        ApiClient.Response response =
                as("agent").postJson("/api/capsules/charte-ia/ask", Map.of("question", "Qui valide ?", "conversationId", "../../x"));
        assertThat(response.status()).isEqualTo(400);
    }
}
