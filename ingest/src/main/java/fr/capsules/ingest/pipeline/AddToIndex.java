package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.DocumentRecord;
import java.io.IOException;

/**
 * Writes the document's record and passages (with their vectors, for an index that holds them)
 * to the index, uncommitted: {@link Ingestion} commits in batches. The last stage; the file is
 * indexed once it has run.
 */
final class AddToIndex implements IngestionStage {

    private final CapsuleIndex index;

    AddToIndex(CapsuleIndex index) {
        this.index = index;
    }

    @Override
    public void apply(FileIngestion file) throws IOException {
        DocumentRecord record = file.record();
        if (file.vectors() == null) {
            index.add(record, file.passages());
        } else {
            index.add(record, file.passages(), file.vectors());
        }
        file.indexed(record);
    }
}
