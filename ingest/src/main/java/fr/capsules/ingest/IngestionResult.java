package fr.capsules.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome for one file; every file offered to ingestion gets exactly one.
 *
 * @param file the name as given (printable)
 * @param documentId the document's id when indexed, or of the existing document when duplicate
 * @param pages pages (PDF) or sheets (XLSX) read, 0 otherwise
 * @param chunks passages indexed
 * @param warnings French sentences about what could not be fully understood
 * @param error French sentence saying why the file was rejected or failed; null otherwise
 * @param failure why the file failed, for programs; null unless {@code status} is {@link
 *     IngestionStatus#FAILED}
 * @param counts what the stages did to the file, counted, e.g. "NIR remplacés" → 3: French
 *     labels for people, in the order they were first counted; never null, often empty
 */
public record IngestionResult(
        String file,
        IngestionStatus status,
        String documentId,
        String title,
        int pages,
        int chunks,
        List<String> warnings,
        String error,
        FailureReason failure,
        Map<String, Integer> counts) {

    public IngestionResult {
        Objects.requireNonNull(status, "status");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if ((status == IngestionStatus.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure reason goes with the failed status only");
        }
        counts = counts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public static IngestionResult rejected(String file, String reason) {
        return new IngestionResult(
                SourceName.printable(file), IngestionStatus.REJECTED, null, null, 0, 0, List.of(), reason, null, Map.of());
    }

    public static IngestionResult failed(String file, FailureReason failure, String reason) {
        return new IngestionResult(
                SourceName.printable(file), IngestionStatus.FAILED, null, null, 0, 0, List.of(), reason, failure, Map.of());
    }
}
