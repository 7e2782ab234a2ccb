package fr.capsules.app.draft;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.llm.ScriptedReply;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Ask → draft → edit → validate → export, each exported file opened again by its library. */
class DraftExportIntegrationTests extends ServiceIntegrationTest {

    private static final String LABEL = "Généré par IA — validé par Romain Référent le";

    private String validatedTextDraft() {
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        ApiClient handler = as("reclamations");
        String id = handler.postJson("/api/capsules/reclamations/drafts",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?")).json().get("id").asString();
        handler.putJson("/api/drafts/" + id + "/content",
                Map.of("text", "L'accusé de réception est adressé sous huit jours ouvrés, à compter de la réception [1]."));
        handler.assign(id, "referent");
        assertThat(as("referent").postJson("/api/drafts/" + id + "/validate", "").status()).isEqualTo(200);
        return id;
    }

    private ApiClient.Download export(String id, String format) {
        ApiClient.Download file = as("reclamations").download("/api/drafts/" + id + "/export?format=" + format);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains("." + format);
        return file;
    }

    @Test
    void exportIsRefusedUntilTheDraftIsValidated() {
        OLLAMA.enqueue(ScriptedReply.text("Réponse provisoire [1]."));
        String id = as("reclamations").postJson("/api/capsules/reclamations/drafts",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?")).json().get("id").asString();
        ApiClient.Response refused = as("reclamations").get("/api/drafts/" + id + "/export?format=pdf");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("seul un brouillon validé");
    }

    @Test
    void anUnknownFormatIsABadRequestAndAnOutsiderFindsNothing() {
        String id = validatedTextDraft();
        assertThat(as("reclamations").get("/api/drafts/" + id + "/export?format=odt").status()).isEqualTo(400);
        assertThat(as("inspecteur").get("/api/drafts/" + id + "/export?format=pdf").status()).isEqualTo(404);
    }

    @Test
    void aValidatedTextDraftExportsToEveryFormatWithTheLabelAndProvenance() throws Exception {
        String id = validatedTextDraft();

        ApiClient.Download docx = export(id, "docx");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.bytes()))) {
            assertThat(new XWPFWordExtractor(document).getText()).contains(LABEL).contains("huit jours ouvrés")
                    .contains("Capsule « Réclamations");
            var custom = document.getProperties().getCustomProperties();
            assertThat(custom.getProperty("ai-generated").getBool()).isTrue();
            assertThat(custom.getProperty("ai-validated-by").getLpwstr()).isEqualTo("Romain Référent");
            assertThat(custom.getProperty("draft-id").getLpwstr()).isEqualTo(id);
            assertThat(custom.getProperty("ai-model").getLpwstr()).startsWith("mistral-small3.2");
        }

        ApiClient.Download pdf = export(id, "pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains(LABEL).contains("huit jours ouvrés");
            assertThat(document.getDocumentInformation().getCustomMetadataValue("ai-generated")).isEqualTo("true");
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("trainedAlgorithmicMedia").contains("Romain Référent");
        }

        ApiClient.Download xlsx = export(id, "xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains(LABEL);
            assertThat(workbook.getProperties().getCustomProperties().getProperty("capsule").getLpwstr()).isEqualTo("reclamations");
        }

        String csv = new String(export(id, "csv").bytes(), StandardCharsets.UTF_8);
        assertThat(csv).contains("# ai-generated: true").contains("# ai-validated-by: Romain Référent").contains(LABEL);

        ApiClient.Download md = export(id, "md");
        String markdown = new String(md.bytes(), StandardCharsets.UTF_8);
        assertThat(markdown).startsWith("---\n").contains("ai-generated: true").contains(LABEL);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(md.bytes()));
        assertThat(md.headers().firstValue("X-Content-SHA256")).contains(sha);
    }

    @Test
    void aValidatedTableExportsAsRealSpreadsheetCells() throws Exception {
        ApiClient inspector = as("inspecteur");
        String id = inspector.postJson("/api/capsules/mesures-inspection/drafts",
                Map.of("input", "1. Absence de plan bleu actualisé\n2. Contentions sans prescription médicale")).json().get("id").asString();
        inspector.putJson("/api/drafts/" + id + "/content", Map.of("rows", List.of(
                Map.of("cells", Map.of("numero", "1", "constat", "Absence de plan bleu actualisé", "nature", "prescription", "delai", "3 mois")),
                Map.of("cells", Map.of("numero", "2", "constat", "Contentions sans prescription médicale", "nature", "injonction", "delai", "1 mois")))));
        inspector.assign(id, "controleur");
        assertThat(as("controleur").validateAcknowledgingEveryWarning(id).status()).isEqualTo(200);

        ApiClient.Download xlsx = inspector.download("/api/drafts/" + id + "/export?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            var sheet = workbook.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().equals("Contentions sans prescription médicale")) {
                        found = true;
                    }
                }
            }
            assertThat(found).isTrue();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("Généré par IA — validé par Claude Contrôleur");
        }
    }
}
