package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.IndexClosedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages a file goes through, in order, and the loop that runs them. The order is written
 * once, in {@link #of}:
 *
 * <ol>
 *   <li>{@link ReadFile}: size check, the bytes read once and hashed once;
 *   <li>{@link SkipSameFile}: the same bytes already in the capsule → duplicate;
 *   <li>{@link ParseFile}: format detection and parsing on a bounded thread;
 *   <li>{@link RecognizeScannedPages}: OCR of the PDF pages without a text layer;
 *   <li>{@link ScreenHiddenText}: hidden text and invisible characters kept out, reported;
 *   <li>{@link PseudonymiseText}, for a capsule that is pseudonymised: personal data replaced in
 *       the document as parsed (its lines and text tables still apart);
 *   <li>{@link FindTitleAndDate}: title and document date, from the document as parsed;
 *   <li>{@link NormaliseText}: one form of the text whatever the format;
 *   <li>{@link PseudonymiseText#afterNormalising()}: a second pass on the normalised text and on
 *       the title, before anything is chunked or indexed;
 *   <li>{@link ChunkText}: passages following the document's structure;
 *   <li>{@link SkipSameContent}: the same text already in the capsule → duplicate;
 *   <li>{@link FlagInstructions}: passages that read like instructions to a model flagged;
 *   <li>{@link EmbedPassages}: one vector per passage, for an index that holds vectors;
 *   <li>the caller's own stages, if any (keeping the original of an upload);
 *   <li>{@link AddToIndex}: the record and passages written to the index, uncommitted.
 * </ol>
 *
 * <p><b>Adding a stage</b> is one class implementing {@link IngestionStage} and one line in
 * {@link #of}, where it belongs in the order: pseudonymisation, for instance, goes after {@code
 * NormaliseText} (it replaces names in normalised text, title included) and before {@code
 * ChunkText}; what it adds to the file's warnings and counts reaches the file's result.
 *
 * <p>One pipeline serves one ingestion run against one index; not thread-safe.
 */
final class IngestionPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestionPipeline.class);

    private final List<IngestionStage> stages;

    private IngestionPipeline(List<IngestionStage> stages) {
        this.stages = List.copyOf(stages);
    }

    /**
     * @param embedding null for an index without vectors
     * @param pseudonymising null for a capsule that is not pseudonymised
     * @param beforeIndexing the caller's stages, run last before the document is written to the
     *     index: the last moment a file can be turned away with nothing to undo in the index
     */
    static IngestionPipeline of(IngestionSettings settings, BoundedParsing parsing, CapsuleIndex index,
            PassageEmbedding embedding, PseudonymiseText pseudonymising, List<IngestionStage> beforeIndexing) {
        List<IngestionStage> stages = new ArrayList<>(List.of(
                new ReadFile(settings.maxFileBytes()),
                new SkipSameFile(index),
                new ParseFile(parsing),
                new RecognizeScannedPages(settings.ocr(), settings.parseLimits().maxPages()),
                new ScreenHiddenText()));
        if (pseudonymising != null) {
            stages.add(pseudonymising);
        }
        stages.add(new FindTitleAndDate());
        stages.add(new NormaliseText());
        if (pseudonymising != null) {
            stages.add(pseudonymising.afterNormalising());
        }
        stages.addAll(List.of(
                new ChunkText(settings.chunking()),
                new SkipSameContent(index),
                new FlagInstructions(),
                new EmbedPassages(embedding)));
        stages.addAll(beforeIndexing);
        stages.add(new AddToIndex(index));
        return new IngestionPipeline(stages);
    }

    /**
     * Runs the stages on one file until one ends it; never throws for a bad file.
     *
     * @throws IndexClosedException when the index was closed under the run (the service stops, or a
     *     rebuild replaced it): not the file's fault, and no later file can be indexed there either
     */
    IngestionResult run(SourceFile source) {
        FileIngestion file = new FileIngestion(source);
        try {
            for (IngestionStage stage : stages) {
                stage.apply(file);
                if (file.ended()) {
                    return file.result();
                }
            }
            throw new IllegalStateException("no stage ended " + file.name());
        } catch (IndexClosedException e) {
            throw e;
        } catch (IOException | UncheckedIOException e) {
            log.warn("Ingestion of {} failed on I/O", file.name(), e);
            return failed(file, FailureReason.INPUT_OUTPUT,
                    StorageErrors.describe(e, "erreur d'entrée/sortie pendant l'indexation : "));
        } catch (RuntimeException e) {
            log.warn("Ingestion of {} failed", file.name(), e);
            return failed(file, FailureReason.UNEXPECTED,
                    "erreur inattendue pendant l'indexation ; le fichier n'a pas été indexé");
        }
    }

    private static IngestionResult failed(FileIngestion file, FailureReason reason, String message) {
        if (!file.ended()) {
            file.fail(reason, message);
        }
        return file.result();
    }
}
