package fr.capsules.app.export;

import fr.capsules.app.export.ExportDocument.Source;
import fr.capsules.app.export.ExportDocument.TableBody;
import fr.capsules.app.export.ExportDocument.TextBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * PDF: the label in bold, the capsule and model lines and the title at the top of the first page (the label also
 * heads every page), then the text wrapped into paragraphs, or the table drawn with its header repeated on each page
 * (a last "Sources" column naming what each row rests on), then the sources, then the annex of the warnings
 * acknowledged at validation. Text answers are on portrait A4, tables on landscape A4.
 *
 * <p>The file is tagged for PDF/UA-1: a structure tree in reading order (title {@code H1}, {@code P} paragraphs,
 * {@code H2} section headings, tables as {@code Table → TR → TH | TD}), pagination and layout marked as artifacts,
 * the language ({@code fr}) on the catalog, the title shown by viewers. Fonts: see {@link PdfText}; structure: see
 * {@link PdfStructure}; metadata: see {@link PdfMetadata}.
 */
final class PdfExport {

    static final String LANGUAGE = "fr";
    private static final float BODY_SIZE = 10.5f;

    byte[] write(ExportDocument document, Provenance provenance) throws IOException {
        try (PDDocument pdf = new PDDocument();
                PdfText text = PdfText.load(pdf);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            pdf.setVersion(1.7f);
            PdfMetadata.write(pdf, provenance);
            pdf.getDocumentCatalog().setLanguage(LANGUAGE);
            boolean table = document.body() instanceof TableBody;
            PDRectangle size = table ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
            PdfPages pages = new PdfPages(pdf, size, text, provenance.label() + " · " + provenance.capsuleLine(),
                    new PdfStructure(pdf));

            pages.paragraph(StandardStructureTypes.P, provenance.label(), text.bold, 11, 2);
            pages.paragraph(StandardStructureTypes.P, provenance.capsuleLine(), text.regular, 9.5f, 1);
            pages.paragraph(StandardStructureTypes.P, provenance.modelLine(), text.regular, 9.5f, 12);
            pages.paragraph(StandardStructureTypes.H1, provenance.title(), text.bold, 15, 10);

            switch (document.body()) {
                case TextBody body -> {
                    for (String paragraph : body.paragraphs()) {
                        pages.paragraph(StandardStructureTypes.P, paragraph, text.regular, BODY_SIZE, 6);
                    }
                }
                case TableBody body -> tableLayout(text, body).draw(pages);
            }
            sources(pages, text, document.sources());
            annex(pages, text, document);
            pages.finish();
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static PdfTableLayout tableLayout(PdfText text, TableBody table) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            rows.add(table.line(r));
        }
        return new PdfTableLayout(text, table.headers(), rows);
    }

    private static void sources(PdfPages pages, PdfText text, List<Source> sources) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        pages.space(12);
        pages.paragraph(StandardStructureTypes.H2, "Sources", text.bold, 12, 4);
        for (Source source : sources) {
            pages.paragraph(StandardStructureTypes.P, source.line(), text.regular, 9, 2);
        }
    }

    private static void annex(PdfPages pages, PdfText text, ExportDocument document) throws IOException {
        if (document.acknowledgedWarnings().isEmpty()) {
            return;
        }
        pages.space(12);
        pages.paragraph(StandardStructureTypes.H2, ExportDocument.ANNEX_TITLE, text.bold, 12, 4);
        new PdfTableLayout(text, ExportDocument.ANNEX_HEADERS, document.annexRows()).draw(pages);
    }
}
