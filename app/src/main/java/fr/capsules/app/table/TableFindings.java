package fr.capsules.app.table;

import fr.capsules.ingest.parse.TableBlock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one finding per row of a table, once its {@link FindingColumns} are known. Rows without a
 * finding, a repeated header row, and banner rows (one text merged across the row, such as
 * "ÉCARTS") are not findings; a banner or a lone cell naming a type sets the type of the rows
 * below it.
 */
final class TableFindings {

    /** A header cell that reads like a finding: the file has no header row. */
    private static final Pattern SENTENCE = Pattern.compile("[.;!?]$|(?:\\S+\\s+){8,}\\S");

    private TableFindings() {}

    /**
     * @param sectionType the type given by a heading or sheet name above the table, or null
     */
    static List<UnnumberedFinding> read(TableBlock table, FindingColumns columns, FindingType sectionType) {
        String header = cell(table.headers(), columns.findings());
        List<List<String>> rows = new ArrayList<>();
        boolean headerIsFinding = !columns.named() && SENTENCE.matcher(FindingText.inline(header)).find();
        if (headerIsFinding) {
            rows.add(table.headers());
        }
        rows.addAll(table.rows());
        // A repeated header row (a table pasted twice, a header on every printed page) is not a finding.
        String foldedHeader = headerIsFinding ? null : AccentFolding.fold(header);
        FindingType section = sectionType;
        List<UnnumberedFinding> findings = new ArrayList<>();
        for (List<String> row : rows) {
            Set<String> filled = filledCells(row);
            String text = FindingText.inline(cell(row, columns.findings()));
            if (filled.size() == 1) {
                // One text merged across the whole row titles a group, it is not a finding.
                boolean banner = nonEmptyCount(row) > 1;
                Optional<SectionHeading> heading = banner || !text.isEmpty()
                        ? SectionHeading.of(filled.iterator().next())
                        : Optional.empty();
                if (heading.isPresent()) {
                    section = heading.get().type();
                    continue;
                }
                if (banner) {
                    continue;
                }
            }
            if (text.isEmpty() || AccentFolding.fold(text).equals(foldedHeader)) {
                continue;
            }
            findings.add(finding(row, text, columns, section));
        }
        return findings;
    }

    private static UnnumberedFinding finding(List<String> row, String text, FindingColumns columns, FindingType section) {
        FindingMarker marker = FindingMarker.at(text).orElse(null);
        String body = FindingText.clean(marker == null ? text : marker.rest());
        String number = columns.number() < 0 ? "" : FindingText.clean(cell(row, columns.number()));
        String label = !number.isEmpty() ? number : marker == null ? "" : marker.label();
        FindingType type = columns.type() < 0 ? null : FindingType.detect(cell(row, columns.type())).orElse(null);
        if (type == null && marker != null) {
            type = marker.type();
        }
        if (type == null) {
            type = FindingType.detect(label).or(() -> Optional.ofNullable(section))
                    .or(() -> FindingWording.typeOf(body))
                    .orElse(null);
        }
        return new UnnumberedFinding(label, body.isEmpty() ? FindingText.clean(text) : body, type);
    }

    private static Set<String> filledCells(List<String> row) {
        Set<String> filled = new LinkedHashSet<>();
        for (String cell : row) {
            String text = FindingText.inline(cell);
            if (!text.isEmpty()) {
                filled.add(text);
            }
        }
        return filled;
    }

    private static long nonEmptyCount(List<String> row) {
        return row.stream().filter(cell -> !cell.isBlank()).count();
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }
}
