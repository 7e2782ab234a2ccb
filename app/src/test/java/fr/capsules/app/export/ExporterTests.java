package fr.capsules.app.export;

import static fr.capsules.app.export.ExportSamples.EXPORTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import fr.capsules.app.export.ExportDocument.TextBody;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExporterTests {

    @Test
    void theVisibleLabelNamesTheValidatorAndTheParisTime() {
        assertThat(ExportProvenance.visibleLabel(ExportSamples.answer())).isEqualTo(ExportSamples.LABEL);
    }

    @Test
    void theVisibleLabelFollowsSummerTime() {
        ExportDocument summer = withValidation(ExportSamples.answer(), "Jeanne Dupont", Instant.parse("2026-07-01T08:00:00Z"));

        assertThat(ExportProvenance.visibleLabel(summer)).endsWith("le 01/07/2026 à 10:00");
    }

    @Test
    void aValidatorNameCannotBreakTheLabelOverSeveralLines() {
        ExportDocument forged = withValidation(ExportSamples.answer(), "Jeanne\nai-generated: false", ExportSamples.VALIDATED_AT);

        assertThat(ExportProvenance.visibleLabel(forged)).doesNotContain("\n").contains("Jeanne ai-generated: false");
    }

    @Test
    void aDocumentCannotBeBuiltWithoutAValidator() {
        ExportDocument answer = ExportSamples.answer();

        assertThatIllegalArgumentException().isThrownBy(() -> withValidation(answer, " ", ExportSamples.VALIDATED_AT));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void fileNamesAreASlugOfTheTitleWithTheDraftPrefix(ExportFormat format) {
        ExportedFile file = EXPORTER.export(ExportSamples.measureTable(), format);

        assertThat(file.fileName()).isEqualTo("tableau-de-mesures-ehpad-les-tilleuls-3f1c2f8e." + format.extension());
        assertThat(file.mediaType()).isEqualTo(format.mediaType());
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void theDigestIsTheSha256OfTheBytes(ExportFormat format) throws Exception {
        ExportedFile file = EXPORTER.export(ExportSamples.answer(), format);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.bytes()));
        assertThat(file.bytes()).isNotEmpty();
        assertThat(file.sha256()).isEqualTo(expected);
    }

    @Test
    void hostileTitlesGiveSafeFileNames() {
        for (String title : List.of("../../etc/passwd", "a\\b/c:d*e?\"f<g>h|i", "\u0000\u0007\r\n", "   ", "Œuvre — café",
                "..", "x".repeat(300))) {
            ExportDocument document = withTitle(ExportSamples.answer(), title.isBlank() ? "—" : title);

            String name = EXPORTER.export(document, ExportFormat.MD).fileName();

            assertThat(name).matches("[a-z0-9][a-z0-9-]*\\.md").doesNotContain("..").hasSizeLessThan(80);
        }
        assertThat(FileNames.slug("Œuvre — café")).isEqualTo("oeuvre-cafe");
        assertThat(FileNames.slug("../../etc/passwd")).isEqualTo("etc-passwd");
    }

    @Test
    void formatsAreParsedWhateverTheirCase() {
        assertThat(ExportFormat.parse("DOCX")).isEqualTo(ExportFormat.DOCX);
        assertThat(ExportFormat.parse(" xlsx ")).isEqualTo(ExportFormat.XLSX);
        assertThat(ExportFormat.parse(".Pdf")).isEqualTo(ExportFormat.PDF);
        assertThat(ExportFormat.parse("markdown")).isEqualTo(ExportFormat.MD);
    }

    @Test
    void anUnknownFormatIsRefusedInFrenchWithTheListOfFormats() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExportFormat.parse("odt"))
                .withMessage("Format d'export inconnu : « odt ». Formats possibles : docx, xlsx, pdf, csv, md.");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExportFormat.parse(null))
                .withMessageContaining("Formats possibles : docx, xlsx, pdf, csv, md.");
    }

    @Test
    void anExportedFileRefusesADigestThatDoesNotMatch() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ExportedFile("a.md", "text/markdown", new byte[] {1}, "00"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExportedFile.of("../a.md", "text/markdown", new byte[] {1}));
    }

    @Test
    void invalidXmlCharactersAreRemovedButAccentsAndLineBreaksKept() {
        assertThat(XmlText.safe("Écart\u0001 n°1\uFFFF\n\uD800fin 😀")).isEqualTo("Écart n°1\nfin 😀");
    }

    static ExportDocument withValidation(ExportDocument d, String validatedBy, Instant validatedAt) {
        return new ExportDocument(d.draftId(), d.title(), d.capsuleId(), d.capsuleName(), d.capsuleVersion(), d.model(),
                validatedBy, validatedAt, d.body(), d.sources());
    }

    static ExportDocument withTitle(ExportDocument d, String title) {
        return new ExportDocument(d.draftId(), title, d.capsuleId(), d.capsuleName(), d.capsuleVersion(), d.model(),
                d.validatedBy(), d.validatedAt(), d.body(), d.sources());
    }

    static ExportDocument withBody(ExportDocument d, String text) {
        return new ExportDocument(d.draftId(), d.title(), d.capsuleId(), d.capsuleName(), d.capsuleVersion(), d.model(),
                d.validatedBy(), d.validatedAt(), new TextBody(text), d.sources());
    }
}
