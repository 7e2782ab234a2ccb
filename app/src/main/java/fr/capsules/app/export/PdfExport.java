package fr.capsules.app.export;

import fr.capsules.app.export.ExportDocument.Column;
import fr.capsules.app.export.ExportDocument.Source;
import fr.capsules.app.export.ExportDocument.TableBody;
import fr.capsules.app.export.ExportDocument.TextBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * PDF: the label in bold, the capsule and model lines and the title at the top of the first page (the label also
 * heads every page), then the text wrapped into paragraphs, or the table drawn with its header repeated on each page,
 * then the sources. Text answers are on portrait A4, tables on landscape A4. Fonts: see {@link PdfText}; metadata:
 * see {@link PdfMetadata}.
 */
final class PdfExport {

    private static final float BODY_SIZE = 10.5f;

    byte[] write(ExportDocument document, Provenance provenance) throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PdfMetadata.write(pdf, provenance);
            pdf.getDocumentCatalog().setLanguage("fr-FR");
            PdfText text = PdfText.load(pdf);
            boolean table = document.body() instanceof TableBody;
            PDRectangle size = table ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
            PdfPages pages = new PdfPages(pdf, size, text, provenance.label() + " · " + provenance.capsuleLine());

            pages.paragraph(provenance.label(), text.bold, 11, 2);
            pages.paragraph(provenance.capsuleLine(), text.regular, 9.5f, 1);
            pages.paragraph(provenance.modelLine(), text.regular, 9.5f, 12);
            pages.paragraph(provenance.title(), text.bold, 15, 10);

            switch (document.body()) {
                case TextBody body -> {
                    for (String paragraph : body.paragraphs()) {
                        pages.paragraph(paragraph, text.regular, BODY_SIZE, 6);
                    }
                }
                case TableBody body -> tableLayout(text, body).draw(pages);
            }
            sources(pages, text, document.sources());
            pages.finish();
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static PdfTableLayout tableLayout(PdfText text, TableBody table) {
        List<String> headers = table.columns().stream().map(Column::title).toList();
        List<List<String>> rows = table.rows().stream()
                .map(row -> table.columns().stream().map(column -> table.cell(row, column)).toList())
                .toList();
        return new PdfTableLayout(text, headers, rows);
    }

    private static void sources(PdfPages pages, PdfText text, List<Source> sources) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        pages.space(12);
        pages.paragraph("Sources", text.bold, 12, 4);
        for (Source source : sources) {
            pages.paragraph(source.line(), text.regular, 9, 2);
        }
    }
}
