package fr.capsules.app.draft;

import fr.capsules.app.ask.AnswerWarning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every warning of a draft, in reading order: the draft's own (the answer's checks, the count of findings read, the
 * rows drafted without a model…), then, row by row, the row's warnings and each cell's, in column order.
 *
 * <p>The AI's version counts as well as the current one: a person's edit may fix a cell, but cannot make the
 * warning the AI raised about it vanish unseen; it is acknowledged like the others. A warning that both versions carry
 * at the same place is listed once.
 */
final class DraftWarnings {

    private DraftWarnings() {}

    static List<DraftWarning> of(Draft draft) {
        Map<String, DraftWarning> warnings = new LinkedHashMap<>();
        for (AnswerWarning warning : draft.warnings()) {
            add(warnings, DraftWarning.ofDraft(warning.sentence() == null || warning.sentence().isBlank()
                    ? warning.message()
                    : warning.message() + " — « " + warning.sentence().strip() + " »"));
        }
        if (draft.kind() == DraftKind.TABLE) {
            List<DraftContent.Column> columns = draft.aiContent().columns();
            int rows = Math.max(draft.aiContent().rows().size(), draft.content().rows().size());
            for (int r = 0; r < rows; r++) {
                for (DraftContent content : List.of(draft.aiContent(), draft.content())) {
                    if (r < content.rows().size()) {
                        row(warnings, r + 1, content.rows().get(r), columns);
                    }
                }
            }
        }
        return List.copyOf(warnings.values());
    }

    private static void row(Map<String, DraftWarning> warnings, int number, DraftContent.Row row,
            List<DraftContent.Column> columns) {
        row.warnings().forEach(message -> add(warnings, DraftWarning.ofRow(number, message)));
        List<String> names = new ArrayList<>(columns.stream().map(DraftContent.Column::name).toList());
        row.cellWarnings().keySet().stream().filter(name -> !names.contains(name)).forEach(names::add);
        for (String name : names) {
            String title = columns.stream().filter(c -> c.name().equals(name)).map(DraftContent.Column::title)
                    .findFirst().orElse(name);
            row.cellWarnings(name).forEach(message -> add(warnings, DraftWarning.ofCell(number, name, title, message)));
        }
    }

    private static void add(Map<String, DraftWarning> warnings, DraftWarning warning) {
        if (!warning.message().isBlank()) {
            warnings.putIfAbsent(warning.id(), warning);
        }
    }
}
