package fr.capsules.app.draft;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * The plain {@link TableDrafter}: one row per finding line, the finding in the first free-text
 * column after the number, the other cells left for the inspector, each row saying so. Used when
 * no drafting model is wired for tables.
 */
@Component
@ConditionalOnMissingBean(value = TableDrafter.class, ignored = FindingRows.class)
class FindingRows implements TableDrafter {

    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:[-*•]|\\(?[0-9]{1,3}[).:-]|[A-Za-z][0-9]{1,3}\\s*[).:-])\\s*");
    static final int MAX_FINDINGS = 200;

    @Override
    public TableDraft draft(Capsule capsule, CapsulesUser user, String findings) {
        CapsuleDefinition.TableSpec table = capsule.definition().table();
        List<DraftContent.Column> columns = table.columns().stream()
                .map(c -> new DraftContent.Column(c.name(), c.title()))
                .toList();
        List<String> lines = findings == null ? List.of() : findings.lines()
                .map(line -> NUMBERING.matcher(line).replaceFirst("").strip())
                .filter(line -> !line.isEmpty())
                .toList();
        if (lines.isEmpty()) {
            throw new InvalidRequestException("aucun constat reçu : collez vos constats, un par ligne, dans le champ « input »");
        }
        if (lines.size() > MAX_FINDINGS) {
            throw new InvalidRequestException("trop de constats (" + lines.size() + " ; limite " + MAX_FINDINGS
                    + ") : découpez le tableau en plusieurs brouillons");
        }
        String numberColumn = columns.getFirst().name();
        String findingColumn = columns.size() > 1 ? columns.get(1).name() : numberColumn;
        List<DraftContent.Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, String> cells = new LinkedHashMap<>();
            columns.forEach(c -> cells.put(c.name(), ""));
            cells.put(numberColumn, String.valueOf(i + 1));
            cells.put(findingColumn, lines.get(i));
            rows.add(new DraftContent.Row(cells, List.of(), List.of("ligne à compléter : aucune proposition automatique")));
        }
        return new TableDraft(DraftContent.table(columns, rows), null,
                List.of(AnswerWarning.of("table-not-drafted", "Les constats ont été repris tels quels ; les autres colonnes sont à"
                        + " compléter.")));
    }
}
