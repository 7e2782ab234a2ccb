package fr.capsules.ingest.parse;

import java.util.List;

/**
 * What a parser understood of one file.
 *
 * @param metadataTitle the title stored in the file's own metadata (PDF info, DOCX core
 *     properties, HTML {@code <title>}), or null when absent or blank
 * @param pageCount number of pages for paged formats, number of sheets for XLSX, 0 otherwise
 * @param warnings French sentences for the ingestion report, e.g. "page 3 sans texte, probablement
 *     numérisée"
 */
public record ParsedDocument(
        DocumentFormat format,
        String metadataTitle,
        int pageCount,
        List<Block> blocks,
        List<String> warnings) {

    public ParsedDocument {
        blocks = List.copyOf(blocks);
        warnings = List.copyOf(warnings);
    }

    /** True when no block carries any text. */
    public boolean isEmpty() {
        return blocks.stream()
                .allMatch(
                        b ->
                                switch (b) {
                                    case Heading h -> h.text().isBlank();
                                    case Paragraph p -> p.text().isBlank();
                                    case TableBlock t -> t.rows().isEmpty();
                                });
    }
}
