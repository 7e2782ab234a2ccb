package fr.capsules.app.ask;

import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.document.CapsuleIndexes;
import fr.capsules.app.document.CatalogueProgress;
import fr.capsules.ingest.index.Embedder;
import fr.capsules.ingest.index.EmbeddingException;
import fr.capsules.ingest.index.PassageHit;
import org.springframework.beans.factory.ObjectProvider;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds the passages of one capsule relevant to a question. Only ever searches the capsule it is
 * given, which the caller obtained through the access check, so no passage of a capsule the user
 * may not see can come back.
 */
@Component
public class Retrieval {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Retrieval.class);

    private final CapsuleIndexes indexes;
    private final Embedder embedder;
    private final CatalogueProgress progress;

    Retrieval(CapsuleIndexes indexes, ObjectProvider<Embedder> embedder, CatalogueProgress progress) {
        this.indexes = indexes;
        this.embedder = embedder.getIfAvailable();
        this.progress = progress;
    }

    /**
     * The passages found, best first, with whether the best is relevant enough to answer from.
     *
     * @throws fr.capsules.app.document.CapsuleIndexingException while the capsule is being indexed:
     *     a half-built index would make the service refuse questions its documents answer
     */
    public Retrieved retrieve(Capsule capsule, String question) {
        var settings = capsule.definition().retrieval();
        List<PassageHit> hits = search(capsule, question, settings.topK());
        List<PassageHit> relevant = hits.stream().filter(h -> h.queryCoverage() >= settings.minCoverage()).toList();
        return new Retrieved(hits, relevant);
    }

    /**
     * The {@code count} best passages for a question, best first, by the capsule's search (lexical,
     * or hybrid when a vector model is configured).
     *
     * @throws fr.capsules.app.document.CapsuleIndexingException while the capsule is being indexed
     */
    public List<PassageHit> search(Capsule capsule, String question, int count) {
        progress.requireSearchable(capsule);
        float[] vector = embed(question);
        return indexes.read(capsule.id(), index -> vector == null
                ? index.search(question, count)
                : index.search(question, vector, count));
    }

    /** The question's vector, or null (lexical search) when no model is configured or it fails. */
    private float[] embed(String question) {
        if (embedder == null) {
            return null;
        }
        try {
            return embedder.embed(List.of(question)).getFirst();
        } catch (EmbeddingException e) {
            log.warn("Question non vectorisée, recherche lexicale seule : {}", e.getMessage());
            return null;
        }
    }

    /**
     * @param all every hit, best first
     * @param relevant the hits whose share of the question's terms reaches the capsule's floor
     */
    public record Retrieved(List<PassageHit> all, List<PassageHit> relevant) {
        public boolean isEmpty() {
            return relevant.isEmpty();
        }
    }
}
