package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
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

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\f\\u00A0]*\\n\\s*");
    private static final List<String> PIECES = List.of(
            "Compte", "rendu", "\n", "\n", "\n\n", "\n \n", "\n\t\u00A0\f\n", " ", "\t", "\u000B", "\r", "\u00A0",
            "\u2003", "\n\u2003\n", "é", "x", "");

    @Test
    void paragraphsAreWhatTheBlankLineExpressionSplits() {
        Random random = new Random(31);
        for (int n = 0; n < 30_000; n++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(16);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            assertThat(TextParser.paragraphs(text.toString())).as(text.toString())
                    .isEqualTo(List.of(BLANK_LINES.split(text.toString())));
        }
    }

    @Test
    void utf8IsStrictlyDecodedAsBefore() {
        Random random = new Random(32);
        byte[][] pieces = {
            "é".getBytes(StandardCharsets.UTF_8), "😀".getBytes(StandardCharsets.UTF_8), "\uFFFD".getBytes(StandardCharsets.UTF_8),
            {'a'}, {(byte) 0xC3}, {(byte) 0xA9}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {0}};
        for (int n = 0; n < 30_000; n++) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                bytes.writeBytes(pieces[random.nextInt(pieces.length)]);
            }
            byte[] b = bytes.toByteArray();
            assertThat(TextDecoding.strictUtf8(b)).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(strictly(b));
        }
    }

    private static String strictly(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
