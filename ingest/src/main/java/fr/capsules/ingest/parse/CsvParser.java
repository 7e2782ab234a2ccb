package fr.capsules.ingest.parse;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file as one table whose first record is the header. Encoding is detected by
 * {@link TextDecoding}, the delimiter by {@link CsvDelimiters}; a warning tells when the encoding
 * had to be guessed.
 */
final class CsvParser implements DocumentParser {

    @Override
    public DocumentFormat format() {
        return DocumentFormat.CSV;
    }

    @Override
    public ParsedDocument parse(byte[] content, ParseContext context) throws IOException {
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        List<String> warnings = new ArrayList<>();
        decoded.reportTo(warnings);
        char delimiter = CsvDelimiters.detect(decoded.text());
        int maxRows = context.limits().maxRows();
        TextBudget budget = new TextBudget(context.limits());
        CellGrid grid = new CellGrid();
        int row = 0;
        try (CSVParser parser = CsvDelimiters.format(delimiter).parse(new StringReader(decoded.text()))) {
            for (CSVRecord record : parser) {
                context.checkpoint();
                if (row > maxRows) {
                    warnings.add("fichier tronqué : seules les " + maxRows + " premières lignes ont été lues");
                    break;
                }
                List<String> values = record.toList();
                if (!budget.admit(values.stream().mapToLong(String::length).sum())) {
                    break;
                }
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                for (int c = 0; c < values.size(); c++) {
                    grid.place(row, c, values.get(c), 1, 1);
                }
                row++;
            }
        } catch (UncheckedIOException e) {
            // commons-csv reports malformed quoting through its iterator as an unchecked exception.
            throw new IOException("fichier CSV mal formé (guillemets non fermés ?) : " + e.getCause().getMessage(), e);
        }
        budget.reportTo(warnings);
        TableBlock table = grid.toTable("", 0);
        List<Block> blocks = table == null ? List.of() : List.of(table);
        return new ParsedDocument(DocumentFormat.CSV, null, 0, blocks, warnings);
    }
}
