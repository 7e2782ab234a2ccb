package fr.capsules.app.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Lays out and draws a table in a PDF: column widths from the content, cell text wrapped inside its column, bordered
 * cells, and page breaks that repeat the header row. A row moves whole to the next page when it fits there; a row
 * taller than a page is split between lines, so no text is ever lost below the margin.
 *
 * <p>Tagged as {@code Table → TR → TH | TD}, the header cells scoped to their column; a cell split across pages is one
 * element with content on both. Borders, fills and the header repeated on a new page are artifacts, so that a reader
 * hears the header once and then each row with it.
 */
final class PdfTableLayout {

    private static final float FONT_SIZE = 8.5f;
    private static final float LEADING = FONT_SIZE * 1.3f;
    private static final float PADDING = 3;
    /** Caps on how much a single column asks for, so one verbose column does not starve the others. */
    private static final float MAX_DESIRED = 260;
    private static final float MAX_MINIMUM = 90;

    private final PdfText text;
    private final List<String> headers;
    private final List<List<String>> rows;

    PdfTableLayout(PdfText text, List<String> headers, List<List<String>> rows) {
        this.text = text;
        this.headers = List.copyOf(headers);
        this.rows = List.copyOf(rows);
    }

    /**
     * Widths in points that fill {@code available}: each column gets at least its longest word (within a cap) and
     * the remaining space goes to the columns in proportion to how much more their content needs.
     */
    float[] columnWidths(float available) {
        int count = headers.size();
        float[] minimum = new float[count];
        float[] desired = new float[count];
        for (int c = 0; c < count; c++) {
            measure(headers.get(c), text.bold, minimum, desired, c);
            for (List<String> row : rows) {
                measure(row.get(c), text.regular, minimum, desired, c);
            }
            minimum[c] = Math.min(minimum[c], MAX_MINIMUM) + 2 * PADDING;
            desired[c] = Math.max(Math.min(desired[c], MAX_DESIRED) + 2 * PADDING, minimum[c]);
        }
        float sumMinimum = sum(minimum);
        float sumDesired = sum(desired);
        float[] widths = new float[count];
        for (int c = 0; c < count; c++) {
            if (sumDesired <= available) {
                widths[c] = desired[c] * available / sumDesired;
            } else if (sumMinimum >= available) {
                widths[c] = minimum[c] * available / sumMinimum;
            } else {
                float share = (available - sumMinimum) / (sumDesired - sumMinimum);
                widths[c] = minimum[c] + (desired[c] - minimum[c]) * share;
            }
        }
        return widths;
    }

    void draw(PdfPages pages) throws IOException {
        PdfStructure structure = pages.structure();
        PDStructureElement table = structure.add(structure.document(), StandardStructureTypes.TABLE);
        float[] widths = columnWidths(pages.width());
        List<List<String>> header = wrap(headers, text.bold, widths);
        float headerHeight = height(lineCount(header));
        pages.ensure(headerHeight + height(1));
        PDStructureElement headerRow = structure.add(table, StandardStructureTypes.TR);
        List<PDStructureElement> headerCells = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            headerCells.add(structure.columnHeader(headerRow));
        }
        drawRow(pages, header, 0, lineCount(header), widths, true, headerCells);

        for (List<String> values : rows) {
            List<List<String>> cells = wrap(values, text.regular, widths);
            PDStructureElement row = structure.add(table, StandardStructureTypes.TR);
            List<PDStructureElement> dataCells = new ArrayList<>();
            for (int c = 0; c < values.size(); c++) {
                dataCells.add(structure.add(row, StandardStructureTypes.TD));
            }
            int total = lineCount(cells);
            if (height(total) > pages.remaining() && height(total) <= pages.pageSpace() - headerHeight) {
                continueOnNewPage(pages, header, widths);
            }
            int from = 0;
            while (from < total) {
                int fit = (int) Math.floor((pages.remaining() - height(0)) / LEADING);
                if (fit <= 0) {
                    continueOnNewPage(pages, header, widths);
                    continue;
                }
                int count = Math.min(fit, total - from);
                drawRow(pages, cells, from, count, widths, false, dataCells);
                from += count;
            }
        }
    }

    private void continueOnNewPage(PdfPages pages, List<List<String>> header, float[] widths) throws IOException {
        pages.newPage();
        drawRow(pages, header, 0, lineCount(header), widths, true, null);
    }

    /**
     * Draws lines {@code from} to {@code from + count} of every cell of a row, as one band of bordered cells.
     *
     * @param elements the structure element of each cell, or null to mark the text as an artifact (a repeated header)
     */
    private void drawRow(PdfPages pages, List<List<String>> cells, int from, int count, float[] widths, boolean header,
            List<PDStructureElement> elements) throws IOException {
        PDPageContentStream content = pages.content();
        PdfStructure structure = pages.structure();
        float top = pages.y();
        float height = height(count);
        structure.beginArtifact(content);
        float x = pages.left();
        for (int c = 0; c < cells.size(); c++) {
            if (header) {
                content.setNonStrokingColor(0.85f, 0.89f, 0.95f);
                content.addRect(x, top - height, widths[c], height);
                content.fill();
                content.setNonStrokingColor(0f, 0f, 0f);
            }
            content.setLineWidth(0.5f);
            content.addRect(x, top - height, widths[c], height);
            content.stroke();
            x += widths[c];
        }
        if (elements == null) {
            drawText(pages, cells, from, count, widths, header, null);
            structure.end(content);
        } else {
            structure.end(content);
            drawText(pages, cells, from, count, widths, header, elements);
        }
        pages.moveDown(height);
    }

    /**
     * The text of each cell's lines in the band; with {@code elements}, each line is marked content of its cell's
     * element (one sequence per line, as for paragraphs, so that extractors keep the line break as a space).
     */
    private void drawText(PdfPages pages, List<List<String>> cells, int from, int count, float[] widths, boolean header,
            List<PDStructureElement> elements) throws IOException {
        PDPageContentStream content = pages.content();
        float top = pages.y();
        float x = pages.left();
        for (int c = 0; c < cells.size(); c++) {
            List<String> lines = cells.get(c);
            for (int i = from; i < Math.min(lines.size(), from + count); i++) {
                if (lines.get(i).isEmpty()) {
                    continue;
                }
                float baseline = top - PADDING - FONT_SIZE - (i - from) * LEADING;
                if (elements != null) {
                    pages.structure().begin(content, pages.page(), elements.get(c));
                }
                pages.drawLine(lines.get(i), header ? text.bold : text.regular, FONT_SIZE, x + PADDING, baseline);
                if (elements != null) {
                    pages.structure().end(content);
                }
            }
            x += widths[c];
        }
    }

    private List<List<String>> wrap(List<String> values, PDFont font, float[] widths) {
        List<List<String>> cells = new ArrayList<>(values.size());
        for (int c = 0; c < values.size(); c++) {
            cells.add(text.wrap(values.get(c), font, FONT_SIZE, widths[c] - 2 * PADDING));
        }
        return cells;
    }

    private void measure(String value, PDFont font, float[] minimum, float[] desired, int column) {
        for (String line : value.split("\\R")) {
            String printable = text.printable(line, font);
            desired[column] = Math.max(desired[column], text.width(printable, font, FONT_SIZE));
            for (String word : printable.split(" +")) {
                minimum[column] = Math.max(minimum[column], text.width(word, font, FONT_SIZE));
            }
        }
    }

    private static int lineCount(List<List<String>> cells) {
        return cells.stream().mapToInt(List::size).max().orElse(1);
    }

    private static float height(int lines) {
        return lines * LEADING + 2 * PADDING + 1;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }
}
