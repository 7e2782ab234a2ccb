package fr.capsules.app.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ApiClient.Part;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.ingest.ocr.OcrSettings;
import fr.capsules.ingest.ocr.Tesseract;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A scanned PDF uploaded through the API is read by OCR with the service's configuration. */
class ScannedUploadIntegrationTests extends ServiceIntegrationTest {

    /** An A4 page scanned at 200 dpi holding one line of text, with no text layer. */
    private static byte[] scannedPdf(String line) throws Exception {
        BufferedImage image = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font("Serif", Font.PLAIN, 33));
        g.drawString(line, 200, 300);
        g.dispose();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, image), 0, 0,
                        PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aScannedPdfUploadedThroughTheApiIsIndexedFromItsRecognisedText() throws Exception {
        assumeTrue(new Tesseract(OcrSettings.defaults()).unavailability().isEmpty(),
                "Tesseract with French data is not installed here; this test is skipped"
                        + " (apt install tesseract-ocr tesseract-ocr-fra)");
        String capsule = "essai-ocr-" + System.nanoTime() % 1_000_000;
        assertThat(as("referent").postJson("/api/capsules", Map.of(
                "id", capsule, "name", "Capsule numérisée", "purpose", "Vérifier l'OCR des dépôts.",
                "referent", "Romain Référent", "scope", Map.of("generic", false, "services", List.of("reclamations")),
                "kind", "chat")).status()).isEqualTo(201);

        ApiClient.Response response = as("referent").upload("/api/capsules/" + capsule + "/documents",
                List.of(Part.of("courrier-numerise.pdf",
                        scannedPdf("Le registre des réclamations est tenu depuis le 3 juin 2024."))));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json().get("results").get(0);
        assertThat(result.get("status").asString()).isEqualTo("indexed");
        assertThat(result.get("counts").get("pages lues par OCR").asInt()).isEqualTo(1);
        assertThat(result.get("warnings").toString()).contains("reconnaissance de caractères (OCR) : page 1");
    }
}
