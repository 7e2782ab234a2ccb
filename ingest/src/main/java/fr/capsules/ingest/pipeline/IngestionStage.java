package fr.capsules.ingest.pipeline;

import java.io.IOException;

/**
 * One step of the ingestion of a file ({@link IngestionPipeline} lists them in order). A stage
 * works on the {@link FileIngestion} the stages before it left, and may:
 *
 * <ol type="a">
 *   <li>transform what the file became so far: the parsed document ({@link
 *       FileIngestion#document(fr.capsules.ingest.parse.ParsedDocument)}), its title ({@link
 *       FileIngestion#title(String)}) or its passages ({@link FileIngestion#passages(java.util.List)});
 *   <li>add warnings for the person who gave the file ({@link FileIngestion#warn});
 *   <li>end the file: {@link FileIngestion#reject}, {@link FileIngestion#fail} or {@link
 *       FileIngestion#duplicateOf}; the stages after it do not run and nothing of the file is
 *       indexed;
 *   <li>count what it did, e.g. "NIR remplacés" ({@link FileIngestion#count}); counts end up in
 *       the file's {@link fr.capsules.ingest.IngestionResult#counts()}.
 * </ol>
 *
 * <p><b>Failures.</b> A stage reports what is wrong with the file through (c), in French. An
 * {@link IOException} or an unchecked exception fails the file too ({@link
 * fr.capsules.ingest.FailureReason#INPUT_OUTPUT}, {@link fr.capsules.ingest.FailureReason#UNEXPECTED})
 * and is logged; the other files go on either way.
 *
 * <p><b>Threads.</b> A pipeline runs one file at a time; a stage instance serves one ingestion
 * run (it may keep state across the files of that run) and needs no synchronisation of its own.
 */
@FunctionalInterface
public interface IngestionStage {

    void apply(FileIngestion file) throws IOException;
}
