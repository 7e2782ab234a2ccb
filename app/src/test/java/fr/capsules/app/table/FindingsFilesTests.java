package fr.capsules.app.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

class FindingsFilesTests {

    private static final String PLAN_BLEU = "Le plan bleu n'a pas été actualisé depuis 2019.";
    private static final String CONTENTION = "Les contentions sont posées sans prescription médicale.";
    private static final String ANIMATION = "Aucune animation n'est proposée le week-end.";
    private static final String REPAS = "Le délai entre le dîner et le petit-déjeuner dépasse douze heures.";

    private final FindingsParser parser = new FindingsParser(50);

    @Test
    void aSemicolonCsvGivesOneFindingPerRowWithItsNumberAndType() {
        String csv = """
                N°;Type;Constat;Référence
                1;Écart;"%s";Art. L. 311-8 CASF
                2;écart;"%s";Art. L. 311-3 CASF
                ;;;
                N°;Type;Constat;Référence
                3;Remarque;"%s";RBPP HAS
                """.formatted(PLAN_BLEU, CONTENTION, ANIMATION);

        List<Finding> findings = parser.fromFile("constats.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(findings).extracting(Finding::number, Finding::label, Finding::text, Finding::type).containsExactly(
                tuple(1, "1", PLAN_BLEU, FindingType.ECART),
                tuple(2, "2", CONTENTION, FindingType.ECART),
                tuple(3, "3", ANIMATION, FindingType.REMARQUE));
    }

    @Test
    void aCsvWithoutAFindingsHeaderUsesTheColumnWithTheLongestText() {
        String csv = """
                Réf;Texte;Service
                A;%s;Soins
                B;%s;Hôtellerie
                """.formatted(CONTENTION, REPAS);

        List<Finding> findings = parser.fromFile("export.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(findings).extracting(Finding::text).containsExactly(CONTENTION, REPAS);
    }

    @Test
    void aCsvWithoutHeaderRowLosesNoFinding() {
        String csv = PLAN_BLEU + "\n" + CONTENTION + "\n";

        List<Finding> findings = parser.fromFile("constats.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(findings).extracting(Finding::text).containsExactly(PLAN_BLEU, CONTENTION);
    }

    @Test
    void aCsvWithoutAnyColumnOfTextIsRefused() {
        String csv = "N°;Date\n1;12/03/2025\n2;13/03/2025\n";

        assertThatThrownBy(() -> parser.fromFile("dates.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidFindingsException.class)
                .hasMessageStartingWith("aucune colonne de constats trouvée");
    }

    @Test
    void anXlsxMergedTypeCellTypesEveryRowItCovers() throws IOException {
        byte[] workbook = workbook(book -> {
            Sheet cover = book.createSheet("Page de garde");
            cover.createRow(0).createCell(0).setCellValue("Inspection EHPAD Les Tilleuls");
            cover.createRow(1).createCell(0).setCellValue("Date : 12 mars 2025");
            Sheet sheet = book.createSheet("Constats");
            row(sheet, 0, "Numéro", "Nature du constat", "Libellé du constat");
            row(sheet, 1, "E1", "Écart", PLAN_BLEU);
            row(sheet, 2, "E2", "", CONTENTION);
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            row(sheet, 3, "R1", "Remarque", ANIMATION);
            row(sheet, 4, "", "", "");
        });

        List<Finding> findings = parser.fromFile("constats.xlsx", workbook);

        assertThat(findings).extracting(Finding::label, Finding::text, Finding::type).containsExactly(
                tuple("E1", PLAN_BLEU, FindingType.ECART),
                tuple("E2", CONTENTION, FindingType.ECART),
                tuple("R1", ANIMATION, FindingType.REMARQUE));
    }

    @Test
    void anXlsxHeaderOnTwoRowsWithMergedCellsNamesTheColumnsAndATitleAboveNamesTheDraft() throws IOException {
        byte[] workbook = workbook(book -> {
            Sheet sheet = book.createSheet("Feuil1");
            row(sheet, 0, "Inspection du 14/10/2026 — EHPAD Les Tilleuls", "", "");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
            row(sheet, 1, "N°", "Constat", "");
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 1, 2));
            row(sheet, 2, "", "Type", "Libellé");
            row(sheet, 3, "E1", "Écart", PLAN_BLEU);
            row(sheet, 4, "R1", "Remarque", ANIMATION);
        });

        FindingsParser.FindingsRead read = parser.readFile("constats.xlsx", workbook);

        assertThat(read.findings()).extracting(Finding::label, Finding::text, Finding::type).containsExactly(
                tuple("E1", PLAN_BLEU, FindingType.ECART),
                tuple("R1", ANIMATION, FindingType.REMARQUE));
        assertThat(read.context().title()).contains("EHPAD Les Tilleuls — inspection du 14/10/2026");
    }

    @Test
    void aDocxListWithNestedBulletsGivesOneFindingPerTopLevelItem() throws IOException {
        byte[] docx = document(doc -> {
            doc.createParagraph().createRun().setText("Constats — EHPAD Les Glycines, visite du 02/02/2026");
            item(doc, 0, "Les chambres suivantes ne disposent pas d'appel malade :");
            item(doc, 1, "chambre 12 ;");
            item(doc, 1, "chambre 14.");
            item(doc, 0, CONTENTION);
            item(doc, 1, "résidente de la chambre 3, depuis mars.");
            item(doc, 0, ANIMATION);
        });

        FindingsParser.FindingsRead read = parser.readFile("constats.docx", docx);

        assertThat(read.findings()).extracting(Finding::text).containsExactly(
                "Les chambres suivantes ne disposent pas d'appel malade : chambre 12 ; chambre 14.",
                CONTENTION + " résidente de la chambre 3, depuis mars.",
                ANIMATION);
        assertThat(read.context().title()).contains("EHPAD Les Glycines — inspection du 02/02/2026");
    }

    private static void item(XWPFDocument doc, int level, String text) {
        var paragraph = doc.createParagraph();
        paragraph.setNumID(java.math.BigInteger.ONE);
        paragraph.setNumILvl(java.math.BigInteger.valueOf(level));
        paragraph.createRun().setText(text);
    }

    @Test
    void anXlsxRowMergedAcrossTheTableSetsTheTypeOfTheRowsBelow() throws IOException {
        byte[] workbook = workbook(book -> {
            Sheet sheet = book.createSheet("Feuil1");
            row(sheet, 0, "N°", "Constat");
            row(sheet, 1, "ÉCARTS", "");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 1));
            row(sheet, 2, "1", PLAN_BLEU);
            row(sheet, 3, "REMARQUES", "");
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, 1));
            row(sheet, 4, "2", REPAS);
        });

        List<Finding> findings = parser.fromFile("constats.xlsx", workbook);

        assertThat(findings).extracting(Finding::label, Finding::type).containsExactly(
                tuple("1", FindingType.ECART), tuple("2", FindingType.REMARQUE));
    }

    @Test
    void aDocxListIsReadByTheTextRulesWithHeadingsSettingTheType() throws IOException {
        byte[] docx = document(doc -> {
            doc.createParagraph().createRun().setText("Rapport d'inspection – EHPAD Les Tilleuls");
            doc.getParagraphs().getFirst().setStyle("Title");
            heading(doc, "Écarts");
            doc.createParagraph().createRun().setText("E1 : " + PLAN_BLEU);
            doc.createParagraph().createRun().setText("E2 : Les contentions sont posées");
            doc.createParagraph().createRun().setText("sans prescription médicale.");
            heading(doc, "Remarques");
            doc.createParagraph().createRun().setText("R1 : " + ANIMATION);
        });

        List<Finding> findings = parser.fromFile("rapport.docx", docx);

        assertThat(findings).extracting(Finding::label, Finding::text, Finding::type).containsExactly(
                tuple("E1", PLAN_BLEU, FindingType.ECART),
                tuple("E2", CONTENTION, FindingType.ECART),
                tuple("R1", ANIMATION, FindingType.REMARQUE));
    }

    @Test
    void aDocxListWithoutTypedMarkersGivesOneFindingPerParagraph() throws IOException {
        byte[] docx = document(doc -> {
            heading(doc, "Écarts constatés");
            doc.createParagraph().createRun().setText(PLAN_BLEU);
            doc.createParagraph().createRun().setText(CONTENTION);
        });

        List<Finding> findings = parser.fromFile("constats.docx", docx);

        assertThat(findings).extracting(Finding::label, Finding::text, Finding::type).containsExactly(
                tuple("", PLAN_BLEU, FindingType.ECART), tuple("", CONTENTION, FindingType.ECART));
    }

    @Test
    void aDocxTableVerticallyMergedTypeCellAppliesToEachRow() throws IOException {
        byte[] docx = document(doc -> {
            doc.createParagraph().createRun().setText("Les constats ci-dessous ont été relevés le 12 mars 2025.");
            XWPFTable table = doc.createTable(5, 3);
            cells(table.getRow(0), "N°", "Type", "Constat");
            cells(table.getRow(1), "1", "Écart", PLAN_BLEU);
            table.getRow(1).getCell(1).getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
            cells(table.getRow(2), "2", "", CONTENTION);
            table.getRow(2).getCell(1).getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.CONTINUE);
            cells(table.getRow(3), "3", "Remarque", ANIMATION);
            table.getRow(3).getCell(1).getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
            cells(table.getRow(4), "4", "", REPAS);
            table.getRow(4).getCell(1).getCTTc().addNewTcPr().addNewVMerge(); // no value: continues too
        });

        List<Finding> findings = parser.fromFile("tableau.docx", docx);

        assertThat(findings).extracting(Finding::label, Finding::text, Finding::type).containsExactly(
                tuple("1", PLAN_BLEU, FindingType.ECART),
                tuple("2", CONTENTION, FindingType.ECART),
                tuple("3", ANIMATION, FindingType.REMARQUE),
                tuple("4", REPAS, FindingType.REMARQUE));
    }

    @Test
    void aTextFileIsReadByTheTextRules() {
        String text = "Écarts :\n1. " + PLAN_BLEU + "\n2. " + CONTENTION + "\n";

        List<Finding> findings = parser.fromFile("constats.txt", text.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(findings).extracting(Finding::text, Finding::type).containsExactly(
                tuple(PLAN_BLEU, FindingType.ECART), tuple(CONTENTION, FindingType.ECART));
    }

    @Test
    void aPdfIsRefusedWithTheSupportedFormats() throws IOException {
        byte[] pdf = pdf("E1 : " + PLAN_BLEU);

        assertThatThrownBy(() -> parser.fromFile("constats.pdf", pdf))
                .isInstanceOf(InvalidFindingsException.class)
                .hasMessage("format non pris en charge pour les constats : collez le texte ou déposez un fichier CSV,"
                        + " XLSX ou DOCX");
    }

    @Test
    void anImageIsRefusedAsUnsupported() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

        assertThatThrownBy(() -> parser.fromFile("constats.png", png))
                .isInstanceOf(InvalidFindingsException.class)
                .hasMessageStartingWith("format non pris en charge pour les constats");
    }

    @Test
    void aSpreadsheetOverTheLimitIsRefusedWithBothNumbers() {
        StringBuilder csv = new StringBuilder("Constat\n");
        for (int i = 1; i <= 51; i++) {
            csv.append("Le dossier du résident ").append(i).append(" ne comporte pas de projet personnalisé.\n");
        }

        assertThatThrownBy(() -> parser.fromFile("constats.csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidFindingsException.class)
                .hasMessageContaining("51 constats ; limite 50");
    }

    @Test
    void anEmptyFileHasNoFinding() {
        assertThatThrownBy(() -> parser.fromFile("constats.csv", new byte[0]))
                .isInstanceOf(InvalidFindingsException.class)
                .hasMessageContaining("aucun constat trouvé");
    }

    private interface Writer<T> {
        void write(T target) throws IOException;
    }

    private static byte[] workbook(Writer<XSSFWorkbook> content) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.write(book);
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            if (!values[c].isEmpty()) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    private static byte[] document(Writer<XWPFDocument> content) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.write(doc);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        var paragraph = doc.createParagraph();
        paragraph.setStyle("Heading1");
        paragraph.createRun().setText(text);
    }

    private static void cells(XWPFTableRow row, String... values) {
        for (int c = 0; c < values.length; c++) {
            row.getCell(c).setText(values[c]);
        }
    }

    private static byte[] pdf(String line) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                text.newLineAtOffset(50, 700);
                text.showText(line);
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
