package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParsersTests {

    private final Parsers parsers = new Parsers();
    private final ParseContext context = new ParseContext(ParseLimits.defaults());

    @TempDir
    Path dir;

    @Test
    void hasOneParserForEveryFormat() {
        for (DocumentFormat format : DocumentFormat.values()) {
            assertThat(parsers.forFormat(format).format()).isEqualTo(format);
        }
    }

    @Test
    void parsesAWordFileNamedPdfAsWord() throws IOException {
        byte[] docx = Files.readAllBytes(OfficeFixtures.inspectionReportDocx(dir));

        ParsedDocument parsed = parsers.parse("rapport.pdf", docx, context);

        assertThat(parsed.format()).isEqualTo(DocumentFormat.DOCX);
        assertThat(parsed.blocks().getFirst()).isEqualTo(new Heading(1, "Rapport d'inspection", 0));
    }

    @Test
    void parsesEachFormatEndToEnd() throws IOException {
        assertThat(parsers.parse("rapport.pdf", PdfFixtures.inspectionReport().bytes(dir, "r.pdf"), context).format())
                .isEqualTo(DocumentFormat.PDF);
        assertThat(parsers.parse("suivi.xlsx", Files.readAllBytes(OfficeFixtures.followUpXlsx(dir)), context).pageCount())
                .isEqualTo(3);
        assertThat(parsers.parse("guide.md", "# Titre\n\nTexte".getBytes(StandardCharsets.UTF_8), context).blocks())
                .containsExactly(new Heading(1, "Titre", 0), new Paragraph("Texte", 0));
        assertThat(parsers.parse("liste.csv", "a;b\n1;2".getBytes(StandardCharsets.UTF_8), context).blocks())
                .containsExactly(new TableBlock("", List.of("a", "b"), List.of(List.of("1", "2")), 0));
    }

    @Test
    void rejectsAnEmptyFileBeforeParsing() {
        assertThatThrownBy(() -> parsers.parse("vide.docx", new byte[0], context))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("fichier vide");
    }

    @Test
    void refusesARegistryWithAMissingFormat() {
        assertThatThrownBy(() -> new Parsers(new FormatDetector(), List.of(new PdfParser())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
