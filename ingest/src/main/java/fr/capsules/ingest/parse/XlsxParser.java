package fr.capsules.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an Excel workbook sheet by sheet (see {@link XlsxSheetReader}); empty sheets are skipped.
 * The page count is the number of sheets.
 */
final class XlsxParser implements DocumentParser {

    @Override
    public DocumentFormat format() {
        return DocumentFormat.XLSX;
    }

    @Override
    public ParsedDocument parse(byte[] content, ParseContext context) throws IOException {
        InflatedBytes.checkZip(content, context);
        try (XSSFWorkbook workbook = OoxmlGuard.open("classeur Excel",
                () -> new XSSFWorkbook(new ByteArrayInputStream(content)))) {
            List<String> warnings = new ArrayList<>();
            List<Block> blocks = new ArrayList<>();
            XlsxSheetReader reader = new XlsxSheetReader(new XlsxCells(), context);
            TextBudget budget = new TextBudget(context.limits());
            int sheets = workbook.getNumberOfSheets();
            int readable = Math.min(sheets, context.limits().maxPages());
            sheetLoop:
            for (int i = 0; i < readable; i++) {
                context.checkpoint();
                for (Block block : reader.read(workbook.getSheetAt(i), warnings)) {
                    if (!budget.admit(block)) {
                        break sheetLoop;
                    }
                    blocks.add(block);
                }
            }
            budget.reportTo(warnings);
            if (readable < sheets) {
                warnings.add("classeur tronqué : seules les " + readable + " premières feuilles sur " + sheets
                        + " ont été lues");
            }
            return new ParsedDocument(DocumentFormat.XLSX, title(workbook), sheets, blocks, warnings);
        }
    }

    private static String title(XSSFWorkbook workbook) {
        POIXMLProperties properties = workbook.getProperties();
        String title = properties == null ? null : properties.getCoreProperties().getTitle();
        return title == null || title.isBlank() ? null : title.strip();
    }
}
