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

class HtmlParserTests {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="%s"><title>Procédure réclamations</title>
            <style>body { font-family: Marianne; }</style><script>var suivi = "ne pas indexer";</script></head>
            <body>
            <nav><ul><li>Accueil</li><li>Plan du site</li></ul></nav>
            <h1>Traitement des réclamations</h1>
            <p>Toute réclamation reçoit un accusé de réception<br>sous <b>8 jours</b>.</p>
            <h2>Délais</h2>
            <ul><li>Réponse : deux mois<ul><li>prorogeable une fois</li></ul></li><li>Relance : un mois</li></ul>
            <table>
              <caption>Délais par type</caption>
              <tr><th>Type</th><th>Service</th><th colspan="2">Délais</th></tr>
              <tr><td rowspan="2">Maltraitance</td><td>Inspection</td><td>48 h</td><td>urgent</td></tr>
              <tr><td>Réclamations</td><td colspan="2">15 jours</td></tr>
            </table>
            <blockquote>Article R. 1112-91 du code de la santé publique.</blockquote>
            <footer>© Agence régionale de santé</footer>
            </body></html>
            """;

    private final HtmlParser parser = new HtmlParser();
    private final ParseContext context = new ParseContext(ParseLimits.defaults());

    @TempDir
    Path dir;

    private ParsedDocument parse(String charset) throws IOException {
        Path file = Files.write(dir.resolve("procedure.html"), PAGE.formatted(charset).getBytes(Charset.forName(charset)));
        return parser.parse(Files.readAllBytes(file), context);
    }

    @Test
    void readsHeadingsParagraphsAndListItemsAndSkipsNavigationScriptsAndFooter() throws IOException {
        assertThat(PdfFixtures.texts(parse("utf-8"))).containsExactly(
                "H1@0 Traitement des réclamations",
                "P@0 Toute réclamation reçoit un accusé de réception\nsous 8 jours.",
                "H2@0 Délais",
                "P@0 Réponse : deux mois",
                "P@0 prorogeable une fois",
                "P@0 Relance : un mois",
                "T Délais par type [Type, Service, Délais, Délais] "
                        + "[[Maltraitance, Inspection, 48 h, urgent], [Maltraitance, Réclamations, 15 jours, 15 jours]]",
                "P@0 Article R. 1112-91 du code de la santé publique.");
    }

    @Test
    void expandsRowspanAndColspanSoEveryRowHasTheHeaderWidth() throws IOException {
        TableBlock table = parse("utf-8").blocks().stream()
                .filter(TableBlock.class::isInstance).map(TableBlock.class::cast).findFirst().orElseThrow();

        assertThat(table.rows().get(1)).containsExactly("Maltraitance", "Réclamations", "15 jours", "15 jours");
    }

    @Test
    void takesTheTitleElementAsMetadataTitle() throws IOException {
        assertThat(parse("utf-8").metadataTitle()).isEqualTo("Procédure réclamations");
    }

    @Test
    void decodesAPageWithTheCharsetDeclaredInItsMetaTag() throws IOException {
        ParsedDocument parsed = parse("windows-1252");

        assertThat(parsed.metadataTitle()).isEqualTo("Procédure réclamations");
        assertThat(parsed.blocks().getFirst()).isEqualTo(new Heading(1, "Traitement des réclamations", 0));
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void usesTheFirstRowAsHeadersWhenTheTableHasNoThCells() {
        byte[] html = "<table><tr><td>Nom</td><td>Rôle</td></tr><tr><td>Dupont</td><td>Inspectrice</td></tr></table>"
                .getBytes(StandardCharsets.UTF_8);

        TableBlock table = (TableBlock) parser.parse(html, context).blocks().getFirst();

        assertThat(table.headers()).containsExactly("Nom", "Rôle");
        assertThat(table.rows()).containsExactly(List.of("Dupont", "Inspectrice"));
    }
}
