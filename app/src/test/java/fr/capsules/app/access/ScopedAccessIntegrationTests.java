package fr.capsules.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ScopedAccessIntegrationTests extends ServiceIntegrationTest {

    private List<String> visibleIds(String user) {
        ApiClient.Response response = as(user).get("/api/capsules");
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    @Test
    void eachDemoUserSeesGenericCapsulesAndThoseOfTheirServices() {
        assertThat(visibleIds("admin")).contains("reclamations", "mesures-inspection", "charte-ia");
        assertThat(visibleIds("referent")).contains("reclamations", "mesures-inspection", "charte-ia");
        assertThat(visibleIds("inspecteur")).contains("mesures-inspection", "charte-ia").doesNotContain("reclamations");
        assertThat(visibleIds("reclamations")).contains("reclamations", "charte-ia").doesNotContain("mesures-inspection");
        assertThat(visibleIds("agent")).contains("charte-ia").doesNotContain("reclamations", "mesures-inspection");
    }

    @Test
    void capsuleListGivesTheContractFields() {
        JsonNode table = null;
        for (JsonNode c : as("inspecteur").get("/api/capsules").json()) {
            if (c.get("id").asString().equals("mesures-inspection")) {
                table = c;
            }
        }
        assertThat(table).isNotNull();
        assertThat(table.get("kind").asString()).isEqualTo("table");
        assertThat(table.get("scope").get("generic").asBoolean()).isFalse();
        assertThat(table.get("scope").get("services").get(0).asString()).isEqualTo("inspection");
        assertThat(table.get("status").asString()).isEqualTo("published");
        assertThat(table.get("version").asInt()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/capsules/mesures-inspection",
        "/api/capsules/mesures-inspection/documents",
    })
    void aComplaintHandlerCannotReachTheInspectionCapsuleByUrl(String path) {
        ApiClient.Response hidden = as("reclamations").get(path);
        ApiClient.Response missing = as("reclamations").get(path.replace("mesures-inspection", "n-existe-pas"));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        // Same answer as for a capsule that does not exist: its existence is not revealed.
        assertThat(hidden.json().get("title").asString()).isEqualTo(missing.json().get("title").asString());
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void aComplaintHandlerCannotAskTheInspectionCapsule() {
        ApiClient.Response response =
                as("reclamations").postJson("/api/capsules/mesures-inspection/ask", Map.of("question", "contention sans prescription"));
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void anAgentOutsideAnyServiceCannotUploadToAServiceCapsule() {
        ApiClient.Response response =
                as("agent").upload("/api/capsules/reclamations/documents", List.of(ApiClient.Part.of("a.txt", "texte".getBytes())));
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void anAgentWhoSeesACapsuleStillCannotChangeIt() {
        ApiClient.Response response =
                as("reclamations").upload("/api/capsules/reclamations/documents", List.of(ApiClient.Part.of("a.txt", "texte".getBytes())));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("référents");
    }

    @Test
    void anonymousCallsAreRefusedWithAProblemNotALoginPage() {
        ApiClient.Response response = ApiClient.anonymous(port).get("/api/capsules");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("Identifiez-vous");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(ApiClient.as(port, "admin", "pas-le-bon").get("/api/capsules").status()).isEqualTo(401);
    }

    @Test
    void anUnknownBearerTokenIsRefused() {
        ApiClient.Response response = ApiClient.bearer(port, "inconnu").get("/api/capsules");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static java.util.List<String> names(tools.jackson.databind.JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void healthIsPublicButOnlyItsStatus() {
        ApiClient.Response response = ApiClient.anonymous(port).get("/actuator/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
        // Neither the data folder, nor the model server's address, nor the list of components: the
        // status, and the names of the probe groups (liveness, readiness).
        assertThat(names(response.json())).containsExactlyInAnyOrder("status", "groups");
        assertThat(response.body()).doesNotContain("baseUrl").doesNotContain("components").doesNotContain("path");

        for (String agent : java.util.List.of("agent", "referent")) {
            assertThat(names(ApiClient.as(port, agent, "demo").get("/actuator/health").json())).as(agent)
                    .containsExactlyInAnyOrder("status", "groups");
        }
        ApiClient.Response admin = ApiClient.as(port, "admin", "demo").get("/actuator/health");
        assertThat(admin.json().get("components").get("catalogue").get("status").asString()).isEqualTo("UP");
        assertThat(admin.json().get("components").get("ollama").get("details").has("baseUrl")).isTrue();

        ApiClient.Response readiness = ApiClient.anonymous(port).get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }
}
