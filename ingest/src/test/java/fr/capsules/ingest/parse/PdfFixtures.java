package fr.capsules.ingest.parse;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Writes real PDF files with PDFBox: pages of styled lines, image-only pages, protection. */
final class PdfFixtures {

    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    /** One line of a page; {@code gapBefore} adds a blank line, which marks a new paragraph. */
    record Line(String text, PDType1Font font, float size, boolean gapBefore) {

        static Line title(String text) {
            return new Line(text, BOLD, 20, true);
        }

        static Line heading(String text) {
            return new Line(text, BOLD, 14, true);
        }

        static Line boldBody(String text) {
            return new Line(text, BOLD, 11, true);
        }

        static Line first(String text) {
            return new Line(text, REGULAR, 11, true);
        }

        static Line next(String text) {
            return new Line(text, REGULAR, 11, false);
        }
    }

    private final PDDocument document = new PDDocument();

    PdfFixtures page(Line... lines) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = 780;
            for (Line line : lines) {
                y -= line.gapBefore() ? line.size() * 2.4f : line.size() * 1.3f;
                content.beginText();
                content.setFont(line.font(), line.size());
                content.newLineAtOffset(60, y);
                content.showText(line.text());
                content.endText();
            }
        }
        return this;
    }

    /**
     * A page whose lines are each drawn twice, the second time {@code offset} points to the right:
     * the fake bold of some tools.
     */
    PdfFixtures overprintedPage(float offset, String... lines) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = 760;
            for (String line : lines) {
                for (float dx : new float[] {0, offset}) {
                    content.beginText();
                    content.setFont(REGULAR, 11);
                    content.newLineAtOffset(60 + dx, y);
                    content.showText(line);
                    content.endText();
                }
                y -= 30;
            }
        }
        return this;
    }

    /** A page without any content stream, as some tools leave a blank page. */
    PdfFixtures blankPage() {
        document.addPage(new PDPage(PDRectangle.A4));
        return this;
    }

    /** A page holding only a picture, like a scanned page without OCR. */
    PdfFixtures scannedPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.setColor(Color.BLACK);
        g.drawString("texte scanné", 20, 50);
        g.dispose();
        PDImageXObject xObject = LosslessFactory.createFromImage(document, image);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(xObject, 60, 500, 400, 200);
        }
        return this;
    }

    PdfFixtures title(String title) {
        document.getDocumentInformation().setTitle(title);
        return this;
    }

    PdfFixtures protect(String ownerPassword, String userPassword) throws IOException {
        AccessPermission permissions = new AccessPermission();
        permissions.setCanExtractContent(false);
        StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permissions);
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
        return this;
    }

    Path writeTo(Path file) throws IOException {
        try (document) {
            document.save(file.toFile());
        }
        return file;
    }

    byte[] bytes(Path dir, String name) throws IOException {
        return Files.readAllBytes(writeTo(dir.resolve(name)));
    }

    /** The 3-page inspection report used by several tests. */
    static PdfFixtures inspectionReport() throws IOException {
        return new PdfFixtures()
                .title("Rapport d'inspection EHPAD Les Tilleuls")
                .page(
                        Line.title("Rapport d'inspection"),
                        Line.heading("1. Contexte de l'inspection"),
                        Line.first("L'inspection a eu lieu le 12 mars 2024 à l'EHPAD Les Tilleuls,"),
                        Line.next("à la suite de deux réclamations de familles."),
                        Line.first("La mission était composée de deux inspecteurs de l'agence."))
                .page(
                        Line.heading("2. Constats"),
                        Line.boldBody("2.1 Écarts"),
                        Line.first("Écart n° 1 : l'établissement ne dispose pas d'un plan bleu à jour."),
                        Line.first("Écart n° 2 : les transmissions ne sont pas tracées la nuit."),
                        Line.boldBody("2.2 Remarques"),
                        Line.first("Remarque n° 1 : la procédure de signalement n'est pas affichée."))
                .page(
                        Line.heading("3. Conclusion"),
                        Line.first("Les mesures correctives figurent dans le tableau annexé."));
    }

    static byte[] manyPages(int count) throws IOException {
        PdfFixtures fixtures = new PdfFixtures();
        for (int i = 1; i <= count; i++) {
            fixtures.page(Line.heading(i + ". Section " + i), Line.first("Contenu de la page " + i + "."));
        }
        try (PDDocument document = fixtures.document; var out = new java.io.ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        }
    }

    static List<String> texts(ParsedDocument parsed) {
        List<String> texts = new ArrayList<>();
        for (Block block : parsed.blocks()) {
            switch (block) {
                case Heading h -> texts.add("H" + h.level() + "@" + h.page() + " " + h.text());
                case Paragraph p -> texts.add("P@" + p.page() + " " + p.text());
                case TableBlock t -> texts.add("T " + t.caption() + " " + t.headers() + " " + t.rows());
            }
        }
        return texts;
    }
}
