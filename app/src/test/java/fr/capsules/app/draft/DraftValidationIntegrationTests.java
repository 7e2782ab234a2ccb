package fr.capsules.app.draft;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.llm.ScriptedReply;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validation faces the warnings: every open warning of a draft (the draft's, each row's, each cell's) must be
 * acknowledged by id in {@code POST /api/drafts/{id}/validate}, or the validation is refused with a 409 naming the
 * ones left; what was acknowledged, by whom and when, and the hash of the validated content go to the audit trail and
 * to the exports.
 */
class DraftValidationIntegrationTests extends ServiceIntegrationTest {

    private static final String FINDINGS = """
            E1 - Le plan bleu n'est pas actualisé depuis 2023.
            R1 - Le conseil de la vie sociale ne s'est pas réuni en 2025.
            """;

    /** A model that cites an article no passage holds: the drafter flags the reference. */
    private static ScriptedReply madeUpReference(Object call) {
        return ScriptedReply.text("{\"type\": \"écart\", \"reference\": \"Art. L. 999-99 du CASF\", \"mesure\": \"Mettre en"
                + " place la procédure et en justifier auprès de l'ARS.\", \"nature\": \"prescription\", \"delai\": \"3 mois\","
                + " \"sources\": [1]}");
    }

    private JsonNode tableDraft() {
        OLLAMA.withDefaultResponder(DraftValidationIntegrationTests::madeUpReference);
        ApiClient.Response created = as("inspecteur").postJson("/api/capsules/mesures-inspection/drafts", Map.of("input", FINDINGS));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // Four eyes by default on a table capsule: the inspector's colleague validates.
        assertThat(as("inspecteur").assign(created.json().get("id").asString(), "controleur").status()).isEqualTo(200);
        return created.json();
    }

    private static List<String> ids(JsonNode warnings) {
        List<String> ids = new ArrayList<>();
        warnings.forEach(w -> ids.add(w.get("id").asString()));
        return ids;
    }

    private ApiClient.Response validate(String id, List<String> acknowledged) {
        return as("controleur").postJson("/api/drafts/" + id + "/validate", Map.of("acknowledgedWarnings", acknowledged));
    }

    @Test
    void aDraftListsItsOpenWarningsWithAnIdAndAPlaceEach() {
        JsonNode draft = tableDraft();
        JsonNode open = draft.get("openWarnings");

        assertThat(open).isNotEmpty();
        assertThat(open).anySatisfy(w -> assertThat(w.get("scope").asString()).isEqualTo("draft"));
        assertThat(open).anySatisfy(w -> assertThat(w.get("scope").asString()).isIn("row", "cell"));
        for (JsonNode warning : open) {
            assertThat(warning.get("id").asString()).matches("w-[0-9a-f]{16}");
            assertThat(warning.get("message").asString()).isNotBlank();
            assertThat(warning.get("location").asString()).matches("Brouillon|Ligne \\d+(, .+)?");
        }
        assertThat(ids(open)).doesNotHaveDuplicates();
        assertThat(ids(as("inspecteur").get("/api/drafts/" + draft.get("id").asString()).json().get("openWarnings")))
                .as("ids are stable from one reading to the next").isEqualTo(ids(open));
    }

    @Test
    void aValidationWithoutAcknowledgementsIsRefusedNamingEveryOpenWarning() {
        JsonNode draft = tableDraft();
        String id = draft.get("id").asString();

        ApiClient.Response refused = as("controleur").postJson("/api/drafts/" + id + "/validate", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        String detail = refused.json().get("detail").asString();
        assertThat(detail).startsWith("validation impossible : ").contains("n'ont pas été acquittés")
                .contains("acknowledgedWarnings");
        for (JsonNode warning : draft.get("openWarnings")) {
            assertThat(detail).contains(warning.get("id").asString()).contains(warning.get("message").asString())
                    .contains(warning.get("location").asString());
        }
        assertThat(as("inspecteur").get("/api/drafts/" + id).json().get("status").asString()).isEqualTo("generated");
    }

    @Test
    void oneWarningLeftUnacknowledgedIsNamedAloneAndBlocksTheValidation() {
        JsonNode draft = tableDraft();
        String id = draft.get("id").asString();
        List<String> all = ids(draft.get("openWarnings"));
        JsonNode left = draft.get("openWarnings").get(all.size() - 1);

        ApiClient.Response refused = validate(id, all.subList(0, all.size() - 1));

        assertThat(refused.status()).isEqualTo(409);
        String detail = refused.json().get("detail").asString();
        assertThat(detail).contains("un avertissement n'a pas été acquitté").contains(left.get("id").asString())
                .contains(left.get("message").asString());
        all.subList(0, all.size() - 1).forEach(acknowledged -> assertThat(detail).doesNotContain(acknowledged));
        assertThat(as("inspecteur").get("/api/drafts/" + id).json().get("openWarnings")).hasSize(all.size());
    }

    @Test
    void acknowledgingEveryWarningValidatesAndTheAuditTrailRecordsThemWithTheContentHash() throws Exception {
        JsonNode draft = tableDraft();
        String id = draft.get("id").asString();
        List<String> all = ids(draft.get("openWarnings"));

        ApiClient.Response validated = validate(id, all);

        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        JsonNode body = validated.json();
        assertThat(body.get("status").asString()).isEqualTo("validated");
        assertThat(body.get("openWarnings")).isEmpty();
        assertThat(ids(acknowledgedWarnings(body))).isEqualTo(all);
        assertThat(body.get("acknowledgedWarnings")).allSatisfy(a -> {
            assertThat(a.get("acknowledgedBy").asString()).isEqualTo("controleur");
            assertThat(a.get("acknowledgedByName").asString()).isEqualTo("Claude Contrôleur");
            assertThat(a.get("acknowledgedAt").asString()).isEqualTo(body.get("validatedAt").asString());
        });
        String hash = sha256(canonical(body.get("content")));
        assertThat(body.get("contentSha256").asString()).isEqualTo(hash);

        JsonNode entry = validationEntry(id);
        assertThat(entry.get("actor").asString()).isEqualTo("controleur");
        assertThat(entry.get("details").get("contentSha256").asString()).isEqualTo(hash);
        assertThat(ids(entry.get("details").get("acknowledgedWarnings"))).isEqualTo(all);
        assertThat(entry.get("details").get("acknowledgedWarnings")).allSatisfy(w -> {
            assertThat(w.get("message").asString()).isNotBlank();
            assertThat(w.get("scope").asString()).isIn("draft", "row", "cell");
        });
    }

    @Test
    void anEditCannotMakeTheAisWarningsDisappearButAddedCellWarningsMustBeFacedToo() {
        JsonNode draft = tableDraft();
        String id = draft.get("id").asString();
        List<String> before = ids(draft.get("openWarnings"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : draft.get("content").get("rows")) {
            Map<String, Object> cells = new LinkedHashMap<>();
            row.get("cells").properties().forEach(e -> cells.put(e.getKey(), e.getValue().asString()));
            rows.add(new LinkedHashMap<>(Map.of("cells", cells)));
        }
        rows.getFirst().put("cellWarnings", Map.of("delai", List.of("délai à confirmer avec l'établissement")));

        ApiClient.Response edited = as("inspecteur").putJson("/api/drafts/" + id + "/content", Map.of("rows", rows));

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode open = edited.json().get("openWarnings");
        assertThat(ids(open)).containsAll(before).hasSize(before.size() + 1);
        assertThat(open).anySatisfy(w -> {
            assertThat(w.get("scope").asString()).isEqualTo("cell");
            assertThat(w.get("column").asString()).isEqualTo("delai");
            assertThat(w.get("location").asString()).isEqualTo("Ligne 1, Délai");
            assertThat(w.get("message").asString()).isEqualTo("délai à confirmer avec l'établissement");
        });
        assertThat(validate(id, before).status()).isEqualTo(409);
        assertThat(validate(id, ids(open)).status()).isEqualTo(200);
    }

    @Test
    void theExportsCarryEachRowsSourcesAndTheAnnexOfAcknowledgedWarnings() throws Exception {
        JsonNode draft = tableDraft();
        String id = draft.get("id").asString();
        assertThat(as("controleur").validateAcknowledgingEveryWarning(id).status()).isEqualTo(200);
        JsonNode firstCitation = draft.get("content").get("rows").get(0).get("citations").get(0);

        ApiClient.Download docx = as("inspecteur").download("/api/drafts/" + id + "/export?format=docx");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.bytes()))) {
            XWPFTable table = document.getTables().getFirst();
            assertThat(table.getRow(0).getTableCells()).extracting(XWPFTableCell::getText).last().isEqualTo("Sources");
            assertThat(table.getRow(1).getTableCells().getLast().getText()).startsWith("[1] ")
                    .contains(firstCitation.get("title").asString());
            XWPFTable annex = document.getTables().getLast();
            assertThat(annex.getRow(0).getTableCells()).extracting(XWPFTableCell::getText)
                    .containsExactly("Emplacement", "Avertissement", "Acquitté par", "Le");
            assertThat(annex.getRows()).hasSize(draft.get("openWarnings").size() + 1);
            assertThat(annex.getRow(1).getCell(2).getText()).isEqualTo("Claude Contrôleur");
        }
        String markdown = new String(as("inspecteur").download("/api/drafts/" + id + "/export?format=md").bytes(),
                StandardCharsets.UTF_8);
        assertThat(markdown).contains("## Annexe — avertissements acquittés à la validation")
                .contains(draft.get("openWarnings").get(0).get("location").asString());
    }

    private static JsonNode acknowledgedWarnings(JsonNode body) {
        List<JsonNode> warnings = new ArrayList<>();
        body.get("acknowledgedWarnings").forEach(a -> warnings.add(a.get("warning")));
        return JsonMapper.builder().build().valueToTree(warnings);
    }

    private JsonNode validationEntry(String draftId) {
        ApiClient.Response response = as("admin").get("/api/audit?action=draft-validated&user=controleur&limit=50");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode entry : response.json()) {
            if (draftId.equals(entry.get("details").get("draftId").asString())) {
                return entry;
            }
        }
        throw new AssertionError("no draft-validated entry for " + draftId);
    }

    /** The content's JSON with every object's keys sorted and no whitespace, computed here independently. */
    private static String canonical(JsonNode content) {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        return mapper.writeValueAsString(mapper.convertValue(content, Object.class));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
