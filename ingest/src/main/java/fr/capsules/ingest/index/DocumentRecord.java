package fr.capsules.ingest.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a capsule index knows of one ingested file, shown in upload reports and used for
 * citations and duplicate detection.
 *
 * @param documentId stable identifier within the capsule, non-blank, no control characters
 * @param file the file's relative path or name as given (e.g. "2024/ehpad-x/rapport.pdf")
 * @param title the title shown in citations, never null (may be empty)
 * @param date the document's date as ISO {@code yyyy-MM-dd}, or null when unknown
 * @param pages number of pages, 0 for formats without pages
 * @param chunks number of passages indexed for this document
 * @param sha256 SHA-256 of the file bytes, 64 hex digits (stored lower case)
 * @param contentHash hash of the normalised text, non-blank; equal hashes mean duplicate content
 * @param format the detected format, e.g. "PDF"
 * @param warnings ingestion warnings for the report, never null
 * @param indexedAt when the document was indexed
 */
public record DocumentRecord(
        String documentId,
        String file,
        String title,
        String date,
        int pages,
        int chunks,
        String sha256,
        String contentHash,
        String format,
        List<String> warnings,
        Instant indexedAt) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public DocumentRecord {
        requireText(documentId, "documentId");
        if (CONTROL.matcher(documentId).find()) {
            throw new IllegalArgumentException("documentId must not contain control characters");
        }
        requireText(file, "file");
        Objects.requireNonNull(title, "title");
        if (date != null) {
            try {
                if (!isPlainIsoDate(date)) {
                    LocalDate.parse(date);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("date must be ISO yyyy-MM-dd, got " + date, e);
            }
        }
        if (pages < 0 || chunks < 0) {
            throw new IllegalArgumentException(
                    "pages and chunks must be >= 0, got " + pages + ", " + chunks);
        }
        Objects.requireNonNull(sha256, "sha256");
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits, got " + sha256);
        }
        requireText(contentHash, "contentHash");
        requireText(format, "format");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(indexedAt, "indexedAt");
    }

    /**
     * Whether {@code date} is yyyy-MM-dd with four digits of year and an existing day: the form
     * every record holds, which {@link LocalDate#parse} accepts, checked here without its
     * formatter (a record is built for every file indexed). Other strings are left to it.
     */
    static boolean isPlainIsoDate(String date) {
        if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
            if (date.charAt(i) < '0' || date.charAt(i) > '9') {
                return false;
            }
        }
        int year = Integer.parseInt(date, 0, 4, 10);
        int month = Integer.parseInt(date, 5, 7, 10);
        int day = Integer.parseInt(date, 8, 10, 10);
        return month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
