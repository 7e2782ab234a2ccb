package fr.capsules.app.draft;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.capsules.app.ask.Citation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a draft says. A text draft has {@code text}; a table draft has {@code columns} and
 * {@code rows}, each row its cells (column name → text), the citations it rests on and its
 * warnings. One JSON shape for both, as in {@code ../shared/API.md}.
 */
public record DraftContent(String text, List<Column> columns, List<Row> rows) {

    public DraftContent {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** A column of a table draft: its stable name and the title people read. */
    public record Column(String name, String title) {}

    /**
     * One row of a table draft.
     *
     * @param warnings French sentences about the whole row
     * @param cellWarnings French sentences about one cell, by column name (a column absent or
     *     mapped to an empty list has none); never null
     */
    public record Row(
            Map<String, String> cells,
            List<Citation> citations,
            List<String> warnings,
            Map<String, List<String>> cellWarnings) {
        public Row {
            cells = cells == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
            citations = citations == null ? List.of() : List.copyOf(citations);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            Map<String, List<String>> byColumn = new LinkedHashMap<>();
            if (cellWarnings != null) {
                cellWarnings.forEach((column, list) -> {
                    if (list != null && !list.isEmpty()) {
                        byColumn.put(column, List.copyOf(list));
                    }
                });
            }
            cellWarnings = java.util.Collections.unmodifiableMap(byColumn);
        }

        public Row(Map<String, String> cells, List<Citation> citations, List<String> warnings) {
            this(cells, citations, warnings, Map.of());
        }

        /** How the warning of a row whose model output did not arrive whole begins. */
        public static final String INCOMPLETE = "Ligne incomplète : ";

        /**
         * Whether the model's output for this row did not arrive whole (a warning beginning {@link #INCOMPLETE}).
         * Not part of the row's JSON, whose hash is recorded at validation ({@link ContentHash}): the draft's JSON
         * lists such rows ({@code incompleteRows}).
         */
        public boolean incomplete() {
            return warnings.stream().anyMatch(w -> w.startsWith(INCOMPLETE));
        }

        /** The warnings about one cell; empty when it has none. */
        public List<String> cellWarnings(String column) {
            return cellWarnings.getOrDefault(column, List.of());
        }

        public String cell(String column) {
            String value = cells.get(column);
            return value == null ? "" : value;
        }
    }

    public static DraftContent text(String text) {
        return new DraftContent(text, List.of(), List.of());
    }

    public static DraftContent table(List<Column> columns, List<Row> rows) {
        return new DraftContent(null, columns, rows);
    }

    @JsonIgnore
    public DraftKind kind() {
        return text != null ? DraftKind.TEXT : DraftKind.TABLE;
    }
}
