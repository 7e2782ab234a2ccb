package fr.capsules.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plain text file as paragraphs separated by blank lines; line breaks inside a paragraph
 * are kept. Encoding is detected by {@link TextDecoding}.
 */
final class TextParser implements DocumentParser {

    /**
     * The parts of {@code text} between blank lines: what {@code
     * Pattern.compile("\\n[ \\t\\f\\u00A0]*\\n\\s*").split(text)} gives, found by looking at the line
     * breaks only rather than by trying the expression at every character ({@code
     * TextParserTests} compares the two on generated texts).
     */
    static List<String> paragraphs(String text) {
        List<String> parts = new ArrayList<>();
        int partStart = 0;
        int from = 0;
        int lineBreak;
        while ((lineBreak = text.indexOf('\n', from)) >= 0) {
            int i = lineBreak + 1;
            while (i < text.length() && isBlankLineSpace(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '\n') {
                int end = i + 1;
                while (end < text.length() && isRegexSpace(text.charAt(end))) {
                    end++;
                }
                parts.add(text.substring(partStart, lineBreak));
                partStart = end;
                from = end;
            } else {
                from = lineBreak + 1;
            }
        }
        if (parts.isEmpty()) {
            return List.of(text); // no blank line: Pattern.split gives the text itself, even empty
        }
        parts.add(text.substring(partStart));
        // Pattern.split drops the empty parts at the end.
        int size = parts.size();
        while (size > 0 && parts.get(size - 1).isEmpty()) {
            parts.remove(--size);
        }
        return parts;
    }

    private static boolean isBlankLineSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u00A0';
    }

    /** {@code \\s} without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    @Override
    public DocumentFormat format() {
        return DocumentFormat.TEXT;
    }

    @Override
    public ParsedDocument parse(byte[] content, ParseContext context) {
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        List<String> warnings = new ArrayList<>();
        decoded.reportTo(warnings);
        String text = decoded.text();
        if (text.indexOf('\r') >= 0) { // without one, both replacements are no-ops: one scan instead of two
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        TextBudget budget = new TextBudget(context.limits());
        List<Block> blocks = new ArrayList<>();
        for (String part : paragraphs(text)) {
            context.checkpoint();
            String paragraph = part.strip();
            if (paragraph.isEmpty()) {
                continue;
            }
            if (!budget.admit(paragraph)) {
                break;
            }
            blocks.add(new Paragraph(paragraph, 0));
        }
        budget.reportTo(warnings);
        return new ParsedDocument(DocumentFormat.TEXT, null, 0, blocks, warnings);
    }
}
