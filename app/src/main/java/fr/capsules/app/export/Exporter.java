package fr.capsules.app.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Turns a validated draft into a file in one of the {@link ExportFormat}s.
 *
 * <p>Every file shows the provenance label ("Généré par IA — validé par … le …"), the capsule and its version and the
 * model near the top, and carries the same facts as machine-readable metadata (see each format's writer). Stateless
 * and thread-safe: one instance can serve all requests.
 */
public final class Exporter {

    private final Clock clock;
    private final DocxExport docx = new DocxExport();
    private final XlsxExport xlsx = new XlsxExport();
    private final PdfExport pdf = new PdfExport();
    private final CsvExport csv = new CsvExport();
    private final MarkdownExport markdown = new MarkdownExport();

    /** An exporter that dates files with the system clock. */
    public Exporter() {
        this(Clock.systemUTC());
    }

    Exporter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Exports one document.
     *
     * @throws ExportFailedException when a format library cannot write the file (an I/O error in memory, a corrupt
     *     font resource): a server fault, not a user one
     */
    public ExportedFile export(ExportDocument document, ExportFormat format) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(format, "format");
        Provenance provenance = Provenance.of(document, clock.instant());
        byte[] bytes;
        try {
            bytes = switch (format) {
                case DOCX -> docx.write(document, provenance);
                case XLSX -> xlsx.write(document, provenance);
                case PDF -> pdf.write(document, provenance);
                case CSV -> csv.write(document, provenance);
                case MD -> markdown.write(document, provenance);
            };
        } catch (IOException | UncheckedIOException e) {
            throw new ExportFailedException(format, e);
        }
        return ExportedFile.of(FileNames.of(document, format), format.mediaType(), bytes);
    }
}
