package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.llm.ScriptedReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Past conversations over HTTP: listed, reopened, renamed and deleted by their owner only, purged after the retention. */
class ConversationsIntegrationTests extends ServiceIntegrationTest {

    private static final String QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";

    @Autowired
    Conversations conversations;

    @Autowired
    ConversationProperties properties;

    private String askNew() {
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        JsonNode answer = as("reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION)).json();
        return answer.get("conversationId").asString();
    }

    @Test
    void theOwnerListsAndReopensAConversationWithItsSources() {
        String id = askNew();

        JsonNode list = as("reclamations").get("/api/capsules/reclamations/conversations").json();
        JsonNode listed = list.valueStream().filter(c -> c.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(listed.get("title").asString()).isEqualTo(QUESTION);
        assertThat(listed.get("turns").asInt()).isEqualTo(1);

        JsonNode reopened = as("reclamations").get("/api/conversations/" + id).json();
        JsonNode turn = reopened.get("turns").get(0);
        assertThat(turn.get("question").asString()).isEqualTo(QUESTION);
        assertThat(turn.get("answer").asString()).contains("huit jours ouvrés [1]");
        assertThat(turn.get("label").asString()).isEqualTo("Généré par IA — à vérifier");
        assertThat(turn.get("citations").get(0).get("n").asInt()).isEqualTo(1);
        assertThat(turn.get("citations").get(0).get("passageId").asString()).contains("#");
    }

    @Test
    void theOwnerRenamesAndDeletesAConversation() {
        String id = askNew();

        var renamed = as("reclamations").patchJson("/api/conversations/" + id, Map.of("title", "  Délai d'accusé de réception  "));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("title").asString()).isEqualTo("Délai d'accusé de réception");
        assertThat(as("reclamations").patchJson("/api/conversations/" + id, Map.of("title", " ")).status()).isEqualTo(400);

        assertThat(as("reclamations").delete("/api/conversations/" + id).status()).isEqualTo(204);
        assertThat(as("reclamations").get("/api/conversations/" + id).status()).isEqualTo(404);
        assertThat(conversations.turns(id)).isEmpty();
    }

    @Test
    void someoneElseGetsNotFoundForEveryOperation() {
        String id = askNew();

        // The referent sees the capsule, but not the complaint handler's conversation.
        assertThat(as("referent").get("/api/conversations/" + id).status()).isEqualTo(404);
        assertThat(as("referent").patchJson("/api/conversations/" + id, Map.of("title", "piratée")).status()).isEqualTo(404);
        assertThat(as("referent").delete("/api/conversations/" + id).status()).isEqualTo(404);
        assertThat(as("admin").delete("/api/conversations/" + id).status()).isEqualTo(404);
        assertThat(as("referent").get("/api/capsules/reclamations/conversations").json().valueStream()
                .map(c -> c.get("id").asString())).doesNotContain(id);
        assertThat(as("reclamations").get("/api/conversations/" + id).status()).isEqualTo(200);
    }

    @Test
    void aConversationIsPurgedOnceIdleLongerThanTheRetention() {
        String id = askNew();
        Instant asked = as("reclamations").get("/api/conversations/" + id).json().get("updatedAt").asString().transform(Instant::parse);
        assertThat(properties.retention()).isEqualTo(Duration.ofDays(90));

        int none = new ConversationPurge(conversations, properties, clockAt(asked.plus(Duration.ofDays(89)))).purge();
        assertThat(as("reclamations").get("/api/conversations/" + id).status()).isEqualTo(200);

        int purged = new ConversationPurge(conversations, properties, clockAt(asked.plus(Duration.ofDays(90)).plusSeconds(1))).purge();
        assertThat(purged).isGreaterThan(none);
        assertThat(as("reclamations").get("/api/conversations/" + id).status()).isEqualTo(404);
        assertThat(conversations.turns(id)).isEmpty();
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
