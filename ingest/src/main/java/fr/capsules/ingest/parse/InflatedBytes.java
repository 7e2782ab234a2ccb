package fr.capsules.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;

/**
 * Counts the bytes a file inflates to, before a parser inflates it for real, and stops the file at
 * {@link ParseLimits#maxDecompressedBytes()}: a few hundred kilobytes of Flate data can inflate to
 * gigabytes, which PDFBox decodes into memory ({@code Filter.decode} fills a heap buffer) and POI
 * bounds per entry only.
 *
 * <p>The count streams through a small buffer (nothing inflated is kept) and checks the file's
 * deadline every megabyte. PDF: every stream of the document, its Flate filters applied in their
 * order (a chain of Flate filters is where the largest ratios hide); a stream behind another filter
 * is counted up to that filter. ZIP (DOCX, XLSX): every entry, whatever the sizes its headers
 * claim. Damaged data is left to the parser, which reports it.
 */
final class InflatedBytes {

    private static final int BUFFER = 64 * 1024;
    private static final long CHECK_EVERY = 1024 * 1024;

    private final ParseContext context;
    private final long max;
    private long counted;
    private long sinceCheck;

    private InflatedBytes(ParseContext context) {
        this.context = context;
        this.max = context.limits().maxDecompressedBytes();
    }

    /**
     * @throws ParseLimitException when the streams of {@code document} inflate beyond the bound
     * @throws ParseTimeoutException when the file's time limit passes meanwhile
     */
    static void checkPdf(COSDocument document, ParseContext context) {
        InflatedBytes count = new InflatedBytes(context);
        for (COSObjectKey key : new ArrayList<>(document.getXrefTable().keySet())) {
            COSBase object;
            try {
                object = document.getObjectFromPool(key).getObject();
            } catch (RuntimeException e) {
                continue; // a broken object: PDFBox's own reading decides
            }
            if (object instanceof COSStream stream) {
                count.pdfStream(stream);
            }
        }
    }

    /**
     * @throws ParseLimitException when the entries of the ZIP archive {@code content} inflate
     *     beyond the bound
     * @throws ParseTimeoutException when the file's time limit passes meanwhile
     */
    static void checkZip(byte[] content, ParseContext context) {
        InflatedBytes count = new InflatedBytes(context);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                count.drain(zip);
            }
        } catch (ZipException e) {
            // Not readable as a stream of entries: POI reads it its own way and bounds each entry.
        } catch (IOException e) {
            // Same: the parser reports a damaged file.
        }
    }

    private void pdfStream(COSStream stream) {
        List<COSName> filters = filtersOf(stream);
        try (InputStream raw = stream.createRawInputStream()) {
            InputStream in = raw;
            for (COSName filter : filters) {
                if (!COSName.FLATE_DECODE.equals(filter) && !COSName.FLATE_DECODE_ABBREVIATION.equals(filter)) {
                    break;
                }
                in = new InflaterInputStream(in);
            }
            try (InputStream decoded = in) {
                drain(decoded);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ParseLimitException || e instanceof ParseTimeoutException) {
                throw (RuntimeException) e;
            }
            // Damaged Flate data: counted up to the damage; PDFBox's reading decides.
        }
    }

    private static List<COSName> filtersOf(COSStream stream) {
        COSBase filters = stream.getFilters();
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            counted += n;
            sinceCheck += n;
            if (counted > max) {
                throw ParseLimitException.decompressed(max);
            }
            if (sinceCheck >= CHECK_EVERY) {
                sinceCheck = 0;
                context.checkpoint();
            }
        }
    }
}
