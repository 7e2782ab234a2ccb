package fr.capsules.ingest.parse;

import java.io.Serializable;

/**
 * One structural unit of a parsed document, in reading order.
 *
 * <p>{@link #page()} is 1-based for paged formats (PDF) and {@code 0} for formats without pages
 * (DOCX, XLSX, CSV, HTML, Markdown, text).
 */
public sealed interface Block extends Serializable permits Heading, Paragraph, TableBlock {

    int page();
}
