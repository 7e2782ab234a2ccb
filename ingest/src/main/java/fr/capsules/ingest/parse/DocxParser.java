package fr.capsules.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Reads the body of a Word document in order: styled headings, paragraphs and list items, tables.
 * Headers, footers, footnotes, comments and text boxes are not read; hidden runs are set aside
 * ({@link DocxVisibility}).
 */
final class DocxParser implements DocumentParser {

    @Override
    public DocumentFormat format() {
        return DocumentFormat.DOCX;
    }

    @Override
    public ParsedDocument parse(byte[] content, ParseContext context) throws IOException {
        InflatedBytes.checkZip(content, context);
        try (XWPFDocument document = OoxmlGuard.open("document Word",
                () -> new XWPFDocument(new ByteArrayInputStream(content)))) {
            DocxHeadingLevels headings = new DocxHeadingLevels(document.getStyles());
            DocxVisibility visibility = new DocxVisibility(document.getStyles());
            TextBudget budget = new TextBudget(context.limits());
            List<Block> blocks = new ArrayList<>();
            for (IBodyElement element : document.getBodyElements()) {
                context.checkpoint();
                Block block = toBlock(element, headings, visibility);
                if (block != null && !budget.admit(block)) {
                    break;
                }
                if (block != null) {
                    blocks.add(block);
                }
            }
            List<String> warnings = new ArrayList<>();
            budget.reportTo(warnings);
            return new ParsedDocument(DocumentFormat.DOCX, title(document), 0, blocks, warnings, visibility.hiddenText());
        }
    }

    private static Block toBlock(IBodyElement element, DocxHeadingLevels headings, DocxVisibility visibility) {
        return switch (element) {
            case XWPFParagraph p -> paragraph(p, headings, visibility);
            case XWPFTable t -> DocxTables.toBlock(t, visibility);
            case XWPFSDT sdt -> blankToNull(sdt.getContent().getText(), text -> new Paragraph(text, 0));
            default -> null;
        };
    }

    private static Block paragraph(XWPFParagraph p, DocxHeadingLevels headings, DocxVisibility visibility) {
        int level = headings.levelOf(p);
        return blankToNull(visibility.text(p), text -> level > 0 ? new Heading(level, text, 0) : new Paragraph(text, 0));
    }

    private static Block blankToNull(String text, Function<String, Block> factory) {
        return text == null || text.isBlank() ? null : factory.apply(text.strip());
    }

    private static String title(XWPFDocument document) {
        POIXMLProperties properties = document.getProperties();
        String title = properties == null ? null : properties.getCoreProperties().getTitle();
        return title == null || title.isBlank() ? null : title.strip();
    }
}
