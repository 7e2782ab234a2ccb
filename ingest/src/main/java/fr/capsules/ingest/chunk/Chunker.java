package fr.capsules.ingest.chunk;

import fr.capsules.ingest.parse.Block;
import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.TableBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a parsed document into the passages that are indexed and cited, following its structure.
 * The document's text is taken as it is: it is expected normalised already (see {@code
 * normalize.DocumentNormalizer}), one paragraph per block.
 *
 * <ul>
 *   <li><b>Headings</b> are not passages: they build the heading path (a heading of level n
 *       replaces the headings of level n and below) carried by every passage that starts under it.
 *       A heading closes the passage in progress, so a passage never mixes two sections; a section
 *       without body yields nothing.
 *   <li><b>Text</b>: paragraphs are packed, joined by a line break, into passages of at most {@code targetChars}, closing at a paragraph
 *       boundary. A passage shorter than a quarter of the target (a lead-in such as "Constats :")
 *       is not left alone: the next paragraph joins it while the total stays within {@code
 *       maxChars}. A paragraph longer than the target is cut at sentence ends ({@link
 *       SentenceSplitter}): the passage closes at the first sentence end at or after {@code
 *       targetChars} and never exceeds {@code maxChars}; only a single sentence longer than
 *       {@code maxChars} is cut, at a word boundary. A change of page closes the passage: a
 *       passage lies on one page, the page it reports.
 *   <li><b>Tables</b>: one {@link Passage.Kind#TABLE_ROW} passage per data row, never split,
 *       rendered by {@link TableRows}; its heading path is the current one plus the table caption
 *       (the sheet name) unless the caption is empty or already the last heading.
 *   <li>Blank paragraphs, blank rows and empty tables yield nothing.
 * </ul>
 *
 * <p>Stateless and thread-safe: all state of one run lives in objects local to {@link #chunk}.
 */
public final class Chunker {

    private final SentenceSplitter sentences = new SentenceSplitter();
    private final TableRows tableRows = new TableRows();

    /**
     * @return the passages in reading order; empty when the document carries no text
     */
    public List<Passage> chunk(ParsedDocument doc, ChunkingSettings settings) {
        List<Passage> passages = new ArrayList<>();
        HeadingPath path = new HeadingPath();
        TextPacker text = new TextPacker(settings, sentences, passages::add);
        for (Block block : doc.blocks()) {
            switch (block) {
                case Heading h -> {
                    if (!h.text().isBlank()) {
                        text.close();
                        path.enter(h.level(), h.text());
                    }
                }
                case Paragraph p -> {
                    if (!p.text().isBlank()) {
                        text.add(p.text(), p.page(), path.current());
                    }
                }
                case TableBlock t -> {
                    text.close();
                    List<String> tablePath = path.with(t.caption());
                    for (String row : tableRows.render(t)) {
                        passages.add(new Passage(row, t.page(), tablePath, Passage.Kind.TABLE_ROW));
                    }
                }
            }
        }
        text.close();
        return passages;
    }
}
