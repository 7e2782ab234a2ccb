package fr.capsules.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * Reads Markdown with commonmark and GFM tables: ATX and Setext headings, paragraphs, list items
 * (each one paragraph), block quotes, code blocks, tables. A YAML front matter is skipped and its
 * {@code title:} becomes the metadata title. Line breaks inside a paragraph are kept.
 */
final class MarkdownParser implements DocumentParser {

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @Override
    public DocumentFormat format() {
        return DocumentFormat.MARKDOWN;
    }

    @Override
    public ParsedDocument parse(byte[] content, ParseContext context) {
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        List<String> warnings = new ArrayList<>();
        decoded.reportTo(warnings);
        FrontMatter frontMatter = FrontMatter.split(decoded.text());
        Node document = parser.parse(frontMatter.body());
        List<Block> blocks = new ArrayList<>();
        TextBudget budget = new TextBudget(context.limits());
        List<HiddenText> hidden = new ArrayList<>();
        collect(document, blocks, budget, context, hidden);
        budget.reportTo(warnings);
        return new ParsedDocument(DocumentFormat.MARKDOWN, frontMatter.title(), 0, blocks, warnings, hidden);
    }

    private void collect(Node parent, List<Block> blocks, TextBudget budget, ParseContext context,
            List<HiddenText> hidden) {
        for (Node node = parent.getFirstChild(); node != null && !budget.exhausted(); node = node.getNext()) {
            context.checkpoint();
            Block block = switch (node) {
                case org.commonmark.node.Heading h -> new Heading(h.getLevel(), inlineText(h), 0);
                case org.commonmark.node.Paragraph p -> new Paragraph(inlineText(p), 0);
                case FencedCodeBlock code -> new Paragraph(code.getLiteral(), 0);
                case IndentedCodeBlock code -> new Paragraph(code.getLiteral(), 0);
                case HtmlBlock html -> new Paragraph(visibleText(html.getLiteral(), hidden), 0);
                case org.commonmark.ext.gfm.tables.TableBlock table -> table(table);
                default -> null;
            };
            if (node instanceof ListBlock || node instanceof ListItem || node instanceof BlockQuote) {
                collect(node, blocks, budget, context, hidden);
            } else if (block != null && !isBlank(block) && budget.admit(block)) {
                blocks.add(block);
            }
        }
    }

    /** The text of an HTML block without the elements a reader does not see, which go to {@code hidden}. */
    private static String visibleText(String html, List<HiddenText> hidden) {
        org.jsoup.nodes.Document document = Jsoup.parse(html);
        HtmlVisibility visibility = new HtmlVisibility(document);
        for (org.jsoup.nodes.Element element : document.body().select("*")) {
            HiddenText.Kind kind = element.parent() == null ? null : visibility.hiddenBecause(element);
            if (kind != null) {
                HiddenText text = HiddenText.of(kind, 0, element.text());
                if (text != null) {
                    hidden.add(text);
                }
                element.remove();
            }
        }
        return document.text();
    }

    private static TableBlock table(org.commonmark.ext.gfm.tables.TableBlock table) {
        CellGrid grid = new CellGrid();
        int row = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node tr = section.getFirstChild(); tr != null; tr = tr.getNext()) {
                if (!(tr instanceof TableRow)) {
                    continue;
                }
                grid.ensureRow(row);
                int col = 0;
                for (Node cell = tr.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        grid.place(row, col++, inlineText(cell), 1, 1);
                    }
                }
                row++;
            }
        }
        return grid.toTable("", 0);
    }

    private static String inlineText(Node node) {
        StringBuilder text = new StringBuilder();
        appendInline(node, text);
        return text.toString().strip();
    }

    private static void appendInline(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Text t -> text.append(t.getLiteral());
                case Code c -> text.append(c.getLiteral());
                case SoftLineBreak s -> text.append('\n');
                case HardLineBreak h -> text.append('\n');
                default -> appendInline(child, text);
            }
        }
    }

    private static boolean isBlank(Block block) {
        return switch (block) {
            case Heading h -> h.text().isBlank();
            case Paragraph p -> p.text().isBlank();
            case TableBlock t -> false;
        };
    }
}
