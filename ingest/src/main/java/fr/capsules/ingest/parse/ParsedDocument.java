package fr.capsules.ingest.parse;

import java.io.Serializable;
import java.util.List;

/**
 * What a parser understood of one file.
 *
 * @param metadataTitle the title stored in the file's own metadata (PDF info, DOCX core
 *     properties, HTML {@code <title>}), or null when absent or blank
 * @param pageCount number of pages for paged formats, number of sheets for XLSX, 0 otherwise
 * @param warnings French sentences for the ingestion report, e.g. "page 3 sans texte, probablement
 *     numérisée"
 * @param hiddenText text found in the file but hidden from its readers, left out of {@code blocks}
 *     (reported by the screening stage); empty for formats that cannot hide text
 */
public record ParsedDocument(
        DocumentFormat format,
        String metadataTitle,
        int pageCount,
        List<Block> blocks,
        List<String> warnings,
        List<HiddenText> hiddenText) implements Serializable {

    public ParsedDocument {
        blocks = List.copyOf(blocks);
        warnings = List.copyOf(warnings);
        hiddenText = hiddenText == null ? List.of() : List.copyOf(hiddenText);
    }

    /** A document in which nothing was found hidden. */
    public ParsedDocument(DocumentFormat format, String metadataTitle, int pageCount, List<Block> blocks,
            List<String> warnings) {
        this(format, metadataTitle, pageCount, blocks, warnings, List.of());
    }

    /** The same document with other blocks (normalised, screened…), everything else kept. */
    public ParsedDocument withBlocks(List<Block> newBlocks) {
        return new ParsedDocument(format, metadataTitle, pageCount, newBlocks, warnings, hiddenText);
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
