package fr.capsules.app.export;

import static fr.capsules.app.export.ExportSamples.EXPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;

class DocxExportTests {

    @Test
    void theLabelCapsuleAndModelOpenTheDocument() throws IOException {
        try (XWPFDocument docx = open(ExportSamples.answer())) {
            List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();

            assertThat(paragraphs.subList(0, 4)).containsExactly(
                    ExportSamples.LABEL,
                    "Capsule « Réclamations », version 2",
                    "Modèle : mistral-small3.2",
                    "Délais de réponse aux réclamations");
            assertThat(docx.getParagraphs().getFirst().getRuns().getFirst().isBold()).isTrue();
            assertThat(docx.getHeaderList().getFirst().getText()).contains(ExportSamples.LABEL);
        }
    }

    @Test
    void aTextAnswerIsParagraphsThenSources() throws IOException {
        try (XWPFDocument docx = open(ExportSamples.answer())) {
            List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();

            assertThat(paragraphs.get(4)).startsWith("L'accusé de réception").contains("[1]");
            assertThat(paragraphs.get(5)).startsWith("La réponse au fond").endsWith("[1][2].");
            assertThat(paragraphs.subList(6, 9)).containsExactly(
                    "Sources",
                    "[1] Procédure de traitement des réclamations, p. 3 (procedure-reclamations.pdf)",
                    "[2] Guide de l'usager — délais (guide-delais.docx)");
        }
    }

    @Test
    void aMeasureTableIsARealTableWithARepeatedHeaderRow() throws IOException {
        try (XWPFDocument docx = open(ExportSamples.measureTable())) {
            XWPFTable table = docx.getTables().getFirst();

            assertThat(table.getRows()).hasSize(6);
            assertThat(table.getRow(0).getTableCells()).extracting(XWPFTableCell::getText)
                    .containsExactly("N°", "Constat", "Type", "Référence", "Mesure", "Nature", "Délai");
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getRow(0).getCell(0).getParagraphs().getFirst().getRuns().getFirst().isBold()).isTrue();
            assertThat(table.getRow(3).getCell(1).getText()).contains("=SUM(A1)");
            assertThat(table.getRow(3).getCell(3).getText()).isEqualTo("Recommandation HAS | bientraitance");
            assertThat(table.getRow(5).getCell(3).getText()).isEqualTo("Recommandation ANESM « Qualité de vie en EHPAD »");
        }
    }

    @Test
    void eachRowNamesItsSourcesInALastColumn() throws IOException {
        try (XWPFDocument docx = open(ExportSamples.reviewedMeasureTable())) {
            XWPFTable table = docx.getTables().getFirst();

            assertThat(table.getRow(0).getTableCells()).extracting(XWPFTableCell::getText).last().isEqualTo("Sources");
            assertThat(table.getRow(1).getCell(7).getText())
                    .contains("[1] Rapport d'inspection EHPAD Les Cèdres 2024, p. 12")
                    .contains("[2] Guide HAS — bientraitance");
            assertThat(table.getRow(2).getCell(7).getText()).isEmpty();
        }
    }

    @Test
    void anAnnexTableListsTheAcknowledgedWarningsWithWhoAndWhen() throws IOException {
        try (XWPFDocument docx = open(ExportSamples.reviewedMeasureTable())) {
            List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            XWPFTable annex = docx.getTables().get(1);

            assertThat(paragraphs).contains("Annexe — avertissements acquittés à la validation");
            assertThat(annex.getRow(0).isRepeatHeader()).isTrue();
            assertThat(annex.getRow(0).getTableCells()).extracting(XWPFTableCell::getText)
                    .containsExactly("Emplacement", "Avertissement", "Acquitté par", "Le");
            assertThat(annex.getRow(2).getTableCells()).extracting(XWPFTableCell::getText).containsExactly(
                    "Ligne 2, Référence", "référence non trouvée dans les sources citées — à vérifier avant validation",
                    "Inès Inspectrice", "22/11/2026 à 14:02");
        }
    }

    @Test
    void withoutAcknowledgedWarningsThereIsNoAnnex() throws IOException {
        try (XWPFDocument docx = open(ExportSamples.measureTable())) {
            assertThat(docx.getTables()).hasSize(1);
            assertThat(docx.getParagraphs()).extracting(XWPFParagraph::getText).noneMatch(text -> text.startsWith("Annexe"));
        }
    }

    @Test
    void coreAndCustomPropertiesCarryTheProvenance() throws IOException {
        try (XWPFDocument docx = open(ExportSamples.measureTable())) {
            POIXMLProperties properties = docx.getProperties();
            POIXMLProperties.CustomProperties custom = properties.getCustomProperties();

            assertThat(properties.getCoreProperties().getTitle()).isEqualTo("Tableau de mesures — EHPAD Les Tilleuls");
            assertThat(properties.getCoreProperties().getCreator()).isEqualTo("Capsules (IA) — validé par Jeanne Dupont");
            assertThat(properties.getCoreProperties().getDescription()).contains(ExportSamples.LABEL);
            assertThat(custom.getProperty("ai-generated").getBool()).isTrue();
            assertThat(custom.getProperty("ai-validated-by").getLpwstr()).isEqualTo("Jeanne Dupont");
            assertThat(custom.getProperty("ai-validated-at").getLpwstr()).isEqualTo("2026-11-22T13:05:00Z");
            assertThat(custom.getProperty("ai-mode").getLpwstr()).isEqualTo("extractive");
            assertThat(custom.contains("ai-model")).isFalse();
            assertThat(custom.getProperty("capsule").getLpwstr()).isEqualTo("mesures-inspection");
            assertThat(custom.getProperty("capsule-version").getI4()).isEqualTo(3);
            assertThat(custom.getProperty("draft-id").getLpwstr()).isEqualTo("3f1c2f8e-0b7a-4d55-9e21-7c4b6a1d2e30");
            assertThat(custom.getProperty("ai-label").getLpwstr()).isEqualTo(ExportSamples.LABEL);
        }
    }

    @Test
    void controlCharactersInUserTextDoNotCorruptTheFile() throws IOException {
        ExportDocument dirty = ExporterTests.withBody(ExportSamples.answer(), "Constat\u0001 relevé\u000B le 3 mars.");

        try (XWPFDocument docx = open(dirty)) {
            assertThat(docx.getParagraphs().get(4).getText()).isEqualTo("Constat relevé le 3 mars.");
        }
    }

    private static XWPFDocument open(ExportDocument document) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(EXPORTER.export(document, ExportFormat.DOCX).bytes()));
    }
}
