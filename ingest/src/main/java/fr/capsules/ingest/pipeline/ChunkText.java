package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.chunk.Chunker;
import fr.capsules.ingest.chunk.ChunkingSettings;
import fr.capsules.ingest.chunk.Passage;
import java.util.List;

/**
 * Cuts the normalised document into passages ({@link Chunker}); a document without any passage
 * is rejected, as probably scanned when it has pages.
 */
final class ChunkText implements IngestionStage {

    private final Chunker chunker = new Chunker();
    private final ChunkingSettings settings;

    ChunkText(ChunkingSettings settings) {
        this.settings = settings;
    }

    @Override
    public void apply(FileIngestion file) {
        List<Passage> passages = chunker.chunk(file.document(), settings);
        if (passages.isEmpty()) {
            file.reject(file.document().pageCount() > 0
                    ? "aucun texte lisible : document probablement numérisé (sans couche texte), à passer à l'OCR"
                            + " avant de le déposer"
                    : "aucun texte exploitable dans ce fichier");
            return;
        }
        file.passages(passages);
    }
}
