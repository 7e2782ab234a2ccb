package fr.capsules.app.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.CapsulesProperties;
import fr.capsules.app.ServiceIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class CapsuleManagementIntegrationTests extends ServiceIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CapsulesProperties properties;

    private static Map<String, Object> definition(String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Qualité de l'eau");
        body.put("purpose", "Rédiger les tableaux de non-conformités des contrôles sanitaires des eaux.");
        body.put("referent", "Romain Référent");
        body.put("scope", Map.of("generic", false, "services", List.of("inspection")));
        body.put("kind", "table");
        body.put("table", Map.of("columns", List.of(
                Map.of("name", "constat", "title", "Constat"),
                Map.of("name", "nature", "title", "Nature", "values", List.of("injonction", "prescription", "recommandation")))));
        return body;
    }

    @Test
    void aReferentCreatesUpdatesAndRetiresACapsule() {
        ApiClient referent = as("referent");
        ApiClient.Response created = referent.postJson("/api/capsules", definition("qualite-eau"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        assertThat(created.json().get("table").get("columns").get(1).get("values").get(0).asString()).isEqualTo("injonction");

        Map<String, Object> changed = definition("qualite-eau");
        changed.put("name", "Qualité des eaux de consommation");
        ApiClient.Response updated = referent.putJson("/api/capsules/qualite-eau", changed);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        assertThat(as("inspecteur").get("/api/capsules/qualite-eau").json().get("name").asString()).isEqualTo("Qualité des eaux de consommation");

        ApiClient.Response retired = referent.delete("/api/capsules/qualite-eau");
        assertThat(retired.json().get("status").asString()).isEqualTo("retired");
        assertThat(retired.json().get("version").asInt()).isEqualTo(3);

        assertThat(referent.postJson("/api/capsules", definition("qualite-eau")).status()).isEqualTo(409);
        ApiClient.Response ask = as("inspecteur").postJson("/api/capsules/qualite-eau/ask", Map.of("question", "nitrates"));
        assertThat(ask.status()).isEqualTo(409);
        assertThat(ask.json().get("detail").asString()).contains("retirée");
    }

    @Test
    void aDraftCapsuleIsVisibleToReferentsInScopeButNotYetToAgents() {
        Map<String, Object> draft = definition("brouillon-eau");
        draft.put("status", "draft");
        assertThat(as("referent").postJson("/api/capsules", draft).status()).isEqualTo(201);
        assertThat(as("referent").get("/api/capsules/brouillon-eau").status()).isEqualTo(200);
        assertThat(as("admin").get("/api/capsules/brouillon-eau").status()).isEqualTo(200);
        assertThat(as("inspecteur").get("/api/capsules/brouillon-eau").status()).isEqualTo(404);
    }

    @Test
    void anAgentCannotCreateACapsule() {
        assertThat(as("inspecteur").postJson("/api/capsules", definition("tentative-agent")).status()).isEqualTo(403);
    }

    @Test
    void anInvalidDefinitionIsRefusedFieldByField() {
        Map<String, Object> body = definition("Pas Un Slug/../x");
        body.put("scope", Map.of("generic", false, "services", List.of()));
        body.remove("table");
        ApiClient.Response response = as("referent").postJson("/api/capsules", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problems = response.json().get("problems");
        List<String> fields = new java.util.ArrayList<>();
        problems.forEach(p -> fields.add(p.get("field").asString()));
        assertThat(fields).contains("id", "scope.services", "table");
        assertThat(response.body()).contains("identifiant simple");
    }

    @Test
    void aServiceWithATypoIsRefusedByNameAndTheCapsuleIsNotLost() {
        Map<String, Object> body = definition("service-faute");
        body.put("scope", Map.of("generic", false, "services", List.of("inspecton")));
        ApiClient.Response refused = as("referent").postJson("/api/capsules", body);
        assertThat(refused.status()).isEqualTo(400);
        JsonNode problem = refused.json().get("problems").get(0);
        assertThat(problem.get("field").asString()).isEqualTo("scope.services[0]");
        assertThat(problem.get("message").asString()).contains("« inspecton » n'existe pas").contains("inspection")
                .contains("reclamations");
        assertThat(as("referent").get("/api/capsules/service-faute").status()).isEqualTo(404);
        assertThat(as("admin").get("/api/capsules/service-faute").status()).isEqualTo(404);

        List<String> known = new java.util.ArrayList<>();
        as("referent").get("/api/services").json().forEach(s -> known.add(s.get("id").asString()));
        assertThat(known).contains("inspection", "reclamations").doesNotContain("inspecton");
        assertThat(as("inspecteur").get("/api/services").status()).isEqualTo(403);
    }

    @Test
    void theCreatorAndTheNamedReferentsKeepACapsuleWhoseScopeLeavesThemOut() {
        jdbc.sql("INSERT INTO known_services (service, first_seen_at) VALUES ('veille-sanitaire', CURRENT_TIMESTAMP)").update();
        Map<String, Object> body = definition("hors-de-mes-services");
        body.put("scope", Map.of("generic", false, "services", List.of("veille-sanitaire")));
        body.put("status", "draft");
        ApiClient.Response created = as("referent").postJson("/api/capsules", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("maintainers")).extracting(JsonNode::asString).containsExactly("referent");

        ApiClient referent = as("referent");
        assertThat(referent.get("/api/capsules").json()).extracting(c -> c.get("id").asString()).contains("hors-de-mes-services");
        body.put("name", "Veille sanitaire — alertes");
        ApiClient.Response updated = referent.putJson("/api/capsules/hors-de-mes-services", body);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("maintainers")).extracting(JsonNode::asString).containsExactly("referent");
        assertThat(as("inspecteur").get("/api/capsules/hors-de-mes-services").status()).isEqualTo(404);
        assertThat(referent.delete("/api/capsules/hors-de-mes-services").status()).isEqualTo(200);
    }

    @Test
    void aCapsuleDetailCarriesItsDocumentCountAndInstructions() {
        JsonNode detail = as("reclamations").get("/api/capsules/reclamations").json();
        assertThat(detail.get("documentCount").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(detail.get("purpose").asString()).isNotBlank();
        assertThat(detail.get("referent").asString()).isNotBlank();
        assertThat(detail.get("kind").asString()).isEqualTo("chat");
    }

    @Test
    void anUpdateWhoseAuditEntryIsRefusedIsTakenBackWithItsHistoryAndFile() throws IOException {
        ApiClient referent = as("referent");
        assertThat(referent.postJson("/api/capsules", definition("audit-refuse-maj")).status()).isEqualTo(201);
        Path file = properties.capsuleOverridesDir().resolve("audit-refuse-maj").resolve("capsule.yaml");
        String saved = Files.readString(file);
        Map<String, Object> changed = definition("audit-refuse-maj");
        changed.put("name", "Nom jamais enregistré");

        int status = withAuditEntriesRefused("audit-refuse-maj", "capsule-updated",
                () -> referent.putJson("/api/capsules/audit-refuse-maj", changed).status());

        assertThat(status).isEqualTo(500);
        JsonNode capsule = referent.get("/api/capsules/audit-refuse-maj").json();
        assertThat(capsule.get("version").asInt()).isEqualTo(1);
        assertThat(capsule.get("name").asString()).isEqualTo("Qualité de l'eau");
        assertThat(Files.readString(file)).isEqualTo(saved);
        assertThat(historyOf("audit-refuse-maj")).containsExactly(1);
        assertThat(as("admin").get("/api/audit/verify").json().get("valid").asBoolean()).isTrue();
        // Nothing is stuck: once entries are accepted again, the same change is version 2.
        assertThat(referent.putJson("/api/capsules/audit-refuse-maj", changed).json().get("version").asInt()).isEqualTo(2);
        assertThat(historyOf("audit-refuse-maj")).containsExactly(1, 2);
    }

    @Test
    void aCreationWhoseAuditEntryIsRefusedLeavesNoCapsuleBehind() {
        ApiClient referent = as("referent");

        int status = withAuditEntriesRefused("audit-refuse-creation", "capsule-created",
                () -> referent.postJson("/api/capsules", definition("audit-refuse-creation")).status());

        assertThat(status).isEqualTo(500);
        assertThat(referent.get("/api/capsules/audit-refuse-creation").status()).isEqualTo(404);
        assertThat(properties.capsuleOverridesDir().resolve("audit-refuse-creation")).doesNotExist();
        assertThat(historyOf("audit-refuse-creation")).isEmpty();
        assertThat(referent.postJson("/api/capsules", definition("audit-refuse-creation")).status()).isEqualTo(201);
    }

    /** Runs {@code call} while the database itself refuses this capsule's entries of this action. */
    private int withAuditEntriesRefused(String capsuleId, String action, java.util.function.IntSupplier call) {
        String constraint = "refuse_" + capsuleId.replace('-', '_');
        jdbc.sql("ALTER TABLE audit_entries ADD CONSTRAINT " + constraint
                + " CHECK (capsule_id <> '" + capsuleId + "' OR action <> '" + action + "')").update();
        try {
            return call.getAsInt();
        } finally {
            jdbc.sql("ALTER TABLE audit_entries DROP CONSTRAINT " + constraint).update();
        }
    }

    private List<Integer> historyOf(String capsuleId) {
        return jdbc.sql("SELECT version FROM capsule_history WHERE capsule_id = ? ORDER BY version")
                .param(capsuleId).query(Integer.class).list();
    }
}
