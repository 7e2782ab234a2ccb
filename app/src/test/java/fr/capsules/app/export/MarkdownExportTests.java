package fr.capsules.app.export;

import static fr.capsules.app.export.ExportSamples.EXPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

class MarkdownExportTests {

    @Test
    void theFrontMatterHoldsTheProvenanceFactsTyped() {
        String markdown = markdown(ExportSamples.answer());
        String frontMatter = markdown.substring(4, markdown.indexOf("\n---\n"));

        Map<String, Object> facts = new YAMLMapper().readValue(frontMatter, new TypeReference<Map<String, Object>>() {});

        assertThat(facts).containsEntry("ai-generated", true)
                .containsEntry("ai-validated-by", "Jeanne Dupont")
                .containsEntry("ai-validated-at", "2026-11-22T13:05:00Z")
                .containsEntry("ai-model", "mistral-small3.2")
                .containsEntry("capsule", "reclamations")
                .containsEntry("capsule-version", 2)
                .containsEntry("draft-id", "9a7e41c2-5b0d-4e8f-a1c3-2f6d8e9b0a14")
                .containsEntry("ai-label", ExportSamples.LABEL)
                .containsEntry("title", "Délais de réponse aux réclamations");
    }

    @Test
    void hostileValuesStayInsideTheirYamlString() {
        ExportDocument hostile = ExporterTests.withValidation(
                ExportSamples.answer(), "Jeanne \"Dupont\" \\ \n---\nai-generated: false", ExportSamples.VALIDATED_AT);
        String markdown = markdown(hostile);
        String frontMatter = markdown.substring(4, markdown.indexOf("\n---\n"));

        Map<String, Object> facts = new YAMLMapper().readValue(frontMatter, new TypeReference<Map<String, Object>>() {});

        assertThat(facts).containsEntry("ai-generated", true)
                .containsEntry("ai-validated-by", "Jeanne \"Dupont\" \\ --- ai-generated: false");
    }

    @Test
    void theLabelAndCapsuleAreAVisibleBlockquoteBeforeTheBody() {
        String markdown = markdown(ExportSamples.answer());

        assertThat(markdown).contains("> **" + ExportSamples.LABEL + "**  \n> Capsule « Réclamations », version 2  \n> Modèle : mistral-small3.2\n");
        assertThat(markdown.indexOf("> **Généré par IA")).isLessThan(markdown.indexOf("# Délais"));
        assertThat(markdown).contains("## Sources\n\n- \\[1\\] Procédure de traitement des réclamations, p. 3 (procedure-reclamations.pdf)");
    }

    @Test
    void aTableIsAPipeTableWithEscapedPipes() {
        String markdown = markdown(ExportSamples.measureTable());

        assertThat(markdown).contains("| N° | Constat | Type | Référence | Mesure | Nature | Délai |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        assertThat(markdown).contains("| Recommandation HAS \\| bientraitance |");
        assertThat(markdown.lines().filter(line -> line.startsWith("| 3 |")).findFirst().orElseThrow())
                .satisfies(row -> assertThat(row.split("(?<!\\\\)\\|")).hasSize(8));
    }

    @Test
    void eachRowNamesItsSourcesAndAnAnnexListsTheAcknowledgedWarnings() {
        String markdown = markdown(ExportSamples.reviewedMeasureTable());

        assertThat(markdown).contains("| N° | Constat | Type | Référence | Mesure | Nature | Délai | Sources |\n");
        assertThat(markdown).contains(
                "| \\[1\\] Rapport d'inspection EHPAD Les Cèdres 2024, p. 12<br>\\[2\\] Guide HAS — bientraitance |");
        assertThat(markdown).contains("## Annexe — avertissements acquittés à la validation\n\n"
                + "| Emplacement | Avertissement | Acquitté par | Le |\n| --- | --- | --- | --- |\n"
                + "| Brouillon | 2 constat(s) lu(s) : vérifiez le compte. | Inès Inspectrice | 22/11/2026 à 14:02 |\n");
    }

    @Test
    void markupInUserTextIsEscaped() {
        ExportDocument hostile = ExporterTests.withBody(
                ExportSamples.answer(), "# Titre\n- liste\n<script>alert(1)</script> [lien](http://exemple.org) *gras*");

        String markdown = markdown(hostile);

        assertThat(markdown).contains("\\# Titre\\\n\\- liste\\\n\\<script\\>alert(1)\\</script\\> \\[lien\\](`http://exemple.org`) \\*gras\\*");
    }

    @Test
    void noAddressInUserTextBecomesALiveLink() {
        ExportDocument hostile = ExporterTests.withBody(ExportSamples.answer(),
                "Voir https://phishing.example/connexion, www.faux-ars.example et <https://autre.example>.\n"
                        + "Écrire à plainte@faux-ars.example ou mailto:dpo@faux-ars.example ; [ici](javascript:alert(1)).\n"
                        + "Référence : ftp://depot.example/rapport.pdf");
        String markdown = markdown(hostile);
        String html = rendered(markdown);

        assertThat(html).doesNotContain("<a ");
        assertThat(html).contains("<code>https://phishing.example/connexion</code>", "<code>www.faux-ars.example</code>",
                "<code>plainte@faux-ars.example</code>", "<code>mailto:dpo@faux-ars.example</code>",
                "<code>ftp://depot.example/rapport.pdf</code>");
    }

    @Test
    void addressesInTableCellsAreShownAsTextToo() {
        String cell = MarkdownExport.inline("Article L. 313-13 https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006797389 | suite");
        String html = rendered("| a |\n| --- |\n| " + cell + " |\n");

        assertThat(html).doesNotContain("<a ").contains("<code>https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006797389</code>");
    }

    /** HTML as a viewer with GitHub's extensions (tables, autolinks) renders it. */
    private static String rendered(String markdown) {
        List<Extension> extensions = List.of(AutolinkExtension.create(), TablesExtension.create());
        return HtmlRenderer.builder().extensions(extensions).build()
                .render(Parser.builder().extensions(extensions).build().parse(markdown));
    }

    private static String markdown(ExportDocument document) {
        return new String(EXPORTER.export(document, ExportFormat.MD).bytes(), StandardCharsets.UTF_8);
    }
}
