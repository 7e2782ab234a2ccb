package fr.capsules.app.table;

import fr.capsules.app.capsule.CapsuleDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks a table capsule declares on its columns ({@code values} and {@code checks}, docs/TABLES.md),
 * applied to a drafted row: which cells fail and why, the placeholder a column accepts when nothing
 * fits, the values a derived column may take. Nothing here knows a particular capsule. Immutable.
 */
final class ColumnRules {

    private final Map<String, List<CellCheck>> checks;
    private final Map<String, String> placeholders;

    private ColumnRules(Map<String, List<CellCheck>> checks, Map<String, String> placeholders) {
        this.checks = checks;
        this.placeholders = placeholders;
    }

    static ColumnRules of(List<CapsuleDefinition.Column> columns) {
        Map<String, List<CellCheck>> checks = new LinkedHashMap<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (CapsuleDefinition.Column column : columns) {
            checks.put(column.name(), CellCheck.of(column.values(), column.checks()));
            if (column.checks() != null && column.checks().placeholder() != null && !column.checks().placeholder().isBlank()) {
                placeholders.put(column.name(), column.checks().placeholder().strip());
            }
        }
        return new ColumnRules(Map.copyOf(checks), Map.copyOf(placeholders));
    }

    /** Why the cell fails its column's checks; empty when it passes (a blank cell or the placeholder always does). */
    List<String> failures(String column, String value, CellCheck.Row row) {
        if (value == null || value.isBlank() || isPlaceholder(column, value)) {
            return List.of();
        }
        List<String> failures = new ArrayList<>();
        for (CellCheck check : checks.getOrDefault(column, List.of())) {
            check.failure(column, value, row).ifPresent(failures::add);
        }
        return failures;
    }

    /** The failing cells of a row among {@code columns}, each with its reasons, in column order. */
    Map<String, List<String>> failures(List<CapsuleDefinition.Column> columns, CellCheck.Row row) {
        Map<String, List<String>> failing = new LinkedHashMap<>();
        for (CapsuleDefinition.Column column : columns) {
            List<String> reasons = failures(column.name(), row.cells().get(column.name()), row);
            if (!reasons.isEmpty()) {
                failing.put(column.name(), reasons);
            }
        }
        return failing;
    }

    boolean requiresCitedPassage(String column) {
        return checks.getOrDefault(column, List.of()).stream().anyMatch(c -> c instanceof CellCheck.FromCitedPassage);
    }

    Optional<String> placeholder(String column) {
        return Optional.ofNullable(placeholders.get(column));
    }

    boolean isPlaceholder(String column, String value) {
        String placeholder = placeholders.get(column);
        return placeholder != null && AccentFolding.fold(placeholder).equals(AccentFolding.fold(value));
    }

    /** The values a column derived from another may take in this row; empty when it is not derived or any fits. */
    List<String> derivedValues(String column, Map<String, String> cells) {
        return checks.getOrDefault(column, List.of()).stream()
                .filter(c -> c instanceof CellCheck.DerivedFrom)
                .map(c -> ((CellCheck.DerivedFrom) c).allowedFor(cells))
                .findFirst().orElse(List.of());
    }

    /** The French sentence that names a row's failed checks to the model, for its one retry. */
    static String retryRequest(Map<String, List<String>> failing) {
        StringBuilder text = new StringBuilder("Certaines cellules ne respectent pas les règles du tableau : ");
        List<String> parts = new ArrayList<>();
        failing.forEach((column, reasons) -> parts.add("« " + column + " » : " + String.join(", ", reasons)));
        text.append(String.join(" ; ", parts));
        return text.append(". Corrige ces cellules (sans recopier les passages, sans inventer de référence) et renvoie"
                + " l'objet JSON complet.").toString();
    }
}
