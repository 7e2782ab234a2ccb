package fr.capsules.app.register;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.llm.ScriptedReply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RegisterIntegrationTests extends ServiceIntegrationTest {

    private JsonNode entry(JsonNode register, String id) {
        for (JsonNode e : register) {
            if (e.get("id").asString().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no register entry " + id);
    }

    @Test
    void everyCapsuleIsInTheRegisterWithItsPurposeDataModelAndUsage() {
        ApiClient handler = as("reclamations");
        JsonNode before = entry(handler.get("/api/register").json(), "reclamations").get("usage");
        handler.postJson("/api/capsules/reclamations/ask", Map.of("question", "Dans quel délai répondre à une réclamation ?"));
        OLLAMA.enqueue(ScriptedReply.text("La réponse est adressée sous deux mois [1]."));
        String draft = handler.postJson("/api/capsules/reclamations/drafts",
                Map.of("question", "Dans quel délai répondre sur le fond à une réclamation ?")).json().get("id").asString();
        handler.putJson("/api/drafts/" + draft + "/content", Map.of("text", "La réponse au fond est adressée sous deux mois [1]."));
        handler.postJson("/api/drafts/" + draft + "/validate", "");

        JsonNode register = as("dpo").get("/api/register").json();

        assertThat(register).extracting(e -> e.get("id").asString()).contains("reclamations", "mesures-inspection", "charte-ia");
        JsonNode entry = entry(register, "reclamations");
        assertThat(entry.get("purpose").asString()).isNotBlank();
        assertThat(entry.get("referent").asString()).isNotBlank();
        assertThat(entry.get("services").get(0).asString()).isEqualTo("reclamations");
        assertThat(entry.get("model").asString()).isEqualTo("mistral-small3.2");
        assertThat(entry.get("dataSources").get("documents").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(entry.get("dataSources").get("formats").get("pdf").asInt()).isPositive();
        assertThat(entry.get("firstPublishedAt").asString()).isNotBlank();
        JsonNode usage = entry.get("usage");
        assertThat(usage.get("questions").asLong()).isGreaterThanOrEqualTo(before.get("questions").asLong() + 2);
        assertThat(usage.get("draftsValidated").asLong()).isGreaterThanOrEqualTo(before.get("draftsValidated").asLong() + 1);
        assertThat(usage.get("medianEditShare").asDouble()).isPositive();
        assertThat(usage.get("medianHoursToValidation").isNull()).isFalse();
    }

    @Test
    void anAgentReadsTheEntriesOfTheCapsulesTheyMaySeeOnly() {
        assertThat(as("agent").get("/api/register").json()).extracting(e -> e.get("id").asString())
                .contains("charte-ia").doesNotContain("reclamations", "mesures-inspection");
        assertThat(as("reclamations").get("/api/register").json()).extracting(e -> e.get("id").asString())
                .contains("charte-ia", "reclamations").doesNotContain("mesures-inspection");
        assertThat(as("agent").get("/api/register?format=csv").body()).doesNotContain("reclamations;", "mesures-inspection;");
        assertThat(as("agent").get("/api/register?format=md").body()).doesNotContain("`reclamations`", "`mesures-inspection`");
        assertThat(as("admin").get("/api/register").json()).extracting(e -> e.get("id").asString())
                .contains("charte-ia", "reclamations", "mesures-inspection");
    }

    @Test
    void theRegisterExportsAsCsvAndMarkdown() {
        ApiClient.Response csv = as("admin").get("/api/register?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFcapsule;nom;finalité").contains("reclamations;");

        ApiClient.Response md = as("admin").get("/api/register?format=md");
        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.body()).startsWith("# Registre des systèmes d'IA").contains("(`charte-ia`)").contains("**référent**");
    }

    @Test
    void theRegisterSpeaksFrenchAndDatesTheFirstPublicationNotTheCreation() {
        Map<String, Object> draft = new java.util.HashMap<>();
        draft.put("id", "registre-brouillon");
        draft.put("name", "Capsule du registre");
        draft.put("description", "Une description courte.");
        draft.put("purpose", "Aider les agents du pôle veille à retrouver les protocoles d'alerte.");
        draft.put("referent", "Romain Référent");
        draft.put("status", "draft");
        draft.put("scope", Map.of("generic", false, "services", java.util.List.of("inspection")));
        draft.put("kind", "chat");
        assertThat(as("referent").postJson("/api/capsules", draft).status()).isEqualTo(201);

        JsonNode created = entry(as("admin").get("/api/register").json(), "registre-brouillon");
        assertThat(created.get("purpose").asString()).startsWith("Aider les agents du pôle veille");
        assertThat(created.get("status").asString()).isEqualTo("draft");
        assertThat(created.get("statusLabel").asString()).isEqualTo("en préparation");
        assertThat(created.get("kindLabel").asString()).isEqualTo("réponses");
        assertThat(created.get("firstPublishedAt").isNull()).as("a draft was never published").isTrue();

        draft.put("status", "published");
        assertThat(as("referent").putJson("/api/capsules/registre-brouillon", draft).status()).isEqualTo(200);
        JsonNode published = entry(as("admin").get("/api/register").json(), "registre-brouillon");
        assertThat(published.get("firstPublishedAt").asString()).isNotBlank();
        assertThat(published.get("statusLabel").asString()).isEqualTo("publiée");

        String csv = as("admin").get("/api/register?format=csv").body();
        String row = csv.lines().filter(l -> l.startsWith("registre-brouillon;")).findFirst().orElseThrow();
        assertThat(row).contains(";Aider les agents du pôle veille").doesNotContain(";Une description courte.;")
                .doesNotContain(";chat;").doesNotContain(";draft;");
        String page = as("admin").get("/register").body();
        assertThat(page).contains("Aider les agents du pôle veille").doesNotContain(">published<", ">draft<", ">chat<");
    }

    @Test
    void anAdministratorWritesTheLegalBasisAndTheImpactAssessmentAndTheTrailKeepsIt() {
        Map<String, String> details = Map.of(
                "legalBasis", "Mission d'intérêt public (art. 6-1-e RGPD) ; art. L. 1431-2 du code de la santé publique",
                "dpiaReference", "AIPD-2026-014");
        assertThat(as("referent").putJson("/api/register/reclamations", details).status()).isEqualTo(403);
        assertThat(entry(as("admin").get("/api/register").json(), "reclamations").get("legalBasis").asString())
                .doesNotContain("AIPD-2026-014");

        ApiClient.Response saved = as("admin").putJson("/api/register/reclamations", details);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        JsonNode entry = entry(as("reclamations").get("/api/register").json(), "reclamations");
        assertThat(entry.get("legalBasis").asString()).startsWith("Mission d'intérêt public");
        assertThat(entry.get("dpiaReference").asString()).isEqualTo("AIPD-2026-014");
        assertThat(as("admin").get("/api/register?format=csv").body()).contains("AIPD-2026-014");
        JsonNode trail = as("admin").get("/api/audit?action=register-updated&capsule=reclamations").json();
        assertThat(trail.toString()).contains("AIPD-2026-014");

        ApiClient.Response tooLong = as("admin").putJson("/api/register/reclamations",
                Map.of("legalBasis", "x".repeat(501), "dpiaReference", "AIPD"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).contains("legalBasis").contains("500 caractères");
        assertThat(as("admin").putJson("/api/register/inconnue", details).status()).isEqualTo(404);
        assertThat(entry(as("admin").get("/api/register").json(), "reclamations").get("dpiaReference").asString())
                .isEqualTo("AIPD-2026-014");
    }

    @Test
    void aBadPeriodOrFormatIsABadRequest() {
        assertThat(as("admin").get("/api/register?format=pdf").status()).isEqualTo(400);
        assertThat(as("admin").get("/api/register?from=31/12/2025").status()).isEqualTo(400);
        assertThat(as("admin").get("/api/register?from=2026-02-01&to=2026-01-01").status()).isEqualTo(400);
    }
}
