package fr.capsules.app.register;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The register as CSV (French Excel: {@code ;}, BOM) and as a Markdown document. */
final class RegisterFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(AiRegister.PARIS);
    private static final List<String> HEADER = List.of(
            "capsule", "nom", "finalité", "référent", "périmètre", "type", "statut", "version", "modèle", "documents",
            "formats", "première publication", "dernière modification", "base légale", "analyse d'impact (AIPD)", "dernière évaluation",
            "empreinte du modèle", "publication forcée (motif)", "période", "questions", "brouillons générés",
            "brouillons validés", "brouillons rejetés", "part médiane modifiée", "délai médian de validation (h)",
            "lignes de tableau", "taux de validation", "jetons du prompt", "jetons générés", "énergie estimée (Wh)",
            "carbone estimé (g CO2e)");

    private RegisterFormats() {}

    static String csv(List<RegisterEntry> entries) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            printer.printRecord(HEADER);
            for (RegisterEntry e : entries) {
                printer.printRecord(row(e).stream().map(RegisterFormats::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String markdown(List<RegisterEntry> entries) {
        StringBuilder md = new StringBuilder("# Registre des systèmes d'IA — capsules\n\n");
        if (!entries.isEmpty()) {
            RegisterEntry.Usage period = entries.getFirst().usage();
            md.append("Usage compté du ").append(period.from().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                    .append(" au ").append(period.to().minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                    .append(".\n\n");
        }
        for (RegisterEntry e : entries) {
            md.append("## ").append(escape(e.name())).append(" (`").append(e.id()).append("`)\n\n");
            List<String> row = row(e);
            for (int i = 1; i < HEADER.size(); i++) {
                md.append("- **").append(HEADER.get(i)).append("** : ").append(escape(row.get(i))).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static List<String> row(RegisterEntry e) {
        RegisterEntry.Usage u = e.usage();
        return List.of(
                e.id(), e.name(), e.purpose(), e.referent(),
                e.generic() ? "tous les agents" : "services : " + String.join(", ", e.services()),
                e.kindLabel(), e.statusLabel(), String.valueOf(e.version()), e.model(),
                String.valueOf(e.dataSources().documents()),
                e.dataSources().formats().entrySet().stream().map(f -> f.getKey() + " " + f.getValue()).collect(Collectors.joining(", ")),
                day(e.firstPublishedAt()), day(e.lastChangedAt()),
                e.legalBasis(), e.dpiaReference(),
                e.lastEvaluation() == null ? "jamais évaluée"
                        : day(e.lastEvaluation().at()) + (e.lastEvaluation().passed() ? " — réussie" : " — échouée"),
                e.modelDigest() == null ? "" : e.modelDigest(),
                e.publicationOverride() == null ? "" : e.publicationOverride(),
                u.from() + " → " + u.to(),
                String.valueOf(u.questions()), String.valueOf(u.draftsGenerated()), String.valueOf(u.draftsValidated()),
                String.valueOf(u.draftsRejected()),
                u.medianEditShare() == null ? "" : String.format(Locale.FRANCE, "%.0f %%", u.medianEditShare() * 100),
                u.medianHoursToValidation() == null ? "" : String.format(Locale.FRANCE, "%.1f", u.medianHoursToValidation()),
                String.valueOf(u.tableRows()),
                u.validationRate() == null ? "" : String.format(Locale.FRANCE, "%.0f %%", u.validationRate() * 100),
                String.valueOf(u.promptTokens()), String.valueOf(u.completionTokens()),
                String.format(Locale.FRANCE, "%.3f", u.energyWh()), String.format(Locale.FRANCE, "%.3f", u.carbonGrams()));
    }

    private static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    private static String safe(String cell) {
        return fr.capsules.app.export.SpreadsheetCells.neutralise(cell);
    }

    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1").replace("\n", " ");
    }
}
