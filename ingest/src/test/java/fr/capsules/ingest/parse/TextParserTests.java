package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextParserTests {

    private final TextParser parser = new TextParser();
    private final ParseContext context = new ParseContext(ParseLimits.defaults());

    @Test
    void splitsParagraphsOnBlankLinesAndKeepsLineBreaksInside() {
        byte[] text = "Compte rendu de visite\r\n\r\nL'équipe a constaté\r\nun défaut d'affichage.\r\n  \r\n\r\nFin."
                .getBytes(StandardCharsets.UTF_8);

        ParsedDocument parsed = parser.parse(text, context);

        assertThat(PdfFixtures.texts(parsed)).containsExactly(
                "P@0 Compte rendu de visite", "P@0 L'équipe a constaté\nun défaut d'affichage.", "P@0 Fin.");
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void decodesAWindows1252NoteFromNotepad() {
        byte[] text = "Écarts relevés : œdème non tracé, coût 15 €.".getBytes(Charset.forName("windows-1252"));

        ParsedDocument parsed = parser.parse(text, context);

        assertThat(((Paragraph) parsed.blocks().getFirst()).text()).isEqualTo("Écarts relevés : œdème non tracé, coût 15 €.");
        assertThat(parsed.warnings()).singleElement().asString().startsWith("encodage deviné : windows-1252");
    }

    @Test
    void decodesUtf16WithAByteOrderMark() {
        byte[] text = "\uFEFFNote d'équipe".getBytes(StandardCharsets.UTF_16LE);

        assertThat(((Paragraph) parser.parse(text, context).blocks().getFirst()).text()).isEqualTo("Note d'équipe");
    }
}
