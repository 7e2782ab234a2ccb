package fr.capsules.app.draft;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.llm.ScriptedReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The review of drafts over HTTP: who may do what, and every move the status refuses. */
class DraftsIntegrationTests extends ServiceIntegrationTest {

    private static final String QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";
    private static final String AI_TEXT = "L'accusé de réception est adressé sous huit jours ouvrés [1].";

    private JsonNode textDraft(String user) {
        OLLAMA.enqueue(ScriptedReply.text(AI_TEXT));
        ApiClient.Response created = as(user).postJson("/api/capsules/reclamations/drafts", Map.of("question", QUESTION));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private ApiClient.Response edit(String user, String id, String text) {
        return as(user).putJson("/api/drafts/" + id + "/content", Map.of("text", text));
    }

    @Test
    void aTextDraftGoesFromGeneratedToEditedToValidatedKeepingTheAiVersion() {
        JsonNode draft = textDraft("reclamations");
        String id = draft.get("id").asString();
        assertThat(draft.get("status").asString()).isEqualTo("generated");
        assertThat(draft.get("kind").asString()).isEqualTo("text");
        assertThat(draft.get("aiGenerated").asBoolean()).isTrue();
        assertThat(draft.get("content").get("text").asString()).isEqualTo(AI_TEXT);
        assertThat(draft.get("citations").get(0).get("n").asInt()).isEqualTo(1);
        assertThat(draft.get("createdBy").asString()).isEqualTo("reclamations");

        ApiClient.Response edited = edit("reclamations", id, "L'accusé de réception est adressé sous huit jours ouvrés, par courriel si la saisine était électronique [1].");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("status").asString()).isEqualTo("edited");
        assertThat(edited.json().get("aiContent").get("text").asString()).isEqualTo(AI_TEXT);
        assertThat(edited.json().get("editShare").asDouble()).isBetween(0.2, 0.8);

        assertThat(as("reclamations").assign(id, "referent").status()).isEqualTo(200);
        ApiClient.Response validated = as("referent").postJson("/api/drafts/" + id + "/validate", "");
        assertThat(validated.status()).isEqualTo(200);
        JsonNode body = validated.json();
        assertThat(body.get("status").asString()).isEqualTo("validated");
        assertThat(body.get("validatedBy").asString()).isEqualTo("referent");
        assertThat(body.get("validatedByName").asString()).isEqualTo("Romain Référent");
        assertThat(body.get("validatedAt").asString()).isNotBlank();

        JsonNode reread = as("reclamations").get("/api/drafts/" + id).json();
        assertThat(reread.get("status").asString()).isEqualTo("validated");
        assertThat(reread.get("aiContent").get("text").asString()).isEqualTo(AI_TEXT);
    }

    @Test
    void aValidatedDraftCanNeitherBeEditedNorValidatedAgainNorRejected() {
        String id = textDraft("reclamations").get("id").asString();
        as("reclamations").assign(id, "referent");
        as("reclamations").postJson("/api/drafts/" + id + "/validate", "");

        ApiClient.Response editAfter = edit("reclamations", id, "autre texte");
        ApiClient.Response twice = as("referent").postJson("/api/drafts/" + id + "/validate", "");
        ApiClient.Response reject = as("referent").postJson("/api/drafts/" + id + "/reject", Map.of("reason", "trop tard"));

        for (ApiClient.Response refused : List.of(editAfter, twice, reject)) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(editAfter.json().get("detail").asString()).contains("validé").contains("ne peut plus être modifié");
        assertThat(twice.json().get("detail").asString()).contains("déjà validé");
    }

    @Test
    void aRejectedDraftCannotBeValidatedAndARejectionNeedsAReason() {
        String id = textDraft("reclamations").get("id").asString();
        assertThat(as("reclamations").postJson("/api/drafts/" + id + "/reject", Map.of()).status()).isEqualTo(400);

        ApiClient.Response rejected = as("reclamations").postJson("/api/drafts/" + id + "/reject", Map.of("reason", "Hors sujet"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.json().get("rejectionReason").asString()).isEqualTo("Hors sujet");

        ApiClient.Response validate = as("reclamations").postJson("/api/drafts/" + id + "/validate", "");
        assertThat(validate.status()).isEqualTo(409);
        assertThat(validate.json().get("detail").asString()).contains("rejeté");
    }

    @Test
    void someoneOutsideTheCapsulesScopeFindsNothingAndChangesNothing() {
        String id = textDraft("reclamations").get("id").asString();
        ApiClient outsider = as("inspecteur");
        assertThat(outsider.get("/api/drafts/" + id).status()).isEqualTo(404);
        assertThat(edit("inspecteur", id, "piratage").status()).isEqualTo(404);
        assertThat(outsider.postJson("/api/drafts/" + id + "/validate", "").status()).isEqualTo(404);
        assertThat(outsider.postJson("/api/drafts/" + id + "/reject", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(outsider.postJson("/api/capsules/reclamations/drafts", Map.of("question", QUESTION)).status()).isEqualTo(404);
        assertThat(outsider.get("/api/drafts").json()).noneSatisfy(d -> assertThat(d.get("id").asString()).isEqualTo(id));
        assertThat(as("reclamations").get("/api/drafts/" + id).json().get("status").asString()).isEqualTo("generated");
    }

    @Test
    void draftsAreListedByCapsuleAndStatus() {
        String id = textDraft("reclamations").get("id").asString();
        JsonNode generated = as("reclamations").get("/api/drafts?capsule=reclamations&status=generated").json();
        assertThat(generated).anySatisfy(d -> assertThat(d.get("id").asString()).isEqualTo(id));
        assertThat(generated).allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("generated"));
        assertThat(as("reclamations").get("/api/drafts?status=inconnu").status()).isEqualTo(400);
    }

    @Test
    void aCapsuleCanRequireTheValidatorToBeSomeoneElse() {
        ApiClient referent = as("referent");
        referent.postJson("/api/capsules", Map.of(
                "id", "quatre-yeux", "name", "Quatre yeux", "purpose", "Valider à deux.", "referent", "Romain Référent",
                "scope", Map.of("generic", false, "services", List.of("reclamations")), "kind", "chat",
                "validation", Map.of("distinctValidator", true)));
        referent.upload("/api/capsules/quatre-yeux/documents", List.of(ApiClient.Part.of("note.txt",
                "Toute réclamation reçue est enregistrée dans le registre le jour même.".getBytes())));
        OLLAMA.enqueue(ScriptedReply.text("Toute réclamation est enregistrée le jour même [1]."));
        String id = as("reclamations").postJson("/api/capsules/quatre-yeux/drafts",
                Map.of("question", "Quand une réclamation reçue est-elle enregistrée dans le registre ?")).json().get("id").asString();

        ApiClient.Response self = as("reclamations").postJson("/api/drafts/" + id + "/validate", "");
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().get("detail").asString()).contains("autre personne");
        as("reclamations").assign(id, "referent");
        assertThat(referent.postJson("/api/drafts/" + id + "/validate", "").json().get("status").asString()).isEqualTo("validated");
    }

    @Test
    void aTableDraftStoresTheCapsulesColumnsAndOneRowPerFinding() {
        ApiClient.Response created = as("inspecteur").postJson("/api/capsules/mesures-inspection/drafts", Map.of("input", """
                1. Absence de plan bleu actualisé
                2. Contentions sans prescription médicale
                """));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode content = created.json().get("content");
        assertThat(created.json().get("kind").asString()).isEqualTo("table");
        assertThat(content.get("columns")).extracting(c -> c.get("name").asString()).contains("numero", "constat", "nature", "delai");
        assertThat(content.get("rows")).hasSize(2);
        String id = created.json().get("id").asString();

        ApiClient.Response edited = as("inspecteur").putJson("/api/drafts/" + id + "/content", Map.of("rows", List.of(
                Map.of("cells", Map.of("numero", "1", "constat", "Absence de plan bleu actualisé", "nature", "prescription")),
                Map.of("cells", Map.of("numero", "2", "constat", "Contentions sans prescription médicale", "nature", "injonction")))));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("editShare").asDouble()).isPositive();
        assertThat(edited.json().get("content").get("columns")).isNotEmpty();

        ApiClient.Response badColumn = as("inspecteur").putJson("/api/drafts/" + id + "/content",
                Map.of("rows", List.of(Map.of("cells", Map.of("couleur", "rouge")))));
        assertThat(badColumn.status()).isEqualTo(400);
    }
}
