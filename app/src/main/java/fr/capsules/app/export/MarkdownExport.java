package fr.capsules.app.export;

import fr.capsules.app.export.ExportDocument.Source;
import fr.capsules.app.export.ExportDocument.TableBody;
import fr.capsules.app.export.ExportDocument.TextBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown (CommonMark with GitHub tables): a YAML front matter holding the provenance facts under the same keys as
 * the other formats, a blockquote with the visible label, the capsule and the model, the title, the body (paragraphs
 * or a pipe table, whose last column names each row's sources), a "## Sources" section and, when warnings were
 * acknowledged at validation, an annex table of them.
 *
 * <p>User text is escaped so that it renders as written: no HTML, no links, no headings or lists smuggled in by a
 * line start, and no {@code |} breaking a table row. Web addresses and e-mail addresses, which renderers with
 * GitHub's autolink extension turn into links even when escaped, are written as code spans: shown as text, never
 * live.
 */
final class MarkdownExport {

    /** ASCII punctuation that starts an inline construct (emphasis, code, links, HTML, entities, tables). */
    private static final Pattern INLINE_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>|~&!])");

    /**
     * What an autolinking renderer (GitHub's extension) links: {@code scheme://…}, {@code www.…}, {@code mailto:…} and
     * e-mail addresses. A match never holds a backtick or a pipe, so it can become a code span inside a table cell.
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)(?:[a-z][a-z0-9+.-]{1,31}://|www\\.|mailto:|xmpp:)[^\\s<>`|]+|[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+");
    /** Punctuation that ends a sentence rather than an address, left out of the code span. */
    private static final Pattern TRAILING = Pattern.compile("[.,;:!?)\\]\"'»]+$");

    /** Line starts that CommonMark reads as a block: heading, quote, list item, setext underline, thematic break. */
    private static final Pattern BLOCK_START = Pattern.compile("^([#>+\\-=])|^(\\d{1,9})([.)])");

    byte[] write(ExportDocument document, Provenance provenance) {
        StringBuilder md = new StringBuilder();
        frontMatter(md, provenance);
        md.append("> **").append(inline(provenance.label())).append("**  \n");
        md.append("> ").append(inline(provenance.capsuleLine())).append("  \n");
        md.append("> ").append(inline(provenance.modelLine())).append("\n\n");
        md.append("# ").append(inline(provenance.title())).append("\n\n");
        switch (document.body()) {
            case TextBody text -> text.paragraphs().forEach(paragraph -> md.append(paragraph(paragraph)).append("\n\n"));
            case TableBody table -> table(md, table);
        }
        if (!document.sources().isEmpty()) {
            md.append("## Sources\n\n");
            for (Source source : document.sources()) {
                md.append("- ").append(inline(ExportProvenance.oneLine(source.line()))).append('\n');
            }
        }
        if (!document.acknowledgedWarnings().isEmpty()) {
            md.append(document.sources().isEmpty() ? "" : "\n").append("## ").append(inline(ExportDocument.ANNEX_TITLE))
                    .append("\n\n");
            grid(md, ExportDocument.ANNEX_HEADERS, document.annexRows());
        }
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void frontMatter(StringBuilder md, Provenance provenance) {
        md.append("---\n");
        md.append("title: ").append(yamlString(provenance.title())).append('\n');
        for (Provenance.Fact fact : provenance.facts()) {
            md.append(fact.key()).append(": ");
            // Booleans and numbers stay typed; every string is double-quoted so no value can be read as YAML syntax.
            md.append(fact.value() instanceof String text ? yamlString(text) : fact.text()).append('\n');
        }
        md.append("---\n\n");
    }

    private static void table(StringBuilder md, TableBody table) {
        List<List<String>> lines = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            lines.add(table.line(r));
        }
        grid(md, table.headers(), lines);
    }

    private static void grid(StringBuilder md, List<String> headers, List<List<String>> lines) {
        md.append('|');
        headers.forEach(header -> md.append(' ').append(cell(header)).append(" |"));
        md.append("\n|");
        headers.forEach(header -> md.append(" --- |"));
        md.append('\n');
        for (List<String> line : lines) {
            md.append('|');
            line.forEach(value -> md.append(' ').append(cell(value)).append(" |"));
            md.append('\n');
        }
        md.append('\n');
    }

    /** A paragraph: each line escaped, line breaks kept as hard breaks. */
    private static String paragraph(String text) {
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
            if (!paragraph.isEmpty()) {
                paragraph.append("\\\n");
            }
            paragraph.append(blockSafe(inline(line)));
        }
        return paragraph.toString();
    }

    /** A table cell lives on one line: line breaks become {@code <br>}, the only HTML this writer emits. */
    private static String cell(String text) {
        return String.join("<br>", text.lines().map(line -> inline(line.strip())).toList());
    }

    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher address = ADDRESS.matcher(text);
        int from = 0;
        while (address.find()) {
            String found = address.group();
            String shown = TRAILING.matcher(found).replaceFirst("");
            out.append(escaped(text.substring(from, address.start())));
            out.append("`").append(shown).append("`");
            from = address.start() + shown.length();
        }
        return out.append(escaped(text.substring(from))).toString();
    }

    private static String escaped(String text) {
        return INLINE_SPECIAL.matcher(text).replaceAll("\\\\$1");
    }

    private static String blockSafe(String line) {
        return BLOCK_START.matcher(line).replaceFirst(match -> match.group(1) != null
                ? "\\\\" + match.group(1)
                : match.group(2) + "\\\\" + match.group(3));
    }

    /** A YAML double-quoted scalar: backslash, quote and every control character escaped. */
    static String yamlString(String text) {
        StringBuilder yaml = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> yaml.append("\\\"");
                case '\\' -> yaml.append("\\\\");
                case '\n' -> yaml.append("\\n");
                case '\t' -> yaml.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || (c >= 0xD800 && c <= 0xDFFF)) {
                        yaml.append("\\u%04x".formatted(c));
                    } else {
                        yaml.appendCodePoint(c);
                    }
                }
            }
        });
        return yaml.append('"').toString();
    }
}
