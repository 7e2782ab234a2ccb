package fr.capsules.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.SseEvents;
import fr.capsules.app.llm.ChatCall;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Inspectors' draft tables over HTTP, with the fake model answering in structured JSON. */
class TableDraftingIntegrationTests extends ServiceIntegrationTest {

    private static final String FINDINGS = """
            Écarts
            E1. Absence de plan bleu actualisé et de fiche de procédure en cas de canicule.
            E2 - Contentions appliquées sans prescription médicale écrite ni réévaluation
            tracée dans le dossier du résident.
            Remarques
            R1 : Le conseil de la vie sociale ne s'est pas réuni depuis plus d'un an.
            """;
    private static final Pattern ARTICLE = Pattern.compile("article [LRD]\\.? ?\\d+(?:-\\d+)*");

    /** A model that fills the row from the first passage, copying a reference found there. */
    private static ScriptedReply faithfulRow(ChatCall call) {
        Matcher article = ARTICLE.matcher(call.lastUserMessage());
        String reference = article.find() ? article.group() : "";
        return ScriptedReply.text("{\"type\": \"écart\", \"reference\": \"" + reference + "\", \"mesure\": \"Mettre en place la"
                + " procédure et en justifier auprès de l'ARS.\", \"nature\": \"Prescription\", \"delai\": \"\", \"sources\": [1]}");
    }

    private JsonNode draft(String findings) {
        ApiClient.Response created = as("inspecteur").postJson("/api/capsules/mesures-inspection/drafts", Map.of("input", findings));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void eachFindingBecomesACitedRowFilledByTheModelThroughAJsonSchema() {
        OLLAMA.withDefaultResponder(TableDraftingIntegrationTests::faithfulRow);

        JsonNode draft = draft(FINDINGS);

        JsonNode rows = draft.get("content").get("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("cells").get("numero").asString()).isEqualTo("E1");
        assertThat(rows.get(1).get("cells").get("constat").asString()).contains("réévaluation tracée");
        assertThat(rows.get(2).get("cells").get("type").asString()).isEqualTo("remarque");
        // The capsule's rule: a remarque is answered by a recommandation, whatever the model said.
        assertThat(rows.get(2).get("cells").get("nature").asString()).isEqualTo("recommandation");
        assertThat(rows.get(2).get("cells").get("delai").asString()).isEqualTo("6 mois");
        assertThat(rows.get(2).get("cellWarnings").get("nature").get(0).asString()).contains("« prescription »").contains("remarque");
        for (JsonNode row : rows) {
            if (!row.get("cells").get("type").asString().equals("remarque")) {
                assertThat(row.get("cells").get("nature").asString()).isEqualTo("prescription");
                assertThat(row.get("cells").get("delai").asString()).isEqualTo("3 mois");
            }
            assertThat(row.get("cells").get("mesure").asString()).startsWith("Mettre en place");
            assertThat(row.get("citations")).isNotEmpty();
            assertThat(row.get("citations").get(0).get("title").asString()).isNotBlank();
        }
        assertThat(draft.get("model").asString()).startsWith("mistral-small3.2");
        ChatCall call = OLLAMA.chatCalls().getFirst();
        assertThat(call.format().get("properties").get("nature").get("enum"))
                .extracting(JsonNode::asString).containsExactly("injonction", "prescription", "recommandation");
        assertThat(call.format().get("required")).extracting(JsonNode::asString).contains("mesure", "sources");
        assertThat(call.systemPrompt()).contains("n'invente jamais d'article");
    }

    @Test
    void aReferenceThatNoCitedPassageContainsIsFlagged() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("{\"type\": \"écart\", \"reference\": \"article L.999-99 du CASF\","
                + " \"mesure\": \"Mettre en place un plan bleu.\", \"nature\": \"injonction\", \"delai\": \"1 mois\", \"sources\": [1]}"));

        JsonNode row = draft("1. Absence de plan bleu actualisé").get("content").get("rows").get(0);

        // Asked again with the failed check named, the model insists: the cell falls back on its own, flagged.
        assertThat(OLLAMA.chatCalls().get(1).lastUserMessage()).startsWith("Certaines cellules").contains("« reference »").contains("L999-99 ne figure dans aucun passage cité");
        assertThat(row.get("cells").get("reference").asString()).doesNotContain("999");
        assertThat(row.get("cellWarnings").get("reference").get(0).asString()).contains("L999-99").contains("à vérifier");
        assertThat(row.get("cells").get("mesure").asString()).isEqualTo("Mettre en place un plan bleu.");
        assertThat(row.get("cellWarnings").has("mesure")).isFalse();
    }

    @Test
    void aDeadlineWrittenInWordsIsADeadlineAndASentenceWithADurationIsNot() {
        OLLAMA.enqueue(ScriptedReply.text("{\"type\": \"écart\", \"reference\": \"\", \"mesure\": \"Mettre en place un plan bleu.\","
                + " \"nature\": \"injonction\", \"delai\": \"sous quinzaine\", \"sources\": [1]}"));
        JsonNode kept = draft("1. Absence de plan bleu actualisé").get("content").get("rows").get(0);

        assertThat(kept.get("cells").get("delai").asString()).isEqualTo("sous quinzaine");
        assertThat(kept.path("cellWarnings").has("delai")).isFalse();
        assertThat(OLLAMA.chatCalls()).hasSize(1);

        OLLAMA.reset();
        String sentence = "le plan est revu tous les 12 mois";
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("{\"type\": \"écart\", \"reference\": \"\", \"mesure\": \"Mettre en"
                + " place un plan bleu.\", \"nature\": \"injonction\", \"delai\": \"" + sentence + "\", \"sources\": [1]}"));
        JsonNode replaced = draft("1. Absence de plan bleu actualisé").get("content").get("rows").get(0);

        assertThat(OLLAMA.chatCalls().get(1).lastUserMessage()).contains("« delai »").contains("n'est pas un délai");
        assertThat(replaced.get("cells").get("delai").asString()).isNotEqualTo(sentence);
        assertThat(replaced.get("cellWarnings").get("delai").get(0).asString()).contains(sentence);
    }

    /** A model that answers badly: a made-up article, excerpts of its passages everywhere else, always "injonction". */
    private static ScriptedReply badRow(ChatCall call) {
        String prompt = call.lastUserMessage();
        int passage = prompt.indexOf("\n", prompt.indexOf("[1] «")) + 1;
        String excerpt = prompt.substring(passage, Math.min(prompt.length(), passage + 200)).replaceAll("\\s+", " ").strip();
        return ScriptedReply.text(JSON.writeValueAsString(Map.of("type", "écart", "reference", MADE_UP, "mesure", excerpt,
                "nature", "injonction", "delai", excerpt, "sources", List.of(1))));
    }

    private static final String MADE_UP = "article L.999-12 du CASF";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Test
    void aModelThatAnswersBadlyGetsNoBadCellIntoTheDraftUnflagged() {
        OLLAMA.withDefaultResponder(TableDraftingIntegrationTests::badRow);

        JsonNode draft = draft(FINDINGS);

        int bad = 0;
        int unflagged = 0;
        for (JsonNode row : draft.get("content").get("rows")) {
            JsonNode cells = row.get("cells");
            boolean remarque = cells.get("type").asString().equals("remarque");
            for (String column : List.of("reference", "mesure", "nature", "delai")) {
                String value = cells.get(column).asString();
                boolean isBad = value.equals(MADE_UP) || value.length() > 100 || (remarque && value.equals("injonction"));
                boolean flagged = row.path("cellWarnings").has(column);
                bad += isBad ? 1 : 0;
                unflagged += isBad && !flagged ? 1 : 0;
                // Every cell the model filled badly was replaced or flagged where it is.
                if (!column.equals("nature") || remarque) {
                    assertThat(flagged).as(column + " of " + cells).isTrue();
                }
            }
            assertThat(cells.get("nature").asString()).isNotEqualTo(remarque ? "injonction" : "");
            assertThat(cells.get("reference").asString()).isNotEqualTo(MADE_UP);
        }
        assertThat(unflagged).as("bad cells unflagged (of " + bad + " left)").isZero();
        ChatCall retry = OLLAMA.chatCalls().stream().filter(c -> c.lastUserMessage().startsWith("Certaines cellules")).findFirst()
                .orElseThrow();
        assertThat(retry.lastUserMessage()).contains("« delai »").contains("n'est pas un délai").contains("« mesure »")
                .contains("verbe à l'infinitif");
    }

    @Test
    void anInvalidAnswerIsRetriedOnceWithTheProblems() {
        OLLAMA.enqueue(ScriptedReply.text("{\"type\": \"écart\", \"reference\": \"\", \"mesure\": \"Réunir le CVS.\","
                + " \"nature\": \"sanction\", \"delai\": \"\", \"sources\": [1]}"));
        OLLAMA.enqueue(ScriptedReply.text("{\"type\": \"remarque\", \"reference\": \"\", \"mesure\": \"Réunir le CVS.\","
                + " \"nature\": \"recommandation\", \"delai\": \"\", \"sources\": [1]}"));

        JsonNode row = draft("1. Le conseil de la vie sociale ne s'est pas réuni depuis plus d'un an.").get("content").get("rows").get(0);

        assertThat(row.get("cells").get("nature").asString()).isEqualTo("recommandation");
        assertThat(row.get("cells").get("delai").asString()).isEqualTo("6 mois");
        assertThat(row.get("warnings")).anySatisfy(w -> assertThat(w.asString()).contains("corrigée"));
        List<ChatCall> calls = OLLAMA.chatCalls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).lastUserMessage()).contains("sanction").contains("n'est pas une valeur permise");
    }

    @Test
    void withoutAWorkingModelEveryRowIsFilledFromTheMostSimilarHistoricalRowAndSaysSo() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.httpError(500, "model runner crashed"));

        JsonNode draft = draft(FINDINGS);

        assertThat(draft.get("warnings")).anySatisfy(w -> assertThat(w.get("kind").asString()).isEqualTo("rows-by-similarity"));
        for (JsonNode row : draft.get("content").get("rows")) {
            assertThat(row.get("cells").get("mesure").asString()).as(row.toString()).isNotBlank();
            assertThat(List.of("injonction", "prescription", "recommandation")).contains(row.get("cells").get("nature").asString());
            // The closest past row, and the past findings its deadline and reference come from.
            assertThat(row.get("citations").size()).isBetween(1, 3);
            assertThat(row.get("warnings")).anySatisfy(w -> assertThat(w.asString()).contains("similarité"));
        }
    }

    @Test
    void withoutAModelTheFindingsOwnSeverityWordsAndReferenceWeighOnItsRow() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.httpError(500, "model runner crashed"));

        JsonNode rows = draft("""
                E1. Résidents exposés à un danger : la porte du jardin donnant sur la route reste ouverte la nuit.
                E2. Événement indésirable grave (fugue d'une résidente) non déclaré à l'ARS.
                E3. Contentions sans prescription médicale. Écart à : article L.311-4-1 du CASF.
                R1. Le livret d'accueil n'a pas été mis à jour.
                """).get("content").get("rows");

        // The capsule's severity rules (capsule.yaml, table.severity): "danger" is immediate, a serious event not
        // declared is 15 days; both are injonctions, which the capsule's rule allows for an écart.
        assertThat(rows.get(0).get("cells").get("nature").asString()).isEqualTo("injonction");
        assertThat(rows.get(0).get("cells").get("delai").asString()).isEqualTo("Immédiat");
        assertThat(rows.get(1).get("cells").get("nature").asString()).isEqualTo("injonction");
        assertThat(rows.get(1).get("cells").get("delai").asString()).isEqualTo("15 jours");
        // The reference the finding names is kept, backed by a passage that cites the article.
        assertThat(rows.get(2).get("cells").get("reference").asString()).isEqualTo("article L.311-4-1 du CASF");
        assertThat(rows.get(2).get("citations")).anySatisfy(c -> assertThat(c.toString()).containsPattern("L\\.? ?311-4-1"));
        assertThat(rows.get(2).path("cellWarnings").has("reference")).isFalse();
        // A remarque stays a recommandation whatever its words.
        assertThat(rows.get(3).get("cells").get("nature").asString()).isEqualTo("recommandation");
    }

    @Test
    void rowsAreDraftedConcurrentlyWithinTheBoundedPool() {
        OLLAMA.withDefaultResponder(call -> faithfulRow(call).withFirstTokenDelay(Duration.ofMillis(300)));
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            many.append(i).append(". Constat numéro ").append(i).append(" : contentions sans prescription médicale.\n");
        }

        assertThat(draft(many.toString()).get("content").get("rows")).hasSize(8);

        List<FakeOllamaServer.ChatTiming> timings = OLLAMA.chatTimings();
        int maxInFlight = 0;
        for (FakeOllamaServer.ChatTiming t : timings) {
            int inFlight = (int) timings.stream()
                    .filter(o -> o.arrivedNanos() <= t.arrivedNanos() && o.repliedNanos() >= t.arrivedNanos())
                    .count();
            maxInFlight = Math.max(maxInFlight, inFlight);
        }
        assertThat(maxInFlight).isBetween(2, 4);
    }

    @Test
    void rowsStreamAsTheyAreDraftedThenTheDraft() {
        OLLAMA.withDefaultResponder(TableDraftingIntegrationTests::faithfulRow);
        HttpResponse<InputStream> response = SseEvents.open(port, "inspecteur", "/api/capsules/mesures-inspection/drafts",
                "{\"input\": \"1. Absence de plan bleu\\n2. Contentions sans prescription\"}");
        List<SseEvents.Event> events = SseEvents.readAll(response.body());
        assertThat(events).extracting(SseEvents.Event::name).containsExactly("row", "row", "done");
        assertThat(events.getLast().data().get("content").get("rows")).hasSize(2);
        assertThat(as("inspecteur").get("/api/drafts/" + events.getLast().data().get("id").asString()).status()).isEqualTo(200);
    }

    @Test
    void findingsCanComeAsASpreadsheetExportedCsv() {
        OLLAMA.withDefaultResponder(TableDraftingIntegrationTests::faithfulRow);
        String csv = "N°;Constat;Type\nE1;Absence de plan bleu actualisé;Écart\nR1;Le CVS ne s'est pas réuni depuis un an;Remarque\n";

        ApiClient.Response created = as("inspecteur").upload("/api/capsules/mesures-inspection/drafts", "inputDocument",
                List.of(ApiClient.Part.of("constats.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode rows = created.json().get("content").get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get("cells").get("numero").asString()).isEqualTo("R1");
        assertThat(rows.get(1).get("cells").get("type").asString()).isEqualTo("remarque");
        assertThat(created.json().get("warnings")).anySatisfy(w -> assertThat(w.get("message").asString()).contains("2 constat(s) lu(s) : E1, R1"));
    }

    @Test
    void zeroFindingsOrTooManyAreRefusedWithAClearMessage() {
        ApiClient inspector = as("inspecteur");
        ApiClient.Response empty = inspector.postJson("/api/capsules/mesures-inspection/drafts", Map.of("input", "   \n  "));
        assertThat(empty.status()).isEqualTo(400);
        StringBuilder tooMany = new StringBuilder();
        for (int i = 1; i <= 201; i++) {
            tooMany.append(i).append(". Constat ").append(i).append('\n');
        }
        ApiClient.Response over = inspector.postJson("/api/capsules/mesures-inspection/drafts", Map.of("input", tooMany.toString()));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().get("detail").asString()).contains("201").contains("200");
        assertThat(empty.json().get("detail").asString()).startsWith("texte vide : aucun constat trouvé");
    }

    @Test
    void twoHundredFindingsStreamRowByRowAndAClientThatLeavesStopsTheDrafting() throws Exception {
        // 100 ms a row, 4 rows at a time: the 200 rows would take 5 s; the drafter must stop long before.
        OLLAMA.withDefaultResponder(call -> faithfulRow(call).withFirstTokenDelay(Duration.ofMillis(100)));
        StringBuilder findings = new StringBuilder("Constats de l'inspection du 14/10/2026 — EHPAD Les Tilleuls\n");
        for (int i = 1; i <= 200; i++) {
            findings.append("E").append(i).append(". Contentions appliquées sans prescription médicale, chambre ").append(i).append(".\n");
        }
        int draftsBefore = as("inspecteur").get("/api/drafts?capsule=mesures-inspection").json().size();
        HttpResponse<InputStream> response = SseEvents.open(port, "inspecteur", "/api/capsules/mesures-inspection/drafts",
                JSON.writeValueAsString(Map.of("input", findings.toString())));

        List<SseEvents.Event> first = SseEvents.read(response.body(), event -> event.name().equals("row"));
        response.body().close();
        assertThat(first.getLast().name()).isEqualTo("row");
        // Wait until the model stops being called: the drafter noticed at its next row that nobody listens.
        int calls = -1;
        while (calls != OLLAMA.chatCalls().size()) {
            calls = OLLAMA.chatCalls().size();
            Thread.sleep(500);
        }
        // Noticing that the client left takes a failed write on its closed connection: on a loaded machine, a second or
        // two of rows (126 calls were seen once at 40 ms a row); what matters is that the drafting stopped.
        assertThat(calls).as("model calls after the client left, of 200 rows").isLessThan(150);
        assertThat(as("inspecteur").get("/api/drafts?capsule=mesures-inspection").json().size()).isEqualTo(draftsBefore);
    }

    @Test
    void aTableDraftIsNamedAfterTheEstablishmentAndDateOfItsFindings() {
        OLLAMA.withDefaultResponder(TableDraftingIntegrationTests::faithfulRow);
        StringBuilder twelve = new StringBuilder("Constats de l'inspection du 14/10/2026 — EHPAD Les Tilleuls\n\n");
        for (int i = 1; i <= 12; i++) {
            twelve.append(i).append(". Le dossier du résident ").append(i).append(" ne comporte pas de projet personnalisé.\n");
        }

        JsonNode draft = draft(twelve.toString());

        assertThat(draft.get("content").get("rows")).hasSize(12);
        assertThat(draft.get("question").asString()).isEqualTo("EHPAD Les Tilleuls — inspection du 14/10/2026");
        assertThat(draft.get("warnings")).anySatisfy(w -> assertThat(w.get("message").asString()).startsWith("12 constat(s) lu(s)")
                .contains("Lu comme contexte, non repris comme constat : « Constats de l'inspection du 14/10/2026"));
    }

    @Test
    void aDraftedTableGoesToAValidatedXlsxWithItsRows() throws Exception {
        OLLAMA.withDefaultResponder(TableDraftingIntegrationTests::faithfulRow);
        JsonNode draft = draft(FINDINGS);
        String id = draft.get("id").asString();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : draft.get("content").get("rows")) {
            Map<String, Object> cells = new java.util.LinkedHashMap<>();
            row.get("cells").properties().forEach(e -> cells.put(e.getKey(), e.getValue().asString()));
            rows.add(Map.of("cells", cells));
        }
        rows.set(0, Map.of("cells", Map.of("numero", "E1", "constat", "Absence de plan bleu actualisé", "type", "écart",
                "reference", "", "mesure", "Actualiser le plan bleu avant l'été.", "nature", "injonction", "delai", "1 mois")));
        as("inspecteur").putJson("/api/drafts/" + id + "/content", Map.of("rows", rows));
        as("inspecteur").assign(id, "controleur");
        assertThat(as("controleur").validateAcknowledgingEveryWarning(id).status()).isEqualTo(200);

        ApiClient.Download xlsx = as("inspecteur").download("/api/drafts/" + id + "/export?format=xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            List<String> cells = new ArrayList<>();
            workbook.getSheetAt(0).forEach(r -> r.forEach(c -> cells.add(c.toString())));
            assertThat(cells).contains("Actualiser le plan bleu avant l'été.", "injonction", "R1");
        }
    }

}
