import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders a page of typed text as a greyish, slightly rotated, speckled JPEG, the way a letter
 * that went through the office scanner looks. The resulting PDF page has no text layer at all.
 */
final class ScanImage {
    private ScanImage() {}

    private static final int DPI = 110;

    static byte[] render(Doc.Scan scan, Path fontDir) throws IOException {
        int w = (int) (8.27 * DPI), h = (int) (11.69 * DPI);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        Random rnd = new Random(scan.seed());
        g.setColor(new Color(226, 226, 226));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.rotate(Math.toRadians(0.8), w / 2.0, h / 2.0);
        g.setColor(new Color(250, 250, 248));
        g.fillRect(18, 10, w - 30, h - 16);
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, fontDir.resolve("DejaVuSerif.ttf").toFile()).deriveFont(15f);
        } catch (FontFormatException e) {
            throw new IOException(e);
        }
        g.setFont(font);
        g.setColor(new Color(55, 55, 55));
        int x = 95, y = 120, lead = 24;
        for (String line : scan.lines()) {
            if (line.startsWith("##")) {
                g.setFont(font.deriveFont(Font.BOLD, 16f));
                g.drawString(line.substring(2).strip(), x, y);
                g.setFont(font);
            } else if (line.equals("~signature~")) {
                signature(g, rnd, x + 300, y);
                y += 30;
            } else {
                g.drawString(line, x, y);
            }
            y += lead;
        }
        g.dispose();
        speckle(img, rnd);
        return jpeg(img);
    }

    private static void signature(Graphics2D g, Random rnd, int x, int y) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y);
        for (int k = 0; k < 9; k++)
            p.curveTo(x + k * 14 + 5, y - 18 - rnd.nextInt(12), x + k * 14 + 9, y + 10 + rnd.nextInt(8), x + (k + 1) * 14, y - rnd.nextInt(6));
        g.setStroke(new BasicStroke(1.6f));
        g.draw(p);
    }

    private static void speckle(BufferedImage img, Random rnd) {
        for (int k = 0; k < 2500; k++) {
            int x = rnd.nextInt(img.getWidth()), y = rnd.nextInt(img.getHeight());
            int v = 120 + rnd.nextInt(100);
            img.getRaster().setSample(x, y, 0, v);
        }
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < 14; x++) img.getRaster().setSample(x, y, 0, 90 + x * 8);
    }

    private static byte[] jpeg(BufferedImage img) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.6f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
