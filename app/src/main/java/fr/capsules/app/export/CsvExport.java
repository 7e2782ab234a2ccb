package fr.capsules.app.export;

import fr.capsules.app.export.ExportDocument.Source;
import fr.capsules.app.export.ExportDocument.TableBody;
import fr.capsules.app.export.ExportDocument.TextBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for French Excel: UTF-8 with a byte order mark (without it Excel reads the accents as Windows-1252), {@code ;}
 * as separator (the comma is the French decimal separator), CRLF line ends.
 *
 * <p>The file opens with {@code #} comment lines: the visible label, the capsule and model lines, then one line per
 * provenance fact ({@code # ai-generated: true}, …). A table follows as header and rows, its sources as trailing
 * comment lines so that the data stays rectangular (each row also names its own sources in a last "Sources" column);
 * a text answer is a single column "texte" with one paragraph per row, then a "Sources" row and one row per source.
 * The warnings acknowledged at validation end the file as comment lines, with who acknowledged each and when. Cells that a spreadsheet would read as a formula are neutralised.
 */
final class CsvExport {

    private static final CSVFormat FRENCH_EXCEL = CSVFormat.EXCEL.builder()
            .setDelimiter(';')
            .setCommentMarker('#')
            .setRecordSeparator("\r\n")
            .get();

    byte[] write(ExportDocument document, Provenance provenance) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, FRENCH_EXCEL)) {
            writer.write('\uFEFF');
            csv.printComment(provenance.label());
            csv.printComment(provenance.capsuleLine());
            csv.printComment(provenance.modelLine());
            for (Provenance.Fact fact : provenance.facts()) {
                csv.printComment(fact.key() + ": " + fact.text());
            }
            csv.printComment("title: " + provenance.title());
            switch (document.body()) {
                case TextBody text -> writeText(csv, text, document.sources());
                case TableBody table -> writeTable(csv, table, document.sources());
            }
            writeAnnex(csv, document);
        }
        return bytes.toByteArray();
    }

    private static void writeText(CSVPrinter csv, TextBody text, List<Source> sources) throws IOException {
        csv.printRecord("texte");
        for (String paragraph : text.paragraphs()) {
            csv.printRecord(cell(paragraph));
        }
        if (!sources.isEmpty()) {
            csv.println();
            csv.printRecord("Sources");
            for (Source source : sources) {
                csv.printRecord(cell(source.line()));
            }
        }
    }

    private static void writeTable(CSVPrinter csv, TableBody table, List<Source> sources) throws IOException {
        csv.printRecord(table.headers().stream().map(CsvExport::cell).toList());
        for (int r = 0; r < table.rows().size(); r++) {
            csv.printRecord(table.line(r).stream().map(CsvExport::cell).toList());
        }
        if (!sources.isEmpty()) {
            csv.printComment("Sources");
            for (Source source : sources) {
                csv.printComment(ExportProvenance.oneLine(source.line()));
            }
        }
    }

    /** The acknowledged warnings as trailing comment lines, so that the data above stays as it was. */
    private static void writeAnnex(CSVPrinter csv, ExportDocument document) throws IOException {
        if (document.acknowledgedWarnings().isEmpty()) {
            return;
        }
        csv.printComment(ExportDocument.ANNEX_TITLE);
        for (ExportDocument.AcknowledgedWarning warning : document.acknowledgedWarnings()) {
            csv.printComment(ExportProvenance.oneLine(
                    warning.location() + " : " + warning.message() + " — " + warning.acknowledgement()));
        }
    }

    /** A cell safe from CSV injection. */
    static String cell(String text) {
        return SpreadsheetCells.neutralise(text);
    }
}
