package fr.capsules.ingest.normalize;

import fr.capsules.ingest.parse.Block;
import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.TableBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Normalises the text of every block of a parsed document with {@link TextNormalizer}, so that
 * what is chunked and indexed has one form whatever the source format:
 *
 * <ul>
 *   <li>a heading is normalised to one line; a heading left empty is dropped;
 *   <li>a paragraph is normalised and split at its blank lines into one paragraph block each
 *       (same page); a paragraph left empty is dropped;
 *   <li>a table's caption, headers and cells are normalised to one line each; rows keep their
 *       cells, empty ones included, so columns still line up with headers.
 * </ul>
 *
 * <p>The format, metadata title, page count and warnings are kept as they are. Stateless and
 * thread-safe.
 */
public final class DocumentNormalizer {

    private final TextNormalizer normalizer = new TextNormalizer();

    public ParsedDocument normalise(ParsedDocument document) {
        List<Block> blocks = new ArrayList<>(document.blocks().size());
        for (Block block : document.blocks()) {
            switch (block) {
                case Heading h -> {
                    String text = normalizer.normalizeInline(h.text());
                    if (!text.isEmpty()) {
                        blocks.add(new Heading(h.level(), text, h.page()));
                    }
                }
                case Paragraph p -> {
                    for (String paragraph : normalizer.paragraphs(p.text())) {
                        blocks.add(new Paragraph(paragraph, p.page()));
                    }
                }
                case TableBlock t -> blocks.add(new TableBlock(
                        normalizer.normalizeInline(t.caption()),
                        inline(t.headers()),
                        t.rows().stream().map(this::inline).toList(),
                        t.page()));
            }
        }
        return document.withBlocks(blocks);
    }

    private List<String> inline(List<String> cells) {
        return cells.stream().map(normalizer::normalizeInline).toList();
    }
}
