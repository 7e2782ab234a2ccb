package fr.capsules.ingest;

import java.util.List;

/**
 * The outcome for one file; every file offered to ingestion gets exactly one.
 *
 * @param file the name as given (printable)
 * @param documentId the document's id when indexed, or of the existing document when duplicate
 * @param pages pages (PDF) or sheets (XLSX) read, 0 otherwise
 * @param chunks passages indexed
 * @param warnings French sentences about what could not be fully understood
 * @param error French sentence saying why the file was rejected or failed; null otherwise
 */
public record IngestionResult(
        String file,
        IngestionStatus status,
        String documentId,
        String title,
        int pages,
        int chunks,
        List<String> warnings,
        String error) {

    public IngestionResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static IngestionResult rejected(String file, String reason) {
        return new IngestionResult(SourceName.printable(file), IngestionStatus.REJECTED, null, null, 0, 0, List.of(), reason);
    }

    public static IngestionResult failed(String file, String reason) {
        return new IngestionResult(SourceName.printable(file), IngestionStatus.FAILED, null, null, 0, 0, List.of(), reason);
    }
}
