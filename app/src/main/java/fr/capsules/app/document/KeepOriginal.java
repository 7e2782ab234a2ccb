package fr.capsules.app.document;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.FileTrees;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.pipeline.FileIngestion;
import fr.capsules.ingest.pipeline.IngestionStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion stage of uploads that keeps each file's original, as {@code
 * <capsule folder>/<documentId>/<file name>}, so that a re-index can read it again. It runs last
 * before the document is written to the index and writes the bytes the pipeline already read
 * (the upload is not read again): a file whose original cannot be kept fails and is not indexed.
 *
 * <p>After the run, {@link #settle} withdraws the originals of files that did not end indexed
 * (the index refused the write, or the commit failed) and lifts the exclusion of those that did,
 * so that neither an index entry without its original nor an original without its entry is left.
 *
 * <p>One instance per upload request; not thread-safe.
 */
final class KeepOriginal implements IngestionStage {

    private static final Logger log = LoggerFactory.getLogger(KeepOriginal.class);

    private final Path capsuleFolder;
    private final Map<String, String> kept = new LinkedHashMap<>(); // documentId → SHA-256

    KeepOriginal(Path capsuleFolder) {
        this.capsuleFolder = capsuleFolder;
    }

    @Override
    public void apply(FileIngestion file) {
        Path documentFolder = capsuleFolder.resolve(file.documentId());
        Path target = documentFolder.resolve(file.name()).normalize();
        if (!target.startsWith(documentFolder)) {
            // SourceName already refuses such names; this guards the folder should that change.
            file.fail(FailureReason.ORIGINAL_NOT_KEPT, "nom de fichier inutilisable pour conserver l'original");
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, file.bytes());
            kept.put(file.documentId(), file.sha256());
        } catch (IOException e) {
            log.error("L'original de {} n'a pas pu être conservé ; le fichier n'est pas indexé", file.name(), e);
            remove(documentFolder);
            file.fail(FailureReason.ORIGINAL_NOT_KEPT,
                    "l'original n'a pas pu être conservé sur le serveur (erreur d'écriture), le fichier n'a donc pas été"
                            + " indexé ; réessayez, et prévenez l'administrateur si cela se reproduit");
        }
    }

    /**
     * Withdraws the originals kept for files that did not end indexed, and lifts the exclusion of
     * the others (a catalogue document removed earlier and uploaded again is wanted back).
     *
     * @param results the final results of the run (after its commits); empty when the run failed
     *     as a whole, which withdraws every original kept
     */
    void settle(List<IngestionResult> results) {
        Set<String> indexed = results.stream()
                .filter(r -> r.status() == IngestionStatus.INDEXED)
                .map(IngestionResult::documentId)
                .collect(Collectors.toSet());
        Exclusions exclusions = Exclusions.of(capsuleFolder);
        kept.forEach((documentId, sha256) -> {
            if (!indexed.contains(documentId)) {
                remove(capsuleFolder.resolve(documentId));
                return;
            }
            try {
                exclusions.remove(sha256);
            } catch (IOException e) {
                log.error("La liste des documents exclus de {} n'a pas pu être mise à jour", capsuleFolder, e);
            }
        });
        kept.clear();
    }

    private static void remove(Path documentFolder) {
        try {
            FileTrees.delete(documentFolder);
        } catch (IOException e) {
            log.error("Le dossier {} n'a pas pu être supprimé ; un ré-indexage reprendrait ce fichier", documentFolder, e);
        }
    }
}
