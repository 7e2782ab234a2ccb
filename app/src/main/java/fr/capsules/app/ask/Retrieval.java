package fr.capsules.app.ask;

import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.document.CapsuleIndexes;
import fr.capsules.ingest.index.PassageHit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds the passages of one capsule relevant to a question. Only ever searches the capsule it is
 * given, which the caller obtained through the access check, so no passage of a capsule the user
 * may not see can come back.
 */
@Component
public class Retrieval {

    private final CapsuleIndexes indexes;

    Retrieval(CapsuleIndexes indexes) {
        this.indexes = indexes;
    }

    /** The passages found, best first, with whether the best is relevant enough to answer from. */
    public Retrieved retrieve(Capsule capsule, String question) {
        var settings = capsule.definition().retrieval();
        List<PassageHit> hits = indexes.read(capsule.id(), index -> index.search(question, settings.topK()));
        List<PassageHit> relevant = hits.stream().filter(h -> h.queryCoverage() >= settings.minCoverage()).toList();
        return new Retrieved(hits, relevant);
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
