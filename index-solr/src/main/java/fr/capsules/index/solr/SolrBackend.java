package fr.capsules.index.solr;

import fr.capsules.ingest.index.IndexBackend;
import fr.capsules.ingest.index.IndexSettings;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Capsule indexes in a SolrCloud cluster: one collection per capsule (behind an alias), built
 * with the configset {@code capsules} (the French chain of the embedded index in its schema, and
 * the {@code {!passages}} query parser of the {@code capsules-solr-node} jar, which every node
 * must have). Nothing is sent before a store is used: the service starts while the cluster is
 * down, and says so in {@link #health()}.
 *
 * <p>Lexical only for now: settings with an embedding model are refused.
 */
public final class SolrBackend implements IndexBackend, Closeable {

    private final SolrNodes nodes;
    private final ClusterCollections collections;

    public SolrBackend(SolrSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.nodes = new SolrNodes(settings);
        this.collections = new ClusterCollections(nodes, settings);
    }

    @Override
    public SolrIndexStore store(String capsuleId, IndexSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.hasVectors()) {
            throw new IllegalArgumentException(
                    "the Solr index backend holds no vectors yet: run it without an embedding model (got '"
                            + settings.embeddingModel() + "')");
        }
        return new SolrIndexStore(CollectionNames.requireCapsuleId(capsuleId), nodes, collections);
    }

    /**
     * Deletes a capsule's index from the cluster: its alias, then every generation. Indexes of it
     * still open answer {@link fr.capsules.ingest.index.IndexClosedException} from then on.
     */
    public void deleteCapsule(String capsuleId) throws IOException {
        collections.deleteCapsule(CollectionNames.requireCapsuleId(capsuleId));
    }

    /** What the cluster says now: reachable or not, and its collections. Never throws. */
    public ClusterHealth health() {
        try {
            List<String> names = collections.list();
            return new ClusterHealth(true, nodes.urls(), names.size(), null);
        } catch (IOException | RuntimeException e) {
            return new ClusterHealth(false, nodes.urls(), 0, e.getMessage());
        }
    }

    /**
     * @param reachable whether a node answered
     * @param nodeUrls the nodes the service knows
     * @param collections collections in the cluster (all capsules and generations)
     * @param error why not reachable, null when reachable
     */
    public record ClusterHealth(boolean reachable, List<String> nodeUrls, int collections, String error) {}

    @Override
    public void close() throws IOException {
        nodes.close();
    }
}
