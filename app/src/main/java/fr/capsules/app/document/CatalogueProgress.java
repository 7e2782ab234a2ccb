package fr.capsules.app.document;

import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which capsules are still being indexed since the service started. Every capsule is pending from
 * the start (before the web server accepts a request) until {@link CatalogueIndexing} has checked
 * it, so that no question is answered from a half-built index: asks and searches on a pending
 * capsule are refused with "retry later", readiness stays down, the pages say so.
 */
@Component
public class CatalogueProgress {

    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    CatalogueProgress(Capsules capsules, IngestionProperties properties) {
        if (properties.indexOnStartup()) {
            capsules.all().forEach(capsule -> pending.add(capsule.definition().id()));
        }
    }

    /** Whether the capsule's documents are still being indexed. */
    public boolean isIndexing(String capsuleId) {
        return pending.contains(capsuleId);
    }

    /** The capsules still being indexed, sorted by id. */
    public Set<String> indexing() {
        return new TreeSet<>(pending);
    }

    /**
     * Refuses, with "retry later", to search a capsule whose documents are not all indexed yet.
     *
     * @throws CapsuleIndexingException while the capsule is being indexed
     */
    public void requireSearchable(Capsule capsule) {
        if (isIndexing(capsule.definition().id())) {
            throw new CapsuleIndexingException(capsule.definition().name());
        }
    }

    void finished(String capsuleId) {
        pending.remove(capsuleId);
    }
}
