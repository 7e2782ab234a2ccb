package fr.capsules.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a plain text file as paragraphs separated by blank lines; line breaks inside a paragraph
 * are kept. Encoding is detected by {@link TextDecoding}.
 */
final class TextParser implements DocumentParser {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\f\\u00A0]*\\n\\s*");

    @Override
    public DocumentFormat format() {
        return DocumentFormat.TEXT;
    }

    @Override
    public ParsedDocument parse(byte[] content, ParseContext context) {
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        List<String> warnings = new ArrayList<>();
        decoded.reportTo(warnings);
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n');
        TextBudget budget = new TextBudget(context.limits());
        List<Block> blocks = new ArrayList<>();
        for (String part : BLANK_LINES.split(text)) {
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
