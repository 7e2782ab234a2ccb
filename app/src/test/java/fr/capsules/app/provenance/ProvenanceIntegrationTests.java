package fr.capsules.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.SseEvents;
import fr.capsules.app.llm.ScriptedReply;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import tools.jackson.databind.JsonNode;

/**
 * Answers, drafts and exports carry the capsule version they came from and the digest the model server reported
 * (issue 11, point 4), through the real service and the fake Ollama, whose {@code /api/tags} reports digests as
 * Ollama does; new weights under the same name are scripted between two answers.
 */
class ProvenanceIntegrationTests extends ServiceIntegrationTest {

    private static final String MODEL = "mistral-small3.2";
    private static final String NEW_WEIGHTS = "5d1e0c6b2a9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938271605f";
    private static final String QUESTION = "Quel est le délai de déclaration d'une toxi-infection alimentaire collective ?";
    private static final String NOTE = """
            # Signalement des toxi-infections alimentaires collectives

            ## Délai de déclaration

            Toute toxi-infection alimentaire collective est déclarée à l'agence régionale de santé sans délai, au plus
            tard dans les vingt-quatre heures suivant sa connaissance, par le médecin ou le responsable d'établissement.

            ## Enquête

            L'enquête alimentaire est conduite par le service santé-environnement dans les quarante-huit heures.
            """;

    @Autowired
    List<ScheduledTaskHolder> scheduled;

    /** Runs the service's scheduled check of the model server now, as it does every 30 s. */
    private void modelServerChecked() {
        scheduled.stream().flatMap(holder -> holder.getScheduledTasks().stream())
                .map(task -> task.getTask().getRunnable())
                .filter(runnable -> runnable.toString().contains("ModelServerStatus"))
                .findFirst().orElseThrow(() -> new AssertionError("no scheduled check of the model server"))
                .run();
    }

    private String capsule(String id, String instructions) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("name", "Toxi-infections alimentaires");
        d.put("purpose", "Répondre aux agents sur le signalement des toxi-infections alimentaires collectives.");
        d.put("referent", "Dr Claire Martin");
        d.put("kind", "chat");
        d.put("scope", Map.of("generic", false, "services", List.of("inspection")));
        d.put("instructions", instructions);
        ApiClient referent = as("referent");
        ApiClient.Response created = referent.postJson("/api/capsules", d);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient.Response uploaded = referent.upload("/api/capsules/" + id + "/documents",
                List.of(ApiClient.Part.of("signalement-tiac.md", NOTE.getBytes(StandardCharsets.UTF_8))));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        return "/api/capsules/" + id;
    }

    private int publish(String base, String reason) {
        ApiClient.Response published = as("admin").postJson(base + "/publish", Map.of("override", true, "reason", reason));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return published.json().get("version").asInt();
    }

    private JsonNode ask(String base, String conversationId) {
        OLLAMA.enqueue(ScriptedReply.text("La déclaration est faite sans délai, au plus tard sous vingt-quatre heures [1]."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("question", QUESTION);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        ApiClient.Response answer = as("inspecteur").postJson(base + "/ask", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void eachAnswerKeepsTheVersionAndTheDigestItCameFrom() {
        String base = capsule("provenance-reponses", "Réponds en deux phrases au plus.");
        modelServerChecked();
        String firstDigest = OLLAMA.digestOf(MODEL);

        // Never published: the working copy answers.
        JsonNode working = ask(base, null).get("provenance");
        assertThat(working.get("capsuleVersion").isNull()).isTrue();
        assertThat(working.get("versionLabel").asString()).isEqualTo("version de travail");
        assertThat(working.get("model").asString()).isEqualTo(MODEL);
        assertThat(working.get("modelDigest").asString()).isEqualTo(firstDigest);

        int v1 = publish(base, "Note d'alerte régionale à diffuser ce jour");
        JsonNode first = ask(base, null);
        String conversation = first.get("conversationId").asString();
        assertThat(first.get("provenance").get("capsuleVersion").asInt()).isEqualTo(v1);
        assertThat(first.get("provenance").get("versionLabel").asString()).isEqualTo("version " + v1);
        assertThat(first.get("provenance").get("modelDigest").asString()).isEqualTo(firstDigest);
        assertThat(first.get("provenance").get("modelLabel").asString())
                .isEqualTo(MODEL + " (empreinte " + firstDigest.substring(0, 12) + ")");

        // New weights pulled under the same name, between two answers of the same conversation.
        OLLAMA.withDigest(MODEL, NEW_WEIGHTS);
        modelServerChecked();
        JsonNode second = ask(base, conversation);
        assertThat(second.get("provenance").get("modelDigest").asString()).isEqualTo(NEW_WEIGHTS);

        // The stream's done event carries it too.
        OLLAMA.enqueue(ScriptedReply.text("Sans délai, sous vingt-quatre heures au plus tard [1]."));
        HttpResponse<InputStream> stream = SseEvents.open(port, "inspecteur", base + "/ask",
                "{\"question\": \"" + QUESTION + "\"}");
        JsonNode done = SseEvents.readAll(stream.body()).stream().filter(e -> e.name().equals("done")).findFirst()
                .orElseThrow().data();
        assertThat(done.get("provenance").get("capsuleVersion").asInt()).isEqualTo(v1);
        assertThat(done.get("provenance").get("modelDigest").asString()).isEqualTo(NEW_WEIGHTS);

        // Each stored turn keeps its own.
        JsonNode turns = as("inspecteur").get("/api/conversations/" + conversation).json().get("turns");
        assertThat(turns).hasSize(2);
        assertThat(turns.get(0).get("provenance").get("modelDigest").asString()).isEqualTo(firstDigest);
        assertThat(turns.get(1).get("provenance").get("modelDigest").asString()).isEqualTo(NEW_WEIGHTS);
        assertThat(turns.get(1).get("provenance").get("capsuleVersion").asInt()).isEqualTo(v1);

        // The chat page states each turn's provenance under its answer, in French.
        String page = as("inspecteur").get("/capsules/provenance-reponses?conversation=" + conversation).body();
        assertThat(page).contains("Capsule version " + v1 + " · modèle " + MODEL + " (empreinte " + firstDigest.substring(0, 12) + ")",
                "Capsule version " + v1 + " · modèle " + MODEL + " (empreinte " + NEW_WEIGHTS.substring(0, 12) + ")");

        // The audit trail records both.
        String audit = as("admin").get("/api/audit?capsule=provenance-reponses&action=ask").body();
        assertThat(audit).contains("\"publishedVersion\":" + v1, firstDigest, NEW_WEIGHTS);

        // No model wrote it: an abstention says "sans modèle", a model that cannot answer "modèle non joignable".
        JsonNode abstained = as("inspecteur").postJson(base + "/ask",
                Map.of("question", "Quelle est la recette de la tarte Tatin aux pommes caramélisées ?")).json();
        assertThat(abstained.get("mode").asString()).isEqualTo("abstained");
        assertThat(abstained.get("provenance").get("model").isNull()).isTrue();
        assertThat(abstained.get("provenance").get("modelDigest").isNull()).isTrue();
        assertThat(abstained.get("provenance").get("modelLabel").asString()).isEqualTo("sans modèle");
        OLLAMA.withoutModel(MODEL);
        try {
            modelServerChecked();
            JsonNode extractive = as("inspecteur").postJson(base + "/ask", Map.of("question", QUESTION)).json();
            assertThat(extractive.get("mode").asString()).isEqualTo("extractive");
            assertThat(extractive.get("provenance").get("modelAbsence").asString()).isEqualTo("unreachable");
            assertThat(extractive.get("provenance").get("modelLabel").asString()).isEqualTo("modèle non joignable");
            assertThat(extractive.get("provenance").get("capsuleVersion").asInt()).isEqualTo(v1);
        } finally {
            OLLAMA.withModels(MODEL);
            modelServerChecked();
        }
    }

    @Test
    void anOldDraftKeepsVersionOneAndItsDigestAfterRepublicationAndItsExportsShowThem() throws Exception {
        String id = "provenance-brouillons";
        String base = capsule(id, "Réponds en deux phrases au plus.");
        modelServerChecked();
        String oldDigest = OLLAMA.digestOf(MODEL);
        int v1 = publish(base, "Première diffusion avant la saison estivale");

        ApiClient inspector = as("inspecteur");
        OLLAMA.enqueue(ScriptedReply.text("La déclaration est faite sans délai, au plus tard sous vingt-quatre heures [1]."));
        ApiClient.Response oldDraft = inspector.postJson(base + "/drafts", Map.of("question", QUESTION));
        assertThat(oldDraft.status()).as(oldDraft.body()).isEqualTo(201);
        String oldId = oldDraft.json().get("id").asString();
        assertThat(oldDraft.json().get("provenance").get("capsuleVersion").asInt()).isEqualTo(v1);
        assertThat(oldDraft.json().get("provenance").get("modelDigest").asString()).isEqualTo(oldDigest);

        // The capsule is changed and published again (v2); the model server gets new weights under the same name.
        ApiClient.Response updated = as("referent").putJson(base, Map.of(
                "id", id, "name", "Toxi-infections alimentaires",
                "purpose", "Répondre aux agents sur le signalement des toxi-infections alimentaires collectives.",
                "referent", "Dr Claire Martin", "kind", "chat",
                "scope", Map.of("generic", false, "services", List.of("inspection")),
                "instructions", "Réponds en deux phrases au plus.\nRappelle le délai de vingt-quatre heures."));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        int v2 = publish(base, "Consigne complétée après le retour d'expérience");
        assertThat(v2).isGreaterThan(v1);
        OLLAMA.withDigest(MODEL, NEW_WEIGHTS);
        modelServerChecked();

        OLLAMA.enqueue(ScriptedReply.text("Sans délai, sous vingt-quatre heures au plus tard [1]."));
        ApiClient.Response newDraft = inspector.postJson(base + "/drafts", Map.of("question", QUESTION));
        assertThat(newDraft.status()).as(newDraft.body()).isEqualTo(201);
        assertThat(newDraft.json().get("provenance").get("capsuleVersion").asInt()).isEqualTo(v2);
        assertThat(newDraft.json().get("provenance").get("modelDigest").asString()).isEqualTo(NEW_WEIGHTS);

        JsonNode old = inspector.get("/api/drafts/" + oldId).json().get("provenance");
        assertThat(old.get("capsuleVersion").asInt()).isEqualTo(v1);
        assertThat(old.get("modelDigest").asString()).isEqualTo(oldDigest);

        // The draft page says so in French.
        String draftPage = inspector.get("/drafts/" + oldId).body();
        assertThat(draftPage).contains("Version de la capsule", "version " + v1,
                MODEL + " (empreinte " + oldDigest.substring(0, 12) + ")");

        // Validated, the old draft exports with version 1 and the old digest, visibly and in the document properties.
        inspector.assign(oldId, "referent");
        ApiClient.Response validated = as("referent").validateAcknowledgingEveryWarning(oldId);
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        String shortOld = oldDigest.substring(0, 12);

        ApiClient.Download pdf = inspector.download("/api/drafts/" + oldId + "/export?format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Capsule « Toxi-infections alimentaires », version " + v1,
                    "Modèle : " + MODEL + " (empreinte " + shortOld + ")");
            assertThat(text).doesNotContain(NEW_WEIGHTS.substring(0, 12));
            assertThat(document.getDocumentInformation().getCustomMetadataValue("ai-model-digest")).isEqualTo(oldDigest);
            assertThat(document.getDocumentInformation().getCustomMetadataValue("capsule-version")).isEqualTo(String.valueOf(v1));
        }

        ApiClient.Download docx = inspector.download("/api/drafts/" + oldId + "/export?format=docx");
        assertThat(docx.status()).isEqualTo(200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.bytes()))) {
            assertThat(new XWPFWordExtractor(document).getText()).contains("version " + v1, "empreinte " + shortOld);
            var custom = document.getProperties().getCustomProperties();
            assertThat(custom.getProperty("ai-model-digest").getLpwstr()).isEqualTo(oldDigest);
            assertThat(custom.getProperty("capsule-version").getI4()).isEqualTo(v1);
            assertThat(custom.getProperty("capsule-version-label").getLpwstr()).isEqualTo("version " + v1);
        }

        // The export's audit entry names the version and the digest the file carries.
        String audit = as("admin").get("/api/audit?capsule=" + id + "&action=draft-exported").body();
        assertThat(audit).contains("\"publishedVersion\":" + v1, oldDigest);
    }
}
