package fr.capsules.app.export;

import static fr.capsules.app.export.ExportSamples.EXPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportTests {

    private static final CSVFormat READ = CSVFormat.EXCEL.builder().setDelimiter(';').setCommentMarker('#').get();

    @Test
    void startsWithAByteOrderMarkForExcel() {
        byte[] bytes = EXPORTER.export(ExportSamples.measureTable(), ExportFormat.CSV).bytes();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void commentLinesCarryTheLabelAndEveryProvenanceFact() {
        List<String> lines = text(ExportFormat.CSV, ExportSamples.measureTable()).lines().toList();

        assertThat(lines.getFirst()).isEqualTo("# " + ExportSamples.LABEL);
        assertThat(lines).contains(
                "# Capsule « Mesures d'inspection », version 3",
                "# ai-generated: true",
                "# ai-validated-by: Jeanne Dupont",
                "# ai-validated-at: 2026-11-22T13:05:00Z",
                "# ai-mode: extractive",
                "# capsule: mesures-inspection",
                "# capsule-version: 3",
                "# draft-id: 3f1c2f8e-0b7a-4d55-9e21-7c4b6a1d2e30",
                "# ai-label: " + ExportSamples.LABEL);
    }

    @Test
    void aTableIsAHeaderAndOneSemicolonSeparatedRecordPerRow() throws Exception {
        List<CSVRecord> records = READ.parse(new StringReader(text(ExportFormat.CSV, ExportSamples.measureTable()))).getRecords();

        assertThat(records).hasSize(6);
        assertThat(records.getFirst().values()).containsExactly("N°", "Constat", "Type", "Référence", "Mesure", "Nature", "Délai");
        assertThat(records.get(2).get(5)).isEqualTo("Injonction");
        assertThat(records.get(3).get(3)).isEqualTo("Recommandation HAS | bientraitance");
    }

    @Test
    void cellsThatASpreadsheetWouldEvaluateAreNeutralised() throws Exception {
        ExportDocument formula = ExporterTests.withBody(ExportSamples.answer(), "=SUM(A1)\n\n+33 6 12\n\n@cmd\n\nTexte normal");
        List<CSVRecord> records = READ.parse(new StringReader(text(ExportFormat.CSV, formula))).getRecords();

        assertThat(records.stream().limit(5).map(record -> record.get(0)))
                .containsExactly("texte", "'=SUM(A1)", "'+33 6 12", "'@cmd", "Texte normal");
        List<CSVRecord> table = READ.parse(new StringReader(text(ExportFormat.CSV, ExportSamples.measureTable()))).getRecords();
        assertThat(table.get(3).get(1)).isEqualTo("'=SUM(A1) figure à la place des totaux dans le tableau de suivi des chutes.");
        assertThat(table.get(5).get(4)).isEqualTo("'-Afficher les menus de la semaine à hauteur des résidents.");
    }

    @Test
    void eachRowNamesItsSourcesAndTheAcknowledgedWarningsEndTheFile() throws Exception {
        String csv = text(ExportFormat.CSV, ExportSamples.reviewedMeasureTable());
        List<CSVRecord> records = READ.parse(new StringReader(csv)).getRecords();

        assertThat(records).hasSize(3);
        assertThat(records.getFirst().get(7)).isEqualTo("Sources");
        assertThat(records.get(1).get(7))
                .isEqualTo("[1] Rapport d'inspection EHPAD Les Cèdres 2024, p. 12\n[2] Guide HAS — bientraitance");
        assertThat(csv.lines().toList()).containsSubsequence(
                "# Annexe — avertissements acquittés à la validation",
                "# Brouillon : 2 constat(s) lu(s) : vérifiez le compte. — acquitté par Inès Inspectrice le 22/11/2026 à 14:02",
                "# Ligne 2, Référence : référence non trouvée dans les sources citées — à vérifier avant validation"
                        + " — acquitté par Inès Inspectrice le 22/11/2026 à 14:02");
    }

    @Test
    void aTextAnswerIsOneParagraphPerRowThenTheSources() throws Exception {
        List<CSVRecord> records = READ.parse(new StringReader(text(ExportFormat.CSV, ExportSamples.answer()))).getRecords();

        assertThat(records.getFirst().get(0)).isEqualTo("texte");
        assertThat(records.get(1).get(0)).startsWith("L'accusé de réception").endsWith("délai prévisible de réponse.");
        assertThat(records.get(2).get(0)).contains("[1][2]");
        assertThat(records).extracting(record -> record.get(0))
                .contains("Sources", "[1] Procédure de traitement des réclamations, p. 3 (procedure-reclamations.pdf)");
    }

    private static String text(ExportFormat format, ExportDocument document) {
        String text = new String(EXPORTER.export(document, format).bytes(), StandardCharsets.UTF_8);
        return text.substring(1); // the byte order mark
    }
}
