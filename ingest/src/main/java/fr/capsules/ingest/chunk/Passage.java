package fr.capsules.ingest.chunk;

import java.util.List;

/**
 * A retrievable unit of a document: the text that is indexed and cited.
 *
 * @param text the passage text; for a table row, the row rendered with its column headers
 *     ("Constat : … ; Mesure : …")
 * @param page 1-based page for paged formats, 0 when the format has no pages
 * @param headingPath the headings above the passage, outermost first (for a sheet, its name)
 * @param kind whether this is running text or one table row
 */
public record Passage(String text, int page, List<String> headingPath, Kind kind) {

    public enum Kind {
        TEXT,
        TABLE_ROW
    }

    public Passage {
        headingPath = List.copyOf(headingPath);
    }
}
