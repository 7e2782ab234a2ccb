package fr.capsules.app.export;

import static fr.capsules.app.export.ExportSamples.EXPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.export.ExportDocument.TableBody;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;

class PdfExportTests {

    @Test
    void theLabelCapsuleAndModelAreVisibleWithTheirAccents() throws IOException {
        try (PDDocument pdf = open(ExportSamples.answer())) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains(ExportSamples.LABEL, "Capsule « Réclamations », version 2", "Modèle : mistral-small3.2");
            assertThat(text).contains("L'accusé de réception", "[1][2]", "Sources",
                    "[2] Guide de l'usager — délais (guide-delais.docx)");
        }
    }

    @Test
    void aMeasureTableIsDrawnWithItsCellTextOnLandscapePages() throws IOException {
        try (PDDocument pdf = open(ExportSamples.measureTable())) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isGreaterThan(pdf.getPage(0).getMediaBox().getHeight());
            assertThat(text).contains("N°", "Référence", "Délai", "Injonction", "Écart", "=SUM(A1)", "bientraitance",
                    "Art. D. 312-160 du CASF", "Mode extractif");
        }
    }

    @Test
    void aLongTableBreaksPagesAndRepeatsItsHeaderRow() throws IOException {
        TableBody sample = (TableBody) ExportSamples.measureTable().body();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.addAll(sample.rows());
        }
        ExportDocument d = ExportSamples.measureTable();
        ExportDocument longTable = new ExportDocument(d.draftId(), d.title(), d.capsuleId(), d.capsuleName(),
                d.capsuleVersion(), d.model(), d.validatedBy(), d.validatedAt(), new TableBody(sample.columns(), rows),
                d.sources());

        try (PDDocument pdf = open(longTable)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                assertThat(text).as("page %d", page).contains(ExportSamples.LABEL, "page %d / ".formatted(page));
                if (page < pdf.getNumberOfPages()) {
                    assertThat(text).as("page %d", page).contains("Constat", "Référence");
                }
            }
        }
    }

    @Test
    void charactersTheFontLacksAreDroppedInsteadOfFailing() throws IOException {
        ExportDocument exotic = ExporterTests.withBody(ExportSamples.answer(), "Délai respecté \uD83D\uDE00\u0007\tœuvre 𝔘 fin");

        try (PDDocument pdf = open(exotic)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Délai respecté").contains("œuvre").contains("fin");
        }
    }

    @Test
    void documentInformationCarriesTheProvenance() throws IOException {
        try (PDDocument pdf = open(ExportSamples.measureTable())) {
            PDDocumentInformation information = pdf.getDocumentInformation();

            assertThat(information.getTitle()).isEqualTo("Tableau de mesures — EHPAD Les Tilleuls");
            assertThat(information.getAuthor()).isEqualTo("Capsules (IA) — validé par Jeanne Dupont");
            assertThat(information.getCreator()).isEqualTo("Capsules");
            assertThat(information.getSubject()).contains(ExportSamples.LABEL);
            assertThat(information.getCreationDate().toInstant()).hasToString("2026-11-23T08:30:00Z");
            assertThat(information.getCustomMetadataValue("ai-generated")).isEqualTo("true");
            assertThat(information.getCustomMetadataValue("ai-validated-by")).isEqualTo("Jeanne Dupont");
            assertThat(information.getCustomMetadataValue("ai-validated-at")).isEqualTo("2026-11-22T13:05:00Z");
            assertThat(information.getCustomMetadataValue("capsule")).isEqualTo("mesures-inspection");
            assertThat(information.getCustomMetadataValue("capsule-version")).isEqualTo("3");
            assertThat(information.getCustomMetadataValue("draft-id")).isEqualTo("3f1c2f8e-0b7a-4d55-9e21-7c4b6a1d2e30");
            assertThat(information.getCustomMetadataValue("ai-label")).isEqualTo(ExportSamples.LABEL);
        }
    }

    @Test
    void xmpMetadataDeclaresTrainedAlgorithmicMediaAndTheFacts() throws Exception {
        try (PDDocument pdf = open(ExportSamples.answer())) {
            byte[] packet = pdf.getDocumentCatalog().getMetadata().toByteArray();
            DomXmpParser parser = new DomXmpParser();
            parser.setStrictParsing(false); // our two namespaces are not among xmpbox's predefined schemas
            XMPMetadata xmp = parser.parse(packet);

            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo("Délais de réponse aux réclamations");
            assertThat(xmp.getDublinCoreSchema().getCreators()).containsExactly("Capsules (IA) — validé par Jeanne Dupont");
            assertThat(xmp.getDublinCoreSchema().getDescription()).contains(ExportSamples.LABEL);
            assertThat(xmp.getXMPBasicSchema().getCreatorTool()).isEqualTo("Capsules");
            assertThat(xmp.getAdobePDFSchema().getProducer()).isEqualTo("Capsules (Apache PDFBox)");
            XMPSchema iptc = xmp.getSchema(PdfMetadata.IPTC_EXT_NAMESPACE);
            assertThat(iptc.getUnqualifiedTextPropertyValue("DigitalSourceType"))
                    .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
            XMPSchema ai = xmp.getSchema(PdfMetadata.AI_NAMESPACE);
            assertThat(ai.getUnqualifiedTextPropertyValue("ai-generated")).isEqualTo("true");
            assertThat(ai.getUnqualifiedTextPropertyValue("ai-validated-by")).isEqualTo("Jeanne Dupont");
            assertThat(ai.getUnqualifiedTextPropertyValue("ai-model")).isEqualTo("mistral-small3.2");
            assertThat(ai.getUnqualifiedTextPropertyValue("ai-label")).isEqualTo(ExportSamples.LABEL);
        }
    }

    private static PDDocument open(ExportDocument document) throws IOException {
        return Loader.loadPDF(EXPORTER.export(document, ExportFormat.PDF).bytes());
    }
}
