package fr.capsules.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Decides the {@link DocumentFormat} of an uploaded file from its content first and its name
 * second. Binary formats are recognised by their magic bytes only, whatever the extension says
 * (every report is named "rapport.pdf", and a PNG renamed ".pdf" must not reach the PDF parser);
 * the extension only chooses among text formats.
 *
 * <p>Stateless and thread-safe. Never inflates a ZIP entry.
 */
public final class FormatDetector {

    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    /** The PDF header may legally follow some junk bytes; readers look within the first KiB. */
    private static final int PDF_HEADER_WINDOW = 1024;
    private static final int TEXT_SNIFF_BYTES = 8192;

    /**
     * @param fileName the uploaded file name, may be null (only its extension is used)
     * @param content the file bytes, not null
     * @return the format to parse the file as
     * @throws DocumentRejectedException with a French message when the file is empty or of a type
     *     Capsules does not read
     */
    public DocumentFormat detect(String fileName, byte[] content) {
        String extension = extensionOf(fileName);
        if (content.length == 0) {
            throw new DocumentRejectedException("fichier vide");
        }
        if (containsWithin(content, "%PDF-".getBytes(StandardCharsets.US_ASCII), PDF_HEADER_WINDOW)) {
            return DocumentFormat.PDF;
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4}) || startsWith(content, new byte[] {'P', 'K', 5, 6})) {
            return detectZip(content, extension);
        }
        if (startsWith(content, OLE2)) {
            throw rejected(LegacyOfficeFiles.describe(content), extension);
        }
        String binary = describeKnownBinary(content);
        if (binary != null) {
            throw rejected(binary, extension);
        }
        if (looksBinary(content)) {
            throw rejected("un fichier binaire de type inconnu", extension);
        }
        return detectText(content, extension);
    }

    private DocumentFormat detectZip(byte[] content, String extension) {
        Set<String> names = ZipEntryNames.of(content);
        if (names.contains("word/document.xml")) {
            return DocumentFormat.DOCX;
        }
        if (names.contains("xl/workbook.xml")) {
            return DocumentFormat.XLSX;
        }
        String what;
        if (names.contains("xl/workbook.bin")) {
            what = "un classeur Excel binaire (.xlsb) ; enregistrez-le au format .xlsx";
        } else if (names.contains("ppt/presentation.xml")) {
            what = "une présentation PowerPoint (.pptx)";
        } else if (names.contains("mimetype") && names.contains("content.xml")) {
            what = "un document OpenDocument (LibreOffice) ; enregistrez-le au format .docx ou .xlsx";
        } else if (names.isEmpty()) {
            what = "une archive ZIP endommagée";
        } else {
            what = "une archive ZIP qui n'est ni un document Word ni un classeur Excel";
        }
        throw rejected(what, extension);
    }

    private DocumentFormat detectText(byte[] content, String extension) {
        boolean html = looksLikeHtml(content);
        return switch (extension) {
            case "csv", "tsv" -> DocumentFormat.CSV;
            case "html", "htm", "xhtml" -> DocumentFormat.HTML;
            case "md", "markdown" -> DocumentFormat.MARKDOWN;
            // Web applications commonly export "Excel" files that are really HTML or
            // tab-separated text; they read fine as such.
            case "xls", "xlsx" -> html ? DocumentFormat.HTML : DocumentFormat.CSV;
            // A text "rapport.pdf" is nearly always an error page saved under the wrong name:
            // indexing it as the report would be worse than refusing it.
            case "pdf", "docx", "doc" -> throw rejected(html ? "une page HTML" : "du texte brut", extension);
            default -> html ? DocumentFormat.HTML : DocumentFormat.TEXT;
        };
    }

    private static DocumentRejectedException rejected(String what, String extension) {
        String expected = expectedDescription(extension);
        return new DocumentRejectedException(
                "type de fichier non pris en charge : le contenu est "
                        + what
                        + (expected == null ? "" : ", pas " + expected));
    }

    private static String expectedDescription(String extension) {
        return switch (extension) {
            case "pdf" -> "un PDF";
            case "docx" -> "un document Word (.docx)";
            case "xlsx" -> "un classeur Excel (.xlsx)";
            case "csv" -> "un fichier CSV";
            case "html", "htm" -> "une page HTML";
            case "md", "markdown" -> "un fichier Markdown";
            case "txt" -> "un fichier texte";
            default -> null;
        };
    }

    private static String describeKnownBinary(byte[] b) {
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "une image PNG";
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "une image JPEG";
        }
        if (startsWith(b, "GIF8".getBytes(StandardCharsets.US_ASCII))) {
            return "une image GIF";
        }
        if (startsWith(b, new byte[] {'I', 'I', 42, 0}) || startsWith(b, new byte[] {'M', 'M', 0, 42})) {
            return "une image TIFF";
        }
        if (startsWith(b, "RIFF".getBytes(StandardCharsets.US_ASCII)) && b.length >= 12
                && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return "une image WebP";
        }
        if (startsWith(b, "{\\rtf".getBytes(StandardCharsets.US_ASCII))) {
            return "un document RTF ; enregistrez-le au format .docx";
        }
        if (startsWith(b, new byte[] {0x1F, (byte) 0x8B})) {
            return "une archive compressée (gzip)";
        }
        if (startsWith(b, new byte[] {'R', 'a', 'r', '!'}) || startsWith(b, new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF})) {
            return "une archive compressée";
        }
        if (startsWith(b, new byte[] {'M', 'Z'}) || startsWith(b, new byte[] {0x7F, 'E', 'L', 'F'})) {
            return "un programme exécutable";
        }
        return null;
    }

    /**
     * NUL bytes or many control characters mean binary. UTF-16 text with a byte order mark holds
     * NULs legitimately and is let through.
     */
    private static boolean looksBinary(byte[] b) {
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xFE}) || startsWith(b, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            return false;
        }
        int n = Math.min(b.length, TEXT_SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
                control++;
            }
        }
        return control * 20 > n;
    }

    /**
     * Whether the first 1,024 bytes, read as Latin-1, start (past whitespace and a byte order mark)
     * with an HTML doctype or tag, or with an XML declaration and hold an HTML tag, case aside.
     * The prefixes are compared ignoring case rather than on a lower-cased copy of the 1,024 chars
     * (for Latin-1 text against these ASCII prefixes, the same thing); only an XML head is
     * lower-cased, to look for the tag in it.
     */
    static boolean looksLikeHtml(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1)
                .stripLeading();
        if (head.regionMatches(true, 0, "\u00ef\u00bb\u00bf", 0, 3)) {
            head = head.substring(3).stripLeading();
        }
        return startsWithIgnoringCase(head, "<!doctype html") || startsWithIgnoringCase(head, "<html")
                || (startsWithIgnoringCase(head, "<?xml") && head.toLowerCase(Locale.ROOT).contains("<html"));
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String extensionOf(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.strip();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsWithin(byte[] content, byte[] needle, int window) {
        int last = Math.min(content.length, window) - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
