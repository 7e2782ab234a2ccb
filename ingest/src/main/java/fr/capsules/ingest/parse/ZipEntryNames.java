package fr.capsules.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lists the entry names of a ZIP archive held in memory by reading its central directory only, so
 * that telling a DOCX from an XLSX never inflates anything (a ZIP bomb stays inert here).
 */
final class ZipEntryNames {

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    private static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;

    private ZipEntryNames() {}

    /**
     * The names found in the central directory; when it is missing (truncated archive) the names
     * of the local headers found by scanning. Empty when nothing readable was found.
     */
    static Set<String> of(byte[] zip) {
        Set<String> names = new LinkedHashSet<>();
        int eocd = findEndOfCentralDirectory(zip);
        if (eocd >= 0) {
            readCentralDirectory(zip, eocd, names);
        }
        if (names.isEmpty()) {
            scanLocalHeaders(zip, names);
        }
        return names;
    }

    private static int findEndOfCentralDirectory(byte[] zip) {
        int lowest = Math.max(0, zip.length - 22 - 0xFFFF);
        for (int i = zip.length - 22; i >= lowest; i--) {
            if (int32(zip, i) == EOCD_SIGNATURE) {
                return i;
            }
        }
        return -1;
    }

    private static void readCentralDirectory(byte[] zip, int eocd, Set<String> names) {
        int count = int16(zip, eocd + 10);
        long offset = int32(zip, eocd + 16) & 0xFFFFFFFFL;
        int pos = (int) Math.min(offset, zip.length);
        for (int i = 0; i < count && pos + 46 <= zip.length; i++) {
            if (int32(zip, pos) != CENTRAL_HEADER_SIGNATURE) {
                return;
            }
            int nameLength = int16(zip, pos + 28);
            int extraLength = int16(zip, pos + 30);
            int commentLength = int16(zip, pos + 32);
            if (pos + 46 + nameLength > zip.length) {
                return;
            }
            names.add(new String(zip, pos + 46, nameLength, StandardCharsets.UTF_8));
            pos += 46 + nameLength + extraLength + commentLength;
        }
    }

    private static void scanLocalHeaders(byte[] zip, Set<String> names) {
        for (int i = 0; i + 30 <= zip.length; i++) {
            if (int32(zip, i) == LOCAL_HEADER_SIGNATURE) {
                int nameLength = int16(zip, i + 26);
                if (nameLength > 0 && i + 30 + nameLength <= zip.length) {
                    names.add(new String(zip, i + 30, nameLength, StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static int int16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
