package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.parse.Block;
import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.TableBlock;
import fr.capsules.ingest.pseudonymize.Category;
import fr.capsules.ingest.pseudonymize.PseudonymKey;
import fr.capsules.ingest.pseudonymize.PseudonymTable;
import fr.capsules.ingest.pseudonymize.PseudonymizationResult;
import fr.capsules.ingest.pseudonymize.PseudonymizationSettings;
import fr.capsules.ingest.pseudonymize.Pseudonymizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replaces the personal data of the document (headings, paragraphs, table captions, headers and
 * cells, the file's metadata title) and of its title by the capsule's pseudonyms ({@link
 * Pseudonymizer}), before anything is chunked, embedded or indexed: nothing personal reaches the
 * index, and so no prompt. Counts each category replaced ("NIR remplacés", "personnes remplacées").
 *
 * <p>Two passes over one table ({@link IngestionPipeline} places them): this stage on the document
 * as parsed, where lines and text-table rows are still apart (normalisation joins the lines of a
 * paragraph, and a table written as text would lose its columns: a birth-date column, a phone
 * number followed by the next row's number), then {@link #afterNormalising()} on the normalised
 * document and the title, which catches what normalisation joined (a name cut by a line break or a
 * hyphen). Text already pseudonymised is left as it is by the second pass.
 *
 * <p>The capsule's table is saved, encrypted, after each file in which something was replaced and before the file
 * goes on to the index: a pseudonym in the index always has its line in the table on disk, even if
 * the service stops right after. A file whose table cannot be saved fails and is not indexed.
 *
 * <p>{@link #unavailable} makes a stage that fails every file with the reason given (no key
 * configured, a key that does not open the table): a capsule that must be pseudonymised is never
 * indexed in clear.
 */
public final class PseudonymiseText implements IngestionStage {

    private final Pseudonymizer pseudonymizer;
    private final PseudonymTable table;
    private final Path tableFile;
    private final PseudonymKey key;
    private final String unavailable;
    private final boolean normalised; // the second pass: also the title

    private PseudonymiseText(Pseudonymizer pseudonymizer, PseudonymTable table, Path tableFile, PseudonymKey key,
            String unavailable, boolean normalised) {
        this.pseudonymizer = pseudonymizer;
        this.table = table;
        this.tableFile = tableFile;
        this.key = key;
        this.unavailable = unavailable;
        this.normalised = normalised;
    }

    /** The second pass, on the normalised document and the title, with the same table. */
    IngestionStage afterNormalising() {
        return new PseudonymiseText(pseudonymizer, table, tableFile, key, unavailable, true);
    }

    /**
     * @param table the capsule's table, as loaded from {@code tableFile} (or empty when there is none yet)
     * @param tableFile where the capsule's table is saved, encrypted with {@code key}
     */
    public static PseudonymiseText with(PseudonymizationSettings settings, PseudonymTable table, Path tableFile,
            PseudonymKey key) {
        return new PseudonymiseText(new Pseudonymizer(settings), Objects.requireNonNull(table, "table"),
                Objects.requireNonNull(tableFile, "tableFile"), Objects.requireNonNull(key, "key"), null, false);
    }

    /** A stage that fails every file, saying {@code reason} (French) in its result. */
    public static PseudonymiseText unavailable(String reason) {
        return new PseudonymiseText(null, null, null, null, Objects.requireNonNull(reason, "reason"), false);
    }

    @Override
    public void apply(FileIngestion file) throws IOException {
        if (unavailable != null) {
            if (file.ended()) {
                return;
            }
            file.fail(FailureReason.PSEUDONYMISATION_UNAVAILABLE, unavailable);
            return;
        }
        ParsedDocument document = file.document();
        TextSegments segments = new TextSegments();
        List<String> originals = new ArrayList<>();
        piece(segments.block(document.metadataTitle()), document.metadataTitle(), originals);
        for (Block block : document.blocks()) {
            switch (block) {
                case Heading h -> piece(segments.block(h.text()), h.text(), originals);
                case Paragraph p -> piece(segments.block(p.text()), p.text(), originals);
                case TableBlock t -> {
                    piece(segments.block(t.caption()), t.caption(), originals);
                    addRow(segments, t.headers(), true, originals);
                    t.rows().forEach(row -> addRow(segments, row, false, originals));
                }
            }
        }
        PseudonymizationResult result = pseudonymizer.pseudonymize(segments.text(), table);
        List<String> replaced = segments.apply(originals, result.replacements());
        file.document(rebuild(document, replaced));
        boolean replacedAny = !result.replacements().isEmpty();
        if (normalised && file.title() != null) {
            PseudonymizationResult title = pseudonymizer.pseudonymize(file.title(), table);
            file.title(title.text());
            replacedAny |= !title.replacements().isEmpty();
        }
        for (Category category : Category.values()) {
            file.count(category.replacedLabel(), result.count(category));
        }
        if (replacedAny) {
            // Saved even when no pseudonym is new: the writings replaced are kept for the referents.
            table.save(tableFile, key);
        }
    }

    /** Remembers the original of the piece just added to the segments (pieces are read back in order). */
    private static void piece(int ignoredIndex, String text, List<String> originals) {
        originals.add(text == null ? "" : text);
    }

    private static void addRow(TextSegments segments, List<String> cells, boolean firstRow, List<String> originals) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            piece(i == 0 ? segments.firstCell(cell, firstRow) : segments.nextCell(cell), cell, originals);
        }
    }

    /** The document with each piece replaced, read back in the order {@link #apply} wrote them. */
    private static ParsedDocument rebuild(ParsedDocument document, List<String> replaced) {
        int[] next = {0};
        String metadataTitle = document.metadataTitle() == null ? null : replaced.get(0);
        next[0] = 1;
        List<Block> blocks = new ArrayList<>(document.blocks().size());
        for (Block block : document.blocks()) {
            blocks.add(switch (block) {
                case Heading h -> new Heading(h.level(), replaced.get(next[0]++), h.page());
                case Paragraph p -> new Paragraph(replaced.get(next[0]++), p.page());
                case TableBlock t -> {
                    String caption = replaced.get(next[0]++);
                    List<String> headers = take(replaced, next, t.headers().size());
                    List<List<String>> rows = new ArrayList<>(t.rows().size());
                    t.rows().forEach(row -> rows.add(take(replaced, next, row.size())));
                    yield new TableBlock(caption, headers, rows, t.page());
                }
            });
        }
        return new ParsedDocument(document.format(), metadataTitle, document.pageCount(), blocks, document.warnings());
    }

    private static List<String> take(List<String> replaced, int[] next, int count) {
        List<String> cells = replaced.subList(next[0], next[0] + count);
        next[0] += count;
        return List.copyOf(cells);
    }
}
