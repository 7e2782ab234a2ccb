package fr.capsules.app.document;

import fr.capsules.ingest.ocr.OcrSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Reading scanned PDF pages with Tesseract ({@code capsules.ocr.*}); see docs/OCR.md.
 *
 * @param enabled false: pages without a text layer are reported unread, a fully scanned PDF is
 *     rejected as before
 * @param executable the Tesseract command (a name on the PATH or a path)
 * @param language Tesseract language data, e.g. {@code fra} or {@code fra+eng}
 * @param dpi resolution at which pages are rendered for recognition
 * @param pageTimeout time allowed to one page; its process is killed beyond it
 * @param maxPages scanned pages read per file; the others are reported unread
 * @param minConfidence pages whose mean word confidence (0 to 100) is below get a warning
 * @param maxMemory address space allowed to one Tesseract process
 * @param tempDirectory parent of each process's private temporary folder; empty for the system's
 */
@ConfigurationProperties("capsules.ocr")
public record OcrProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("tesseract") String executable,
        @DefaultValue("fra") String language,
        @DefaultValue("300") int dpi,
        @DefaultValue("60s") Duration pageTimeout,
        @DefaultValue("100") int maxPages,
        @DefaultValue("70") double minConfidence,
        @DefaultValue("1GB") DataSize maxMemory,
        Path tempDirectory) {

    public OcrSettings settings() {
        return new OcrSettings(enabled, executable, language, dpi, pageTimeout, maxPages, minConfidence,
                maxMemory.toBytes(), tempDirectory);
    }
}
