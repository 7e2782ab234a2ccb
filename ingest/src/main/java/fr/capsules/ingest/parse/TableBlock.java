package fr.capsules.ingest.parse;

import java.util.List;

/**
 * A table: one header row and data rows, each row as many cells as the header (merged cells are
 * repeated into every cell they cover, so a row read alone stays meaningful).
 *
 * @param caption sheet name or table caption, may be empty, never null
 */
public record TableBlock(String caption, List<String> headers, List<List<String>> rows, int page)
        implements Block {

    public TableBlock {
        caption = caption == null ? "" : caption;
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
