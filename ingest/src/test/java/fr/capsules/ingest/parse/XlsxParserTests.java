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
