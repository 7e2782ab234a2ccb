package fr.capsules.app.export;

import static fr.capsules.app.export.ExportSamples.EXPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxExportTests {

    /** Rows 0–2 provenance, 4 title, 6 the header row. */
    private static final int HEADER_ROW = 6;

    @Test
    void theFirstRowsShowTheLabelCapsuleAndModel() throws IOException {
        try (XSSFWorkbook workbook = open(ExportSamples.measureTable())) {
            XSSFSheet sheet = workbook.getSheetAt(0);

            assertThat(text(sheet, 0, 0)).isEqualTo(ExportSamples.LABEL);
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(text(sheet, 1, 0)).isEqualTo("Capsule « Mesures d'inspection », version 3");
            assertThat(text(sheet, 2, 0)).startsWith("Mode extractif");
            assertThat(text(sheet, 4, 0)).isEqualTo("Tableau de mesures — EHPAD Les Tilleuls");
            assertThat(sheet.getHeader().getCenter()).isEqualTo(ExportSamples.LABEL);
        }
    }

    @Test
    void aMeasureTableHasABoldHeaderRowAndOneRowPerMeasure() throws IOException {
        try (XSSFWorkbook workbook = open(ExportSamples.measureTable())) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(HEADER_ROW);

            assertThat(values(header)).containsExactly("N°", "Constat", "Type", "Référence", "Mesure", "Nature", "Délai");
            for (Cell cell : header) {
                assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
            }
            assertThat(values(sheet.getRow(HEADER_ROW + 2))).containsExactly(
                    "2", "Les prescriptions médicales ne sont pas systématiquement signées par le médecin.", "Écart",
                    "Art. R. 5132-3 du CSP", "Veiller à la signature de toutes les prescriptions.", "Injonction", "Immédiat");
            assertThat(sheet.getRow(HEADER_ROW + 1).getCell(1).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0));
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (HEADER_ROW + 1));
        }
    }

    @Test
    void aFormulaLookingCellStaysText() throws IOException {
        try (XSSFWorkbook workbook = open(ExportSamples.measureTable())) {
            Cell cell = workbook.getSheetAt(0).getRow(HEADER_ROW + 3).getCell(1);

            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).startsWith("=SUM(A1)");
        }
    }

    @Test
    void aTextAnswerIsOneParagraphPerRowThenTheSources() throws IOException {
        try (XSSFWorkbook workbook = open(ExportSamples.answer())) {
            XSSFSheet sheet = workbook.getSheetAt(0);

            assertThat(text(sheet, 6, 0)).startsWith("L'accusé de réception");
            assertThat(text(sheet, 7, 0)).startsWith("La réponse au fond");
            assertThat(text(sheet, 9, 0)).isEqualTo("Sources");
            assertThat(text(sheet, 10, 0)).isEqualTo("[1] Procédure de traitement des réclamations, p. 3 (procedure-reclamations.pdf)");
        }
    }

    @Test
    void eachRowNamesItsSourcesInALastColumn() throws IOException {
        try (XSSFWorkbook workbook = open(ExportSamples.reviewedMeasureTable())) {
            XSSFSheet sheet = workbook.getSheetAt(0);

            assertThat(values(sheet.getRow(HEADER_ROW))).last().isEqualTo("Sources");
            assertThat(text(sheet, HEADER_ROW + 1, 7)).isEqualTo(
                    "[1] Rapport d'inspection EHPAD Les Cèdres 2024, p. 12\n[2] Guide HAS — bientraitance");
        }
    }

    @Test
    void theAcknowledgedWarningsAreOnASheetOfTheirOwn() throws IOException {
        try (XSSFWorkbook workbook = open(ExportSamples.reviewedMeasureTable())) {
            XSSFSheet annex = workbook.getSheet("Avertissements");

            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(text(annex, 0, 0)).startsWith("Généré par IA — validé par Inès Inspectrice");
            assertThat(text(annex, 2, 0)).isEqualTo("Annexe — avertissements acquittés à la validation");
            assertThat(values(annex.getRow(4))).containsExactly("Emplacement", "Avertissement", "Acquitté par", "Le");
            assertThat(values(annex.getRow(5))).containsExactly(
                    "Brouillon", "2 constat(s) lu(s) : vérifiez le compte.", "Inès Inspectrice", "22/11/2026 à 14:02");
            assertThat(open(ExportSamples.measureTable()).getNumberOfSheets()).isEqualTo(1);
        }
    }

    @Test
    void customPropertiesCarryTheProvenance() throws IOException {
        try (XSSFWorkbook workbook = open(ExportSamples.answer())) {
            POIXMLProperties properties = workbook.getProperties();
            POIXMLProperties.CustomProperties custom = properties.getCustomProperties();

            assertThat(properties.getCoreProperties().getCreator()).isEqualTo("Capsules (IA) — validé par Jeanne Dupont");
            assertThat(custom.getProperty("ai-generated").getBool()).isTrue();
            assertThat(custom.getProperty("ai-model").getLpwstr()).isEqualTo("mistral-small3.2");
            assertThat(custom.getProperty("ai-validated-by").getLpwstr()).isEqualTo("Jeanne Dupont");
            assertThat(custom.getProperty("capsule-version").getI4()).isEqualTo(2);
            assertThat(custom.getProperty("ai-label").getLpwstr()).isEqualTo(ExportSamples.LABEL);
        }
    }

    private static String text(XSSFSheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }

    private static List<String> values(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(cell -> values.add(cell.getStringCellValue()));
        return values;
    }

    private static XSSFWorkbook open(ExportDocument document) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(EXPORTER.export(document, ExportFormat.XLSX).bytes()));
    }
}
