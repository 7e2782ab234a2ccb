package fr.capsules.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.Adler32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Hostile files, small on disk and huge once inflated, written by their libraries in the test:
 * a PDF whose page content is a Flate stream of zeros, and a DOCX whose document part is
 * megabytes of spaces.
 */
public final class Bombs {

    private Bombs() {}

    /** A one-page PDF whose content stream inflates to {@code inflatedBytes} zero bytes. */
    public static byte[] pdf(long inflatedBytes) throws IOException {
        return pdf(deflatedZeros(inflatedBytes), COSName.FLATE_DECODE);
    }

    /**
     * The same bomb behind an ASCIIHex filter first ({@code [/ASCIIHexDecode /FlateDecode]}): a
     * count of Flate data alone does not see it; the child's heap bound stops it.
     */
    public static byte[] pdfBehindHex(long inflatedBytes) throws IOException {
        byte[] hex = (HexFormat.of().formatHex(deflatedZeros(inflatedBytes)) + ">").getBytes(StandardCharsets.US_ASCII);
        COSArray filters = new COSArray();
        filters.add(COSName.ASCII_HEX_DECODE);
        filters.add(COSName.FLATE_DECODE);
        return pdf(hex, filters);
    }

    private static byte[] pdf(byte[] raw, org.apache.pdfbox.cos.COSBase filter) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream content = document.getDocument().createCOSStream();
            try (OutputStream out = content.createRawOutputStream()) {
                out.write(raw);
            }
            content.setItem(COSName.FILTER, filter);
            page.getCOSObject().setItem(COSName.CONTENTS, content);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes, CompressParameters.NO_COMPRESSION);
            return bytes.toByteArray();
        }
    }

    /** A DOCX whose {@code word/document.xml} holds one paragraph of {@code spaces} spaces. */
    public static byte[] docx(long spaces) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                    Target="word/document.xml"/></Relationships>""");
            zip.setLevel(Deflater.BEST_SPEED); // tens of seconds less for hundreds of megabytes, still ~1:1000
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body><w:p><w:r><w:t xml:space=\"preserve\">Rapport ").getBytes(StandardCharsets.UTF_8));
            byte[] blank = new byte[1024 * 1024];
            java.util.Arrays.fill(blank, (byte) ' ');
            for (long left = spaces; left > 0; left -= blank.length) {
                zip.write(blank, 0, (int) Math.min(blank.length, left));
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /**
     * A zlib stream of {@code count} zeros, built fast: one megabyte of zeros deflated once as a
     * byte-aligned block ({@code SYNC_FLUSH}), that block repeated, a final empty block, then the
     * Adler-32 of the whole. Deflating a gigabyte for real takes tens of seconds.
     */
    private static byte[] deflatedZeros(long count) throws IOException {
        int chunk = 1024 * 1024;
        byte[] zeros = new byte[chunk];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] block;
        byte[] tail;
        try {
            deflater.setInput(zeros);
            block = drain(deflater, Deflater.SYNC_FLUSH);
            deflater.finish();
            tail = drain(deflater, Deflater.NO_FLUSH);
        } finally {
            deflater.end();
        }
        Adler32 adler = new Adler32();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0x78);
        bytes.write(0xDA);
        long chunks = Math.ceilDiv(count, chunk);
        for (long i = 0; i < chunks; i++) {
            bytes.write(block);
            adler.update(zeros);
        }
        bytes.write(tail);
        long sum = adler.getValue();
        bytes.write((int) (sum >>> 24));
        bytes.write((int) (sum >>> 16));
        bytes.write((int) (sum >>> 8));
        bytes.write((int) sum);
        return bytes.toByteArray();
    }

    private static byte[] drain(Deflater deflater, int flush) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, flush);
            out.write(buffer, 0, n);
            if (n < buffer.length && (flush == Deflater.SYNC_FLUSH || deflater.finished())) {
                return out.toByteArray();
            }
        }
    }
}
