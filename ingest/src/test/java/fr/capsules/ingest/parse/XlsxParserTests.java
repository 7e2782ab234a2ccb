package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxParserTests {

    private final XlsxParser parser = new XlsxParser();

    @TempDir
    Path dir;

    private byte[] workbook;

    @BeforeEach
    void writeWorkbook() throws IOException {
        workbook = Files.readAllBytes(OfficeFixtures.followUpXlsx(dir));
    }

    private ParsedDocument parse(ParseLimits limits) throws IOException {
        return parser.parse(workbook, new ParseContext(limits));
    }

    private static List<TableBlock> tables(ParsedDocument parsed) {
        return parsed.blocks().stream().filter(TableBlock.class::isInstance).map(TableBlock.class::cast).toList();
    }

    @Test
    void turnsTheMergedTitleRowIntoAHeadingAndUsesTheNextFilledRowAsHeader() throws IOException {
        ParsedDocument parsed = parse(ParseLimits.defaults());

        assertThat(parsed.blocks().subList(0, 2)).containsExactly(
                new Heading(1, "Suivi 2024", 0), new Heading(2, "Suivi des mesures d'inspection 2024", 0));
        assertThat(tables(parsed).getFirst().caption()).isEqualTo("Suivi 2024");
        assertThat(tables(parsed).getFirst().headers())
                .containsExactly("Établissement", "Date de visite", "Mesure", "Coût (€)");
    }

    @Test
    void contextLinesAboveTheTableAreNotTakenForItsHeader() throws IOException {
        Path file = dir.resolve("contexte.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("Mesures");
            sheet.createRow(0).createCell(0).setCellValue("Tableau des mesures — EHPAD Les Hortensias");
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 4));
            var context = sheet.createRow(1);
            context.createCell(0).setCellValue("Date de l'inspection");
            context.createCell(1).setCellValue("22/03/2022");
            var inspector = sheet.createRow(2);
            inspector.createCell(0).setCellValue("Inspecteurs");
            inspector.createCell(1).setCellValue("M. D. et C. L.");
            String[] header = {"N°", "Constat", "Référence", "Mesure", "Nature"};
            var headerRow = sheet.createRow(3);
            for (int i = 0; i < header.length; i++) {
                headerRow.createCell(i).setCellValue(header[i]);
            }
            String[] data = {"E1", "Plan bleu non actualisé", "article D.312-160 du CASF", "Actualiser le plan bleu", "prescription"};
            var dataRow = sheet.createRow(4);
            for (int i = 0; i < data.length; i++) {
                dataRow.createCell(i).setCellValue(data[i]);
            }
            try (var out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }

        ParsedDocument parsed = parser.parse(Files.readAllBytes(file), new ParseContext(ParseLimits.defaults()));

        TableBlock table = tables(parsed).getFirst();
        assertThat(table.headers()).containsExactly("N°", "Constat", "Référence", "Mesure", "Nature");
        assertThat(table.rows()).containsExactly(List.of("E1", "Plan bleu non actualisé", "article D.312-160 du CASF",
                "Actualiser le plan bleu", "prescription"));
        assertThat(parsed.blocks()).contains(new Paragraph("Date de l'inspection 22/03/2022", 0));
    }

    @Test
    void repeatsTheMergedEstablishmentCellAndWritesDatesTheFrenchWay() throws IOException {
        TableBlock table = tables(parse(ParseLimits.defaults())).getFirst();

        assertThat(table.rows()).containsExactly(
                List.of("EHPAD Les Tilleuls", "04/03/2024", "Mettre à jour le plan bleu", "1500,5"),
                List.of("EHPAD Les Tilleuls", "28/11/2024", "Tracer les transmissions de nuit", "320"),
                List.of("", "", "Total", "1820,5"));
    }

    @Test
    void skipsEmptySheetsButCountsEverySheetAsAPage() throws IOException {
        ParsedDocument parsed = parse(ParseLimits.defaults());

        assertThat(parsed.pageCount()).isEqualTo(3);
        assertThat(parsed.blocks()).filteredOn(b -> b instanceof Heading h && h.level() == 1)
                .extracting(b -> ((Heading) b).text()).containsExactly("Suivi 2024", "Notes");
        assertThat(tables(parsed).get(1).headers()).containsExactly("Remarques");
        assertThat(parsed.metadataTitle()).isEqualTo("Suivi des mesures 2024");
    }

    @Test
    void stopsAtTheMaximumRowsPerSheetWithAWarning() throws IOException {
        ParsedDocument parsed = parse(new ParseLimits(Duration.ofSeconds(10), 1 << 20, 1_000_000, 10, 1));

        assertThat(tables(parsed).getFirst().rows()).hasSize(1);
        assertThat(parsed.warnings()).contains("feuille « Suivi 2024 » tronquée : seules les 1 premières lignes ont été lues");
    }
}
