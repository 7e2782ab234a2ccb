package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.normalize.DocumentNormalizer;

/**
 * Brings the document's text to the one form the index sees whatever the source format
 * ({@link DocumentNormalizer}): what the later stages read, chunk and index is normalised text.
 */
final class NormaliseText implements IngestionStage {

    private final DocumentNormalizer normalizer = new DocumentNormalizer();

    @Override
    public void apply(FileIngestion file) {
        file.document(normalizer.normalise(file.document()));
    }
}
