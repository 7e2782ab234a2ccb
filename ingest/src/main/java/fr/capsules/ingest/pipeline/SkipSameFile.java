package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.index.CapsuleIndex;
import java.io.IOException;

/** Ends a file whose bytes are already in the capsule (under any name) as a duplicate. */
final class SkipSameFile implements IngestionStage {

    private final CapsuleIndex index;

    SkipSameFile(CapsuleIndex index) {
        this.index = index;
    }

    @Override
    public void apply(FileIngestion file) throws IOException {
        index.findByFileHash(file.sha256()).ifPresent(existing -> file.duplicateOf(existing, "fichier identique"));
    }
}
