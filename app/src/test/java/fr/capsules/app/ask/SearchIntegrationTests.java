package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/capsules/{id}/search}: passages only, best first, one per document unless asked
 * otherwise; no model call; the scope and the audit of an ask; bad bounds refused in French.
 */
class SearchIntegrationTests extends ServiceIntegrationTest {

    private static final String QUESTION = "Combien de questions de référence faut-il écrire avant de publier une capsule ?";

    private ApiClient agent() {
        return ApiClient.as(port, "agent", "demo");
    }

    private ApiClient.Response search(ApiClient client, String capsule, Map<String, Object> body) {
        return client.postJson("/api/capsules/" + capsule + "/search", body);
    }

    @Test
    void theExpectedDocumentComesFirstWithTheContractsFieldsAndNoModelIsCalled() {
        ApiClient.Response response = search(agent(), "charte-ia", Map.of("question", QUESTION));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode passages = response.json().get("passages");
        assertThat(passages.size()).isBetween(2, 10);
        JsonNode best = passages.get(0);
        assertThat(best.get("file").asString()).endsWith("guide-referent-capsule.md");
        assertThat(best.get("text").asString()).isNotBlank();
        assertThat(best.get("documentId").asString()).isNotBlank();
        assertThat(best.has("title")).isTrue();
        assertThat(best.has("page")).isTrue();
        assertThat(best.get("headingPath").isArray()).isTrue();
        List<Double> scores = new ArrayList<>();
        passages.forEach(p -> scores.add(p.get("score").asDouble()));
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(OLLAMA.chatCalls()).isEmpty();
    }

    @Test
    void byDefaultEachDocumentAppearsOnceAndPerDocumentLetsMoreThrough() {
        JsonNode once = search(agent(), "charte-ia", Map.of("question", QUESTION, "topK", 50)).json().get("passages");
        assertThat(countPerDocument(once).values()).allMatch(n -> n == 1);

        JsonNode twice = search(agent(), "charte-ia", Map.of("question", QUESTION, "topK", 50, "perDocument", 2))
                .json().get("passages");
        assertThat(countPerDocument(twice).values()).allMatch(n -> n <= 2).contains(2);
        assertThat(twice.size()).isGreaterThan(once.size());

        JsonNode three = search(agent(), "charte-ia", Map.of("question", QUESTION, "topK", 3)).json().get("passages");
        assertThat(three.size()).isEqualTo(3);
    }

    private static Map<String, Integer> countPerDocument(JsonNode passages) {
        Map<String, Integer> counts = new HashMap<>();
        passages.forEach(p -> counts.merge(p.get("documentId").asString(), 1, Integer::sum));
        return counts;
    }

    @Test
    void outOfBoundsValuesAndEmptyQuestionsAreRefusedInFrench() {
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("question", QUESTION, "topK", 0),
                Map.of("question", QUESTION, "topK", 51),
                Map.of("question", QUESTION, "perDocument", 0),
                Map.of("question", "   "),
                Map.of())) {
            ApiClient.Response response = search(agent(), "charte-ia", body);
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).endsWith("/invalid-request");
        }
        assertThat(search(agent(), "charte-ia", Map.of("question", QUESTION, "topK", 51)).json().get("detail").asString())
                .contains("topK doit être compris entre 1 et 50");
    }

    @Test
    void aCapsuleOutOfScopeAnswersExactlyLikeAMissingOne() {
        ApiClient.Response hidden = search(agent(), "reclamations", Map.of("question", "délai de réponse"));
        ApiClient.Response missing = search(agent(), "n-existe-pas", Map.of("question", "délai de réponse"));

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.json().get("type").asString()).isEqualTo(missing.json().get("type").asString());
        // The same sentence, naming only what the caller typed: nothing of the capsule itself.
        assertThat(hidden.json().get("detail").asString().replace("reclamations", "n-existe-pas"))
                .isEqualTo(missing.json().get("detail").asString());
    }

    @Test
    void eachSearchIsInTheAuditTrailWithTheQuestionAndTheDocumentsReturned() {
        String question = "Combien de temps sont gardées les questions posées aux capsules ? " + System.nanoTime();
        JsonNode passages = search(agent(), "charte-ia", Map.of("question", question, "topK", 4)).json().get("passages");

        JsonNode entries = ApiClient.as(port, "admin", "demo").get("/api/audit?action=search&user=agent").json();
        JsonNode entry = null;
        for (JsonNode e : entries) {
            if (e.get("details").get("question").asString().equals(question)) {
                entry = e;
            }
        }
        assertThat(entry).as("audit entry of the search").isNotNull();
        assertThat(entry.get("capsuleId").asString()).isEqualTo("charte-ia");
        assertThat(entry.get("details").get("topK").asInt()).isEqualTo(4);
        List<String> returned = new ArrayList<>();
        passages.forEach(p -> returned.add(p.get("documentId").asString()));
        List<String> audited = new ArrayList<>();
        entry.get("details").get("documents").forEach(d -> audited.add(d.asString()));
        assertThat(audited).isEqualTo(returned.stream().distinct().toList());
    }
}
