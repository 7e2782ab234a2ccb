package fr.capsules.app.document;

import fr.capsules.app.CapsulesProperties;
import fr.capsules.index.solr.SolrBackend;
import fr.capsules.index.solr.SolrSettings;
import fr.capsules.ingest.index.Embedder;
import fr.capsules.ingest.index.IndexBackend;
import fr.capsules.ingest.index.lucene.LuceneBackend;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search engine behind the capsule indexes: the one place of the service that names it
 * ({@code capsules.index.backend}). Everything else works on the index port ({@link
 * IndexBackend}, {@code CapsuleIndex}).
 */
@Configuration
class IndexConfiguration {

    /** Embedded Lucene, one folder per capsule under {@code data/indexes}; or a SolrCloud cluster. */
    @Bean
    IndexBackend indexBackend(CapsulesProperties properties, IndexProperties index, ObjectProvider<Embedder> embedder) {
        return switch (index.backend()) {
            case LUCENE -> new LuceneBackend(properties.indexesDir());
            case SOLR -> {
                // Said at start rather than at the first question: the cluster holds no vectors yet.
                if (embedder.getIfAvailable() != null) {
                    throw new IllegalStateException("capsules.index.backend=solr holds no embedding vectors yet:"
                            + " leave capsules.ollama.embedding-model empty (lexical retrieval), or use the embedded index");
                }
                // Nothing is sent to the cluster here: the service starts while it is down.
                yield new SolrBackend(new SolrSettings(
                        index.solr().nodes(), index.solr().shards(), index.solr().replicas(), index.solr().timeout()));
            }
        };
    }

    /**
     * {@code /actuator/health} component "index": the embedded index is always UP; the cluster is
     * UP when a node answers, DOWN (with the nodes tried and the error) when none does, in which
     * case questions are answered 503.
     */
    @Bean("index")
    HealthIndicator indexHealth(ObjectProvider<IndexBackend> backend) {
        return () -> {
            if (!(backend.getObject() instanceof SolrBackend solr)) {
                return Health.up().withDetail("backend", "lucene").build();
            }
            SolrBackend.ClusterHealth cluster = solr.health();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("backend", "solr");
            details.put("nodes", cluster.nodeUrls());
            details.put("reachable", cluster.reachable());
            if (cluster.reachable()) {
                details.put("collections", cluster.collections());
                return Health.up().withDetails(details).build();
            }
            details.put("error", "aucun nœud du cluster Solr ne répond : " + cluster.error());
            return Health.down().withDetails(details).build();
        };
    }
}
