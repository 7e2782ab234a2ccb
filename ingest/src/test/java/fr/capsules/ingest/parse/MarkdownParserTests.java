package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownParserTests {

    private static final String GUIDE = """
            ---
            title: "Guide de l'inspecteur"
            auteur: Mission inspection
            ---
            # Préparer l'inspection

            Rassembler les réclamations
            des douze derniers mois.

            Les suites possibles
            --------------------

            - injonction
            - prescription
              1. avec délai

            | Nature | Fondement |
            |--------|-----------|
            | Injonction | Article L. 313-14 CASF |
            | Recommandation | Bonnes pratiques HAS |
            """;

    private final MarkdownParser parser = new MarkdownParser();

    @TempDir
    Path dir;

    private ParsedDocument guide() throws IOException {
        Path file = Files.writeString(dir.resolve("guide.md"), GUIDE, StandardCharsets.UTF_8);
        return parser.parse(Files.readAllBytes(file), new ParseContext(ParseLimits.defaults()));
    }

    @Test
    void skipsTheFrontMatterAndUsesItsTitleAsMetadataTitle() throws IOException {
        ParsedDocument parsed = guide();

        assertThat(parsed.metadataTitle()).isEqualTo("Guide de l'inspecteur");
        assertThat(PdfFixtures.texts(parsed)).noneMatch(t -> t.contains("auteur"));
    }

    @Test
    void readsAtxAndSetextHeadingsParagraphsListItemsAndTables() throws IOException {
        assertThat(PdfFixtures.texts(guide())).containsExactly(
                "H1@0 Préparer l'inspection",
                "P@0 Rassembler les réclamations\ndes douze derniers mois.",
                "H2@0 Les suites possibles",
                "P@0 injonction",
                "P@0 prescription",
                "P@0 avec délai",
                "T  [Nature, Fondement] [[Injonction, Article L. 313-14 CASF], [Recommandation, Bonnes pratiques HAS]]");
    }

    @Test
    void keepsAFileWithoutFrontMatterWhole() {
        FrontMatter none = FrontMatter.split("# Titre\n\n---\n\ntexte");

        assertThat(none.title()).isNull();
        assertThat(none.body()).isEqualTo("# Titre\n\n---\n\ntexte");
    }
}
