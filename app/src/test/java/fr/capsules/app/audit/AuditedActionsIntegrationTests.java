package fr.capsules.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.llm.ScriptedReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What people do through the API leaves entries in the audit trail, and the chain stays valid. */
class AuditedActionsIntegrationTests extends ServiceIntegrationTest {

    private JsonNode entries(String filter) {
        ApiClient.Response response = as("admin").get("/api/audit?" + filter);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void anAskIsRecordedWithItsQuestionModeModelAndCitedDocuments() {
        String question = "Dans quel délai faut-il accuser réception d'une réclamation écrite ?";
        as("reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", question));

        JsonNode asks = entries("action=ask&user=reclamations&capsule=reclamations");
        JsonNode entry = null;
        for (JsonNode e : asks) {
            if (e.get("details").get("question").asString().equals(question)) {
                entry = e;
                break;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("capsuleVersion").asInt()).isPositive();
        assertThat(entry.get("details").get("mode").asString()).isEqualTo("generative");
        assertThat(entry.get("details").get("model").asString()).startsWith("mistral-small3.2");
        assertThat(entry.get("details").get("citedDocuments")).isNotEmpty();
    }

    @Test
    void theWholeDraftLifeAndTheExportHashAreRecorded() {
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        ApiClient handler = as("reclamations");
        String id = handler.postJson("/api/capsules/reclamations/drafts",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?")).json().get("id").asString();
        handler.putJson("/api/drafts/" + id + "/content", Map.of("text", "Accusé de réception sous huit jours ouvrés [1]."));
        handler.postJson("/api/drafts/" + id + "/validate", "");
        ApiClient.Download pdf = handler.download("/api/drafts/" + id + "/export?format=pdf");

        List<String> actions = new java.util.ArrayList<>();
        for (JsonNode e : entries("user=reclamations&capsule=reclamations&limit=50")) {
            if (id.equals(e.get("details").path("draftId").asString(null))) {
                actions.add(e.get("action").asString());
            }
        }
        assertThat(actions).containsExactly("draft-exported", "draft-validated", "draft-edited", "draft-created");
        JsonNode export = entries("action=draft-exported&user=reclamations").get(0);
        assertThat(export.get("details").get("format").asString()).isEqualTo("pdf");
        assertThat(export.get("details").get("sha256").asString()).isEqualTo(pdf.headers().firstValue("X-Content-SHA256").orElseThrow());
        assertThat(as("admin").get("/api/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void documentsAndCapsuleChangesAreRecorded() {
        ApiClient referent = as("referent");
        String capsule = "audit-capsule-" + System.nanoTime() % 1_000_000;
        referent.postJson("/api/capsules", Map.of("id", capsule, "name", "Capsule auditée", "purpose", "Tracer.",
                "referent", "Romain Référent", "scope", Map.of("generic", false, "services", List.of("inspection")), "kind", "chat"));
        JsonNode upload = referent.upload("/api/capsules/" + capsule + "/documents",
                List.of(ApiClient.Part.of("note.txt", "Une note de service sur les astreintes.".getBytes()))).json();
        String documentId = upload.get("results").get(0).get("documentId").asString();
        referent.delete("/api/capsules/" + capsule + "/documents/" + documentId);
        referent.delete("/api/capsules/" + capsule);

        List<String> actions = new java.util.ArrayList<>();
        entries("capsule=" + capsule).forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("capsule-retired", "document-deleted", "document-uploaded", "capsule-created");
    }

    @Test
    void reachingForACapsuleOutsideOnesScopeIsRecordedThoughAnsweredAsNotFound() {
        assertThat(as("reclamations").get("/api/capsules/mesures-inspection").status()).isEqualTo(404);
        assertThat(as("reclamations").get("/api/capsules/n-existe-pas").status()).isEqualTo(404);
        JsonNode denied = entries("action=access-denied&user=reclamations&capsule=mesures-inspection");
        assertThat(denied).isNotEmpty();
        assertThat(entries("action=access-denied&user=reclamations&capsule=n-existe-pas")).isEmpty();
    }

    @Test
    void anUnknownApiTokenIsRecordedAsAFailedLogin() {
        ApiClient.bearer(port, "jeton-invente").get("/api/capsules");
        assertThat(entries("action=login-failed&user=jeton-api-inconnu")).isNotEmpty();
    }
}
