package fr.capsules.app.table;

import fr.capsules.ingest.parse.Block;
import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.TableBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the findings of a parsed file: from a table (CSV, XLSX, or a Word or Markdown table with a
 * findings column), otherwise from the document's paragraphs by the text rules.
 */
final class DocumentFindings {

    static final String NO_FINDINGS_COLUMN = "aucune colonne de constats trouvée : nommez la colonne des constats"
            + " « Constat » (ou « Libellé », « Description »), une ligne par constat";

    private DocumentFindings() {}

    /**
     * @throws InvalidFindingsException when a spreadsheet has no column of findings
     */
    static LineFindings.Result read(ParsedDocument document) {
        return read(document, Set.of());
    }

    /**
     * @param nestedItems texts of Word list items nested under another item ({@link DocxListLevels}), each
     *     joined to the item above
     */
    static LineFindings.Result read(ParsedDocument document, Set<String> nestedItems) {
        return switch (document.format()) {
            case CSV, XLSX -> fromSpreadsheet(document.blocks());
            case DOCX, MARKDOWN, TEXT -> fromDocument(document.blocks(), nestedItems);
            case PDF, HTML -> throw new IllegalArgumentException("not a findings format: " + document.format());
        };
    }

    /** The first table with a named findings column, else the first with a column of text. */
    private static LineFindings.Result fromSpreadsheet(List<Block> blocks) {
        List<String> context = new ArrayList<>();
        FindingType section = null;
        TableBlock fallback = null;
        FindingType fallbackSection = null;
        for (Block block : blocks) {
            switch (block) {
                // Level 1 is the sheet name: a new sheet starts without a type unless its name gives one.
                case Heading h when h.level() == 1 -> section = typeOf(SectionHeading.of(h.text()), null);
                case Heading h -> {
                    section = typeOf(SectionHeading.of(h.text()), section);
                    if (SectionHeading.of(h.text()).isEmpty()) {
                        context.add(FindingText.inline(h.text()));
                    }
                }
                case Paragraph p -> {
                    // Lines above the header row ("Inspection du 14/10/2026", "EHPAD Les Tilleuls") name the table.
                    section = typeOf(SectionHeading.of(p.text()), section);
                    if (SectionHeading.of(p.text()).isEmpty()) {
                        context.add(FindingText.inline(p.text()));
                    }
                }
                case TableBlock read -> {
                    TableBlock table = HeaderRows.merged(read);
                    Optional<FindingColumns> named = FindingColumns.of(table.headers(), table.rows(), false);
                    if (named.isPresent()) {
                        return new LineFindings.Result(TableFindings.read(table, named.get(), section), context);
                    }
                    if (fallback == null && FindingColumns.of(table.headers(), table.rows(), true).isPresent()) {
                        fallback = table;
                        fallbackSection = section;
                    }
                }
            }
        }
        if (fallback == null) {
            throw new InvalidFindingsException(NO_FINDINGS_COLUMN);
        }
        return new LineFindings.Result(TableFindings.read(fallback,
                FindingColumns.of(fallback.headers(), fallback.rows(), true).orElseThrow(), fallbackSection), context);
    }

    /**
     * Every table with a named findings column (a report often has one table of écarts and one of
     * remarques, each under its heading); without one, the paragraphs by the text rules; with no
     * finding in the paragraphs, the first table holding a column of text.
     */
    private static LineFindings.Result fromDocument(List<Block> blocks, Set<String> nestedItems) {
        List<UnnumberedFinding> fromTables = new ArrayList<>();
        List<SourceLine> lines = new ArrayList<>();
        FindingType section = null;
        TableBlock textTable = null;
        for (Block block : blocks) {
            switch (block) {
                case Heading h -> {
                    section = typeOf(SectionHeading.of(h.text()), section);
                    lines.add(SourceLine.ofHeading(h.text()));
                }
                case Paragraph p -> {
                    section = typeOf(SectionHeading.of(p.text()), section);
                    lines.addAll(nestedItems.contains(FindingText.inline(p.text())) ? SourceLine.ofNestedItem(p.text())
                            : SourceLine.ofParagraph(p.text()));
                }
                case TableBlock read -> {
                    TableBlock table = HeaderRows.merged(read);
                    Optional<FindingColumns> named = FindingColumns.of(table.headers(), table.rows(), false);
                    if (named.isPresent()) {
                        fromTables.addAll(TableFindings.read(table, named.get(), section));
                    } else if (textTable == null && FindingColumns.of(table.headers(), table.rows(), true).isPresent()) {
                        textTable = table;
                    }
                }
            }
        }
        LineFindings.Result fromLines = LineFindings.readWithContext(lines);
        if (!fromTables.isEmpty()) {
            return new LineFindings.Result(fromTables, fromLines.context());
        }
        if (fromLines.findings().isEmpty() && textTable != null) {
            return new LineFindings.Result(TableFindings.read(textTable,
                    FindingColumns.of(textTable.headers(), textTable.rows(), true).orElseThrow(), null), fromLines.context());
        }
        return fromLines;
    }

    private static FindingType typeOf(Optional<SectionHeading> heading, FindingType otherwise) {
        return heading.map(SectionHeading::type).orElse(otherwise);
    }
}
