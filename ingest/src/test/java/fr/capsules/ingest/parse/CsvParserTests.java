package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvParserTests {

    private static final String FRENCH_EXPORT = """
            Établissement;Département;Nombre de réclamations;Coût moyen (€)
            EHPAD Les Tilleuls;Côte-d'Or;12;1 250,50
            "Résidence « Le Clos », unité Alzheimer";Nièvre;3;980,00

            Foyer d'accueil médicalisé;Yonne;7;2 100,75
            """.replace("\n", "\r\n");

    private final CsvParser parser = new CsvParser();
    private final ParseContext context = new ParseContext(ParseLimits.defaults());

    @TempDir
    Path dir;

    private byte[] written(String name, byte[] content) throws IOException {
        return Files.readAllBytes(Files.write(dir.resolve(name), content));
    }

    @Test
    void detectsTheSemicolonOfAFrenchExportEvenWithDecimalCommas() {
        assertThat(CsvDelimiters.detect(FRENCH_EXPORT)).isEqualTo(';');
    }

    @Test
    void readsAWindows1252SemicolonFileWithItsAccentsAndWarnsTheEncodingWasGuessed() throws IOException {
        byte[] csv = written("reclamations.csv", FRENCH_EXPORT.getBytes(Charset.forName("windows-1252")));

        assertThat(TextDecoding.decode(csv).charset().name()).isEqualTo("windows-1252");
        ParsedDocument parsed = parser.parse(csv, context);

        TableBlock table = (TableBlock) parsed.blocks().getFirst();
        assertThat(table.headers())
                .containsExactly("Établissement", "Département", "Nombre de réclamations", "Coût moyen (€)");
        assertThat(table.rows()).containsExactly(
                List.of("EHPAD Les Tilleuls", "Côte-d'Or", "12", "1 250,50"),
                List.of("Résidence « Le Clos », unité Alzheimer", "Nièvre", "3", "980,00"),
                List.of("Foyer d'accueil médicalisé", "Yonne", "7", "2 100,75"));
        assertThat(parsed.warnings())
                .containsExactly("encodage deviné : windows-1252 (fichier non UTF-8), vérifiez les accents");
    }

    @Test
    void readsAUtf8TabSeparatedFileWithAByteOrderMarkWithoutWarning() throws IOException {
        String tsv = "\uFEFFMesure\tNature\tÉchéance\nMettre à jour le plan bleu\tInjonction\t3 mois\n"
                + "Tracer les transmissions\tPrescription\t6 mois\n";
        byte[] csv = written("mesures.csv", tsv.getBytes(StandardCharsets.UTF_8));

        TextDecoding.Decoded decoded = TextDecoding.decode(csv);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.certain()).isTrue();
        assertThat(CsvDelimiters.detect(decoded.text())).isEqualTo('\t');
        ParsedDocument parsed = parser.parse(csv, context);

        TableBlock table = (TableBlock) parsed.blocks().getFirst();
        assertThat(table.headers()).containsExactly("Mesure", "Nature", "Échéance");
        assertThat(table.rows()).hasSize(2).allSatisfy(row -> assertThat(row).hasSize(3));
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void padsShortRowsToTheHeaderWidth() throws IOException {
        byte[] csv = "a,b,c\n1,2,3\n4,5\n6,7,8\n".getBytes(StandardCharsets.UTF_8);

        TableBlock table = (TableBlock) parser.parse(csv, context).blocks().getFirst();

        assertThat(table.rows()).containsExactly(List.of("1", "2", "3"), List.of("4", "5", ""), List.of("6", "7", "8"));
    }

    @Test
    void stopsAtTheMaximumRowsWithAWarning() throws IOException {
        byte[] csv = "n;carré\n1;1\n2;4\n3;9\n4;16\n".getBytes(StandardCharsets.UTF_8);
        ParseContext limited = new ParseContext(new ParseLimits(java.time.Duration.ofSeconds(5), 1 << 20, 1_000, 10, 2));

        ParsedDocument parsed = parser.parse(csv, limited);

        assertThat(((TableBlock) parsed.blocks().getFirst()).rows()).hasSize(2);
        assertThat(parsed.warnings()).containsExactly("fichier tronqué : seules les 2 premières lignes ont été lues");
    }
}
