package fr.capsules.ingest.chunk;

import fr.capsules.ingest.parse.TableBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders each data row of a table as one self-contained text, "Constat : … ; Mesure : …", so a
 * row retrieved alone still says what each value is.
 *
 * <ul>
 *   <li>empty cells are left out; a cell without header is labelled "Colonne N" (1-based);
 *   <li>a cell identical, header and value, to the one before it is left out: it is a horizontally
 *       merged cell the parser repeated, and saying it twice adds nothing;
 *   <li>a row equal to the header row (a header repeated at a page break) and a row without any
 *       value yield nothing.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class TableRows {

    /** Headers and cells are taken as they are: normalised to one line each already. */
    List<String> render(TableBlock table) {
        List<String> headers = table.headers();
        List<String> rendered = new ArrayList<>();
        for (List<String> cells : table.rows()) {
            if (cells.equals(headers)) {
                continue;
            }
            String text = render(headers, cells);
            if (!text.isEmpty()) {
                rendered.add(text);
            }
        }
        return rendered;
    }

    private static String render(List<String> headers, List<String> cells) {
        List<String> parts = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value.isEmpty()) {
                continue;
            }
            String header =
                    i < headers.size() && !headers.get(i).isEmpty()
                            ? headers.get(i)
                            : "Colonne " + (i + 1);
            String part = header + " : " + value;
            if (!part.equals(previous)) {
                parts.add(part);
            }
            previous = part;
        }
        return String.join(" ; ", parts);
    }
}
