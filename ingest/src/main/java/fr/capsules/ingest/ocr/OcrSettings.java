package fr.capsules.ingest.ocr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How scanned pages (pages without a text layer) are read with Tesseract.
 *
 * @param enabled false: scanned pages are reported as unread, as without OCR
 * @param executable the Tesseract command, a name looked up on the PATH or a path
 * @param language Tesseract language code(s), e.g. {@code fra} or {@code fra+eng}
 * @param dpi resolution at which a page is rendered for recognition (72 to 600)
 * @param pageTimeout wall-clock time allowed for one page's recognition; the process is killed
 *     beyond it and the page reported unread
 * @param maxPages the most scanned pages recognised in one file; the others are reported unread
 * @param minConfidence a page whose mean word confidence (0 to 100) is below this carries a warning
 * @param maxMemoryBytes address space allowed to one Tesseract process
 * @param tempDirectory where each Tesseract process gets a private temporary folder, deleted when
 *     it ends; null for the JVM's {@code java.io.tmpdir}
 */
public record OcrSettings(
        boolean enabled,
        String executable,
        String language,
        int dpi,
        Duration pageTimeout,
        int maxPages,
        double minConfidence,
        long maxMemoryBytes,
        Path tempDirectory) {

    public OcrSettings {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(pageTimeout, "pageTimeout");
        if (executable.isBlank()) {
            throw new IllegalArgumentException("the Tesseract executable is blank");
        }
        if (!language.matches("[A-Za-z_]+(\\+[A-Za-z_]+)*")) {
            throw new IllegalArgumentException("not a Tesseract language code: " + language);
        }
        if (dpi < 72 || dpi > 600) {
            throw new IllegalArgumentException("OCR resolution must be within 72..600 dpi, got " + dpi);
        }
        if (pageTimeout.isNegative() || pageTimeout.isZero()) {
            throw new IllegalArgumentException("the OCR page timeout must be positive, got " + pageTimeout);
        }
        if (maxPages < 0) {
            throw new IllegalArgumentException("maxPages must not be negative, got " + maxPages);
        }
        if (minConfidence < 0 || minConfidence > 100) {
            throw new IllegalArgumentException("minConfidence must be within 0..100, got " + minConfidence);
        }
        if (maxMemoryBytes < 1024 * 1024) {
            throw new IllegalArgumentException("maxMemoryBytes must be at least 1 MiB, got " + maxMemoryBytes);
        }
    }

    /** French, 300 dpi, 60 s and 1 GiB per page, at most 100 pages per file, warning below 70 %. */
    public static OcrSettings defaults() {
        return new OcrSettings(true, "tesseract", "fra", 300, Duration.ofSeconds(60), 100, 70, 1L << 30, null);
    }

    /** The same settings with OCR switched off. */
    public static OcrSettings disabled() {
        OcrSettings d = defaults();
        return new OcrSettings(false, d.executable, d.language, d.dpi, d.pageTimeout, d.maxPages, d.minConfidence,
                d.maxMemoryBytes, d.tempDirectory);
    }

    public OcrSettings withExecutable(String executable) {
        return new OcrSettings(enabled, executable, language, dpi, pageTimeout, maxPages, minConfidence,
                maxMemoryBytes, tempDirectory);
    }

    public OcrSettings withDpi(int dpi) {
        return new OcrSettings(enabled, executable, language, dpi, pageTimeout, maxPages, minConfidence,
                maxMemoryBytes, tempDirectory);
    }

    public OcrSettings withMaxPages(int maxPages) {
        return new OcrSettings(enabled, executable, language, dpi, pageTimeout, maxPages, minConfidence,
                maxMemoryBytes, tempDirectory);
    }

    public OcrSettings withPageTimeout(Duration pageTimeout) {
        return new OcrSettings(enabled, executable, language, dpi, pageTimeout, maxPages, minConfidence,
                maxMemoryBytes, tempDirectory);
    }

    public OcrSettings withMinConfidence(double minConfidence) {
        return new OcrSettings(enabled, executable, language, dpi, pageTimeout, maxPages, minConfidence,
                maxMemoryBytes, tempDirectory);
    }

    public OcrSettings withMaxMemoryBytes(long maxMemoryBytes) {
        return new OcrSettings(enabled, executable, language, dpi, pageTimeout, maxPages, minConfidence,
                maxMemoryBytes, tempDirectory);
    }

    public OcrSettings withTempDirectory(Path tempDirectory) {
        return new OcrSettings(enabled, executable, language, dpi, pageTimeout, maxPages, minConfidence,
                maxMemoryBytes, tempDirectory);
    }
}
