package fr.capsules.app.draft;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.llm.ScriptedReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Need-to-know on drafts: a draft (and the question in it, which may name people) is seen by its author, the people it
 * is assigned to for validation and admins, not by every colleague who sees the capsule, unless the capsule shares
 * its drafts with its service; and four eyes mean that neither the author nor anyone who edited the content validates.
 */
class DraftNeedToKnowIntegrationTests extends ServiceIntegrationTest {

    private static final String QUESTION = "Mme Martin, résidente de l'EHPAD Les Tilleuls, se plaint de maltraitance :"
            + " quel délai pour accuser réception ?";

    private String complaintDraft(String author) {
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        ApiClient.Response created = as(author).postJson("/api/capsules/reclamations/drafts", Map.of("question", QUESTION));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<String> ids(JsonNode drafts) {
        List<String> ids = new ArrayList<>();
        drafts.forEach(d -> ids.add(d.get("id").asString()));
        return ids;
    }

    @Test
    void aColleagueOfTheSameServiceNeitherSeesNorTouchesADraftNotAssignedToThem() {
        String id = complaintDraft("reclamations");
        ApiClient colleague = as("referent");

        assertThat(colleague.get("/api/drafts/" + id).status()).isEqualTo(404);
        assertThat(colleague.get("/api/drafts/" + id).body()).doesNotContain("Martin");
        assertThat(ids(colleague.get("/api/drafts").json())).doesNotContain(id);
        assertThat(ids(colleague.get("/api/drafts?capsule=reclamations").json())).doesNotContain(id);
        assertThat(colleague.putJson("/api/drafts/" + id + "/content", Map.of("text", "réécrit")).status()).isEqualTo(404);
        assertThat(colleague.postJson("/api/drafts/" + id + "/validate", "").status()).isEqualTo(404);
        assertThat(colleague.postJson("/api/drafts/" + id + "/reject", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(colleague.assign(id, "referent").status()).isEqualTo(404);
        assertThat(colleague.download("/api/drafts/" + id + "/export?format=md").status()).isEqualTo(404);

        assertThat(ids(as("reclamations").get("/api/drafts").json())).contains(id);
        assertThat(as("admin").get("/api/drafts/" + id).status()).isEqualTo(200);
        assertThat(ids(as("admin").get("/api/drafts").json())).contains(id);
    }

    @Test
    void theAssignedColleagueSeesTheDraftInTheirListAndMayValidateIt() {
        String id = complaintDraft("reclamations");

        ApiClient.Response assigned = as("reclamations").assign(id, "referent");

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("reviewers")).singleElement()
                .satisfies(r -> assertThat(r.get("name").asString()).isEqualTo("Romain Référent"));
        assertThat(ids(as("referent").get("/api/drafts?status=generated").json())).contains(id);
        assertThat(as("referent").get("/api/drafts/" + id).json().get("question").asString()).isEqualTo(QUESTION);
        // The question reports maltreatment: the draft carries warnings (the procedure to follow), which the
        // validator acknowledges, as anyone who validates must.
        assertThat(as("referent").validateAcknowledgingEveryWarning(id).json().get("status").asString())
                .isEqualTo("validated");
    }

    @Test
    void onlyTheAuthorOrAnAdminAssignsAndOnlyToPeopleWhoMaySeeTheCapsule() {
        String id = complaintDraft("reclamations");
        as("reclamations").assign(id, "referent");

        ApiClient.Response byReviewer = as("referent").assign(id, "referent", "admin");
        ApiClient.Response outsider = as("reclamations").assign(id, "inspecteur");
        ApiClient.Response unknown = as("reclamations").assign(id, "personne-inconnue");

        assertThat(byReviewer.status()).isEqualTo(403);
        assertThat(outsider.status()).isEqualTo(400);
        assertThat(outsider.json().get("detail").asString()).contains("n'a pas accès à cette capsule");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(as("inspecteur").get("/api/drafts/" + id).status()).isEqualTo(404);
        assertThat(as("admin").assign(id).status()).isEqualTo(200);
        assertThat(as("referent").get("/api/drafts/" + id).status()).as("assignment withdrawn").isEqualTo(404);
        JsonNode audit = as("admin").get("/api/audit?action=draft-assigned&user=admin&limit=20").json();
        assertThat(audit).anySatisfy(e -> assertThat(e.get("details").get("draftId").asString()).isEqualTo(id));
    }

    @Test
    void aCapsuleThatSharesItsDraftsWithItsServiceShowsThemToEveryMember() {
        ApiClient referent = as("referent");
        assertThat(referent.postJson("/api/capsules", Map.of(
                "id", "courriers-partages", "name", "Courriers partagés", "purpose", "Préparer les courriers à plusieurs.",
                "referent", "Romain Référent", "scope", Map.of("generic", false, "services", List.of("reclamations")),
                "kind", "chat", "validation", Map.of("serviceSeesDrafts", true))).status()).isEqualTo(201);
        referent.upload("/api/capsules/courriers-partages/documents", List.of(ApiClient.Part.of("note.txt",
                "Tout courrier de réponse est relu par un second agent du service avant envoi.".getBytes())));
        OLLAMA.enqueue(ScriptedReply.text("Tout courrier est relu par un second agent [1]."));
        String id = as("reclamations").postJson("/api/capsules/courriers-partages/drafts",
                Map.of("question", "Qui relit un courrier de réponse avant envoi ?")).json().get("id").asString();

        assertThat(referent.get("/api/drafts/" + id).status()).isEqualTo(200);
        assertThat(ids(referent.get("/api/drafts?capsule=courriers-partages").json())).contains(id);
        assertThat(as("inspecteur").get("/api/drafts/" + id).status()).as("outside the service").isEqualTo(404);
    }

    @Test
    void fourEyesAreOnForTableCapsulesAndRefuseTheAuthorAndEveryEditor() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("{\"type\": \"écart\", \"reference\": \"\", \"mesure\":"
                + " \"Actualiser le plan bleu.\", \"nature\": \"prescription\", \"delai\": \"3 mois\", \"sources\": [1]}"));
        ApiClient.Response created = as("inspecteur").postJson("/api/capsules/mesures-inspection/drafts",
                Map.of("input", "E1 - Le plan bleu n'est pas actualisé depuis 2023."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        as("inspecteur").assign(id, "controleur", "referent");
        JsonNode row = created.json().get("content").get("rows").get(0);
        Map<String, Object> cells = new java.util.LinkedHashMap<>();
        row.get("cells").properties().forEach(e -> cells.put(e.getKey(), e.getValue().asString()));
        cells.put("mesure", "Réécrire et diffuser un plan bleu complet avant le 1er juin.");
        assertThat(as("referent").putJson("/api/drafts/" + id + "/content", Map.of("rows", List.of(Map.of("cells", cells))))
                .status()).isEqualTo(200);

        ApiClient.Response byAuthor = as("inspecteur").validateAcknowledgingEveryWarning(id);
        ApiClient.Response byEditor = as("referent").validateAcknowledgingEveryWarning(id);

        assertThat(byAuthor.status()).isEqualTo(409);
        assertThat(byAuthor.json().get("detail").asString()).contains("autre personne");
        assertThat(byEditor.status()).isEqualTo(409);
        assertThat(byEditor.json().get("detail").asString()).contains("qui n'en a pas modifié le contenu");
        ApiClient.Response byFreshEyes = as("controleur").validateAcknowledgingEveryWarning(id);
        assertThat(byFreshEyes.status()).as(byFreshEyes.body()).isEqualTo(200);
        assertThat(byFreshEyes.json().get("validatedBy").asString()).isEqualTo("controleur");
    }
}
