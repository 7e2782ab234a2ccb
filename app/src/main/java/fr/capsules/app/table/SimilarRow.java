package fr.capsules.app.table;

import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.PassageHit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fallback without a model: the most similar historical table row among the retrieved
 * passages, read back into the capsule's columns ("Mesure : … ; Nature : …" → mesure, nature), so
 * that an inspector gets a useful row even on a machine without Ollama.
 */
final class SimilarRow {

    /** "Header : value" pairs are joined with " ; " by the chunker; split only before a header. */
    private static final Pattern PAIRS = Pattern.compile("\\s;\\s(?=[^;:]{1,60}?\\s:\\s)");

    private SimilarRow() {}

    /** The first table-row passage among the hits (they come best first), if any. */
    static Optional<PassageHit> best(List<PassageHit> hits) {
        return hits.stream().filter(h -> h.kind() == Passage.Kind.TABLE_ROW).findFirst();
    }

    /** The passage's cells, keyed by the capsule's column names (unknown headers are dropped). */
    static Map<String, String> cells(PassageHit row, List<CapsuleDefinition.Column> columns) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String pair : PAIRS.split(row.text())) {
            int colon = pair.indexOf(" : ");
            if (colon <= 0) {
                continue;
            }
            String header = TableColumns.fold(pair.substring(0, colon));
            String value = pair.substring(colon + 3).strip();
            columns.stream()
                    .filter(c -> TableColumns.fold(c.title()).equals(header) || TableColumns.fold(c.name()).equals(header))
                    .findFirst()
                    .ifPresent(c -> cells.put(c.name(), value));
        }
        return cells;
    }
}
