package fr.capsules.app.usage;

import fr.capsules.app.export.SpreadsheetCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Usage per month, capsule and service as CSV for French spreadsheets ({@code ;}, BOM, decimal comma). */
final class UsageCsv {

    static final List<String> HEADER = List.of(
            "mois", "capsule", "service", "questions", "brouillons", "lignes de tableau", "brouillons validés",
            "brouillons rejetés", "taux de validation", "part modifiée moyenne", "délai moyen de validation (h)",
            "jetons du prompt", "jetons générés", "énergie (Wh)", "carbone (g CO2e)");

    private UsageCsv() {}

    static String of(MonthlyUsage.Report report) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            printer.printRecord(HEADER);
            for (MonthlyUsage.Line line : report.lines()) {
                List<String> cells = new ArrayList<>(List.of(line.month(), line.capsuleId(), line.service()));
                cells.addAll(figures(line.totals()));
                printer.printRecord(cells.stream().map(SpreadsheetCells::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The figures of one group, from "questions" on, as French text. */
    static List<String> figures(UsageTotals t) {
        return List.of(
                String.valueOf(t.questions()), String.valueOf(t.drafts()), String.valueOf(t.tableRows()),
                String.valueOf(t.validated()), String.valueOf(t.rejected()),
                t.validationRate() == null ? "" : decimal(t.validationRate(), 3),
                t.meanEditShare() == null ? "" : decimal(t.meanEditShare(), 3),
                t.meanHoursToValidation() == null ? "" : decimal(t.meanHoursToValidation(), 1),
                String.valueOf(t.promptTokens()), String.valueOf(t.completionTokens()),
                decimal(t.energyWh(), 3), decimal(t.carbonGrams(), 3));
    }

    static String decimal(double value, int digits) {
        return String.format(Locale.FRANCE, "%." + digits + "f", value);
    }
}
