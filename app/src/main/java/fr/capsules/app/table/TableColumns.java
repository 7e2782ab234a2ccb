package fr.capsules.app.table;

import fr.capsules.app.capsule.CapsuleDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each column of a table capsule is for, read from its definition so that a referent can make
 * another table capsule without code: the first column numbers the rows, the second holds the
 * finding; a column whose allowed values are écart/remarque takes the finding's type; a column
 * named "ref…" holds the references checked against the sources; the column whose allowed values
 * are the keys of {@code deadlineByNature} is the nature, and the column named "délai"/"échéance"
 * gets the default deadline of that nature. Every other column is drafted. The severity rules are the
 * fallback's ({@link SimilarityFallback}).
 */
record TableColumns(
        List<CapsuleDefinition.Column> all,
        CapsuleDefinition.Column number,
        CapsuleDefinition.Column finding,
        Optional<CapsuleDefinition.Column> type,
        Optional<CapsuleDefinition.Column> reference,
        Optional<CapsuleDefinition.Column> nature,
        Optional<CapsuleDefinition.Column> deadline,
        Map<String, String> deadlineByNature,
        List<CapsuleDefinition.SeverityRule> severity) {

    static TableColumns of(CapsuleDefinition.TableSpec table) {
        List<CapsuleDefinition.Column> columns = table.columns();
        CapsuleDefinition.Column number = columns.getFirst();
        CapsuleDefinition.Column finding = columns.size() > 1 ? columns.get(1) : columns.getFirst();
        Optional<CapsuleDefinition.Column> type = columns.stream()
                .filter(c -> c.values().stream().map(TableColumns::fold).toList().containsAll(List.of("ecart", "remarque")))
                .findFirst();
        Optional<CapsuleDefinition.Column> reference = columns.stream().filter(c -> fold(c.name()).startsWith("ref")).findFirst();
        Optional<CapsuleDefinition.Column> nature = columns.stream()
                .filter(c -> !table.deadlineByNature().isEmpty()
                        && c.values().stream().map(TableColumns::fold).toList()
                                .containsAll(table.deadlineByNature().keySet().stream().map(TableColumns::fold).toList()))
                .findFirst();
        Optional<CapsuleDefinition.Column> deadline = columns.stream()
                .filter(c -> List.of("delai", "echeance", "deadline").contains(fold(c.name())) || fold(c.title()).startsWith("delai"))
                .findFirst();
        return new TableColumns(columns, number, finding, type, reference, nature, deadline, table.deadlineByNature(),
                table.severity());
    }

    /** The columns the model (or the fallback) fills: all but the number and the finding. */
    List<CapsuleDefinition.Column> drafted() {
        return all.stream().filter(c -> c != number && c != finding).toList();
    }

    /** The allowed value matching {@code value} whatever its case and accents, or empty. */
    static Optional<String> allowed(CapsuleDefinition.Column column, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String folded = fold(value);
        return column.values().stream().filter(v -> fold(v).equals(folded)).findFirst();
    }

    static String fold(String text) {
        return AccentFolding.fold(text == null ? "" : text);
    }
}
