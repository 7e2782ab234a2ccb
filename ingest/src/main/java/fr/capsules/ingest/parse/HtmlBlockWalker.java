package fr.capsules.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Walks an HTML body and emits blocks in reading order: headings, paragraphs (p, li, blockquote,
 * pre, and loose text in containers), tables. Navigation, footers, scripts and styles are
 * skipped; elements a reader does not see ({@link HtmlVisibility}) are set aside as hidden text. Not thread-safe: one instance per document.
 */
final class HtmlBlockWalker {

    private static final Set<String> SKIPPED = Set.of(
            "script", "style", "noscript", "template", "nav", "footer", "svg", "iframe", "object", "button",
            "select", "head");
    private static final Set<String> BLOCK_TAGS = Set.of(
            "p", "div", "section", "article", "main", "header", "aside", "li", "ul", "ol", "dl", "dt", "dd",
            "blockquote", "figure", "figcaption", "address", "hr", "details", "summary", "form", "fieldset",
            "legend", "center", "body", "caption", "tr", "td", "th", "tbody", "thead");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private final ParseContext context;
    private final HtmlVisibility visibility;
    private final List<Block> blocks = new ArrayList<>();
    private final List<HiddenText> hidden = new ArrayList<>();
    private final StringBuilder inline = new StringBuilder();

    HtmlBlockWalker(ParseContext context, HtmlVisibility visibility) {
        this.context = context;
        this.visibility = visibility;
    }

    /** The text of the elements left out because a reader does not see them. */
    List<HiddenText> hiddenText() {
        return List.copyOf(hidden);
    }

    List<Block> blocksOf(Element body) {
        walk(body);
        flush();
        return blocks;
    }

    private void walk(Element container) {
        for (Node child : container.childNodes()) {
            context.checkpoint();
            if (child instanceof TextNode text) {
                inline.append(text.text());
            } else if (child instanceof Element element) {
                visit(element);
            }
        }
    }

    private void visit(Element element) {
        String tag = element.normalName();
        if (SKIPPED.contains(tag)) {
            return;
        }
        HiddenText.Kind hiddenBecause = visibility.hiddenBecause(element);
        if (hiddenBecause != null) {
            HiddenText text = HiddenText.of(hiddenBecause, 0, element.text());
            if (text != null) {
                hidden.add(text);
            }
            return;
        }
        if (tag.equals("br")) {
            inline.append('\n');
        } else if (HEADINGS.contains(tag)) {
            flush();
            String text = element.text().strip();
            if (!text.isEmpty()) {
                blocks.add(new Heading(tag.charAt(1) - '0', text, 0));
            }
        } else if (tag.equals("pre")) {
            flush();
            String text = element.wholeText().strip();
            if (!text.isEmpty()) {
                blocks.add(new Paragraph(text, 0));
            }
        } else if (tag.equals("table") && !isLayoutTable(element)) {
            flush();
            TableBlock table = HtmlTables.toBlock(element);
            if (table != null) {
                blocks.add(table);
            }
        } else if (BLOCK_TAGS.contains(tag) || tag.equals("table")) {
            flush();
            walk(element);
            flush();
        } else {
            walk(element); // inline element: its text joins the current paragraph
        }
    }

    /** Tables used for page layout hold headings or other tables: read their content as blocks. */
    private static boolean isLayoutTable(Element table) {
        return !table.select("table table, h1, h2, h3, h4, h5, h6").isEmpty();
    }

    private void flush() {
        if (inline.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String line : inline.toString().split("\n")) {
            String clean = line.replaceAll("[ \\t\\u00A0]+", " ").strip();
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        inline.setLength(0);
        if (!lines.isEmpty()) {
            blocks.add(new Paragraph(String.join("\n", lines), 0));
        }
    }
}
