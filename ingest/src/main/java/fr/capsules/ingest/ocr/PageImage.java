package fr.capsules.ingest.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A page rendered for recognition: 8-bit grey at the configured resolution, lowered for pages so
 * large that the image would pass {@link #MAX_PIXELS} (a poster-sized page must not exhaust the
 * heap), encoded as a binary PGM, which Tesseract reads without decoding work.
 *
 * @param pgm the image as a binary PGM (P5)
 * @param dpi the resolution actually used
 */
public record PageImage(byte[] pgm, int dpi) {

    /** About an A3 page at 400 dpi. */
    static final long MAX_PIXELS = 40_000_000L;

    /** Renders page {@code page} (1-based) of {@code document} at {@code dpi} or below. */
    public static PageImage render(PDDocument document, int page, int dpi) throws IOException {
        PDRectangle box = document.getPage(page - 1).getCropBox();
        double widthInches = Math.max(box.getWidth(), 1) / 72.0;
        double heightInches = Math.max(box.getHeight(), 1) / 72.0;
        int fitting = (int) Math.floor(Math.sqrt(MAX_PIXELS / (widthInches * heightInches)));
        int used = Math.max(1, Math.min(dpi, fitting));
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, used, ImageType.GRAY);
        return new PageImage(pgm(image), used);
    }

    /** Encodes an image as a binary PGM, converting it to 8-bit grey first when it is not. */
    public static byte[] pgm(BufferedImage image) {
        BufferedImage grey = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            var g = grey.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] header = ("P5\n" + grey.getWidth() + " " + grey.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        int stride = grey.getWidth();
        byte[] out = new byte[header.length + stride * grey.getHeight()];
        System.arraycopy(header, 0, out, 0, header.length);
        // A raster may be a view into a larger buffer: copy row by row from its own offsets.
        var raster = grey.getRaster();
        var model = (java.awt.image.ComponentSampleModel) raster.getSampleModel();
        int scanline = model.getScanlineStride();
        int origin = ((DataBufferByte) raster.getDataBuffer()).getOffset()
                - raster.getSampleModelTranslateY() * scanline - raster.getSampleModelTranslateX();
        for (int y = 0; y < grey.getHeight(); y++) {
            System.arraycopy(pixels, origin + y * scanline, out, header.length + y * stride, stride);
        }
        return out;
    }
}
