package fr.capsules.ingest.ocr;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scanned pages made for tests and the OCR benchmark: French inspection-report text written for
 * the project, drawn with Java2D on an A4 sheet at a given resolution, optionally degraded like a
 * real scan (slight skew, a rubber stamp, grey noise and specks), and PDFs whose pages are such
 * images without any text layer.
 */
public final class ScanFixtures {

    private static final double A4_WIDTH_INCHES = 8.27;
    private static final double A4_HEIGHT_INCHES = 11.69;

    private ScanFixtures() {}

    /** The project's paragraphs (src/test/resources/ocr), in order. */
    public static List<String> paragraphs() {
        try (InputStream in = ScanFixtures.class.getResourceAsStream("/ocr/paragraphes-inspection.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page {@code n} (1-based) of the benchmark: a heading line and four paragraphs, rotating. */
    public static List<String> pageParagraphs(int n) {
        List<String> all = paragraphs();
        List<String> page = new ArrayList<>();
        page.add("Rapport d'inspection du 12 mars 2024 - page " + n);
        for (int i = 0; i < 4; i++) {
            page.add(all.get(((n - 1) * 5 + i * 7) % all.size()));
        }
        return page;
    }

    /** A clean page: black serif text on white, no skew, no noise. */
    public static BufferedImage cleanScan(List<String> paragraphs, int dpi) {
        return scan(paragraphs, dpi, null);
    }

    /** A page degraded like a photocopied scan, reproducibly from {@code seed}. */
    public static BufferedImage noisyScan(List<String> paragraphs, int dpi, long seed) {
        return scan(paragraphs, dpi, new Random(seed));
    }

    private static BufferedImage scan(List<String> paragraphs, int dpi, Random degradation) {
        int width = (int) Math.round(A4_WIDTH_INCHES * dpi);
        int height = (int) Math.round(A4_HEIGHT_INCHES * dpi);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (degradation != null) {
            // Slight skew, as from a sheet laid a little askew on the glass: up to ±1°.
            double degrees = (degradation.nextDouble() * 2 - 1);
            g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font("Liberation Serif", Font.PLAIN, points(11, dpi)));
        int margin = dpi; // one inch
        int bottom = drawText(g, paragraphs, margin, margin, width - 2 * margin);
        if (degradation != null) {
            stamp(g, width - margin - points(150, dpi), Math.min(bottom, height - margin - points(60, dpi)), dpi,
                    degradation);
        }
        g.dispose();
        if (degradation != null) {
            addNoise(image, degradation);
        }
        return image;
    }

    private static int points(double points, int dpi) {
        return (int) Math.round(points * dpi / 72.0);
    }

    /** Draws the paragraphs wrapped to {@code width}, a blank line between them; answers the y below the text. */
    private static int drawText(Graphics2D g, List<String> paragraphs, int x, int y, int width) {
        FontMetrics metrics = g.getFontMetrics();
        int lineHeight = (int) Math.round(metrics.getHeight() * 1.15);
        int baseline = y + metrics.getAscent();
        for (String paragraph : paragraphs) {
            for (String line : wrap(paragraph, metrics, width)) {
                g.drawString(line, x, baseline);
                baseline += lineHeight;
            }
            baseline += lineHeight / 2;
        }
        return baseline;
    }

    private static List<String> wrap(String paragraph, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A round "received" stamp in translucent grey ink, tilted, over the end of the text. */
    private static void stamp(Graphics2D g, int x, int y, int dpi, Random random) {
        Graphics2D s = (Graphics2D) g.create();
        s.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
        s.setColor(new Color(70, 70, 70));
        s.rotate(Math.toRadians(-12 - random.nextInt(10)), x, y);
        int diameter = points(110, dpi);
        s.setStroke(new BasicStroke(points(2.5, dpi)));
        s.drawOval(x, y - diameter / 2, diameter, diameter);
        s.drawOval(x + points(8, dpi), y - diameter / 2 + points(8, dpi), diameter - points(16, dpi),
                diameter - points(16, dpi));
        s.setFont(new Font("Liberation Sans", Font.BOLD, points(10, dpi)));
        s.drawString("ARS - REÇU LE", x + points(18, dpi), y - points(6, dpi));
        s.drawString("02 MAI 2024", x + points(24, dpi), y + points(10, dpi));
        s.dispose();
    }

    /** Grey noise on every pixel, specks of dust, and a lighter toner band. */
    private static void addNoise(BufferedImage image, Random random) {
        var raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        int bandTop = random.nextInt(height);
        int bandHeight = height / 12;
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            boolean band = y >= bandTop && y < bandTop + bandHeight;
            for (int x = 0; x < width; x++) {
                int v = row[x] + (int) Math.round(random.nextGaussian() * 18) + (band ? 35 : 0);
                if (random.nextInt(2_000) == 0) {
                    v = random.nextBoolean() ? 0 : 255;
                }
                row[x] = Math.max(0, Math.min(255, v));
            }
            raster.setSamples(0, y, width, 1, 0, row);
        }
    }

    /** A PDF of A4 pages, each one of {@code images} drawn over the whole page, with no text layer. */
    public static byte[] pdfOf(List<BufferedImage> images) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (BufferedImage image : images) {
                PDImageXObject xObject = LosslessFactory.createFromImage(document, image);
                addImagePage(document, xObject);
            }
            return save(document);
        }
    }

    /**
     * A PDF of {@code pages} pages drawing one and the same small image (stored once): a long scan
     * that costs little to make.
     */
    public static byte[] repeatedScan(BufferedImage image, int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDImageXObject xObject = LosslessFactory.createFromImage(document, image);
            for (int i = 0; i < pages; i++) {
                addImagePage(document, xObject);
            }
            return save(document);
        }
    }

    /** A PDF whose page 1 has a text layer with {@code text} and whose page 2 is {@code scan}. */
    public static byte[] mixed(String text, BufferedImage scan) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 760);
                content.showText(text);
                content.endText();
            }
            addImagePage(document, LosslessFactory.createFromImage(document, scan));
            return save(document);
        }
    }

    private static void addImagePage(PDDocument document, PDImageXObject xObject) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(xObject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /** The reference text of a page for error rates: its paragraphs, whitespace collapsed. */
    public static String reference(List<String> paragraphs) {
        return CharacterErrorRate.normalise(String.join(" ", paragraphs));
    }
}
