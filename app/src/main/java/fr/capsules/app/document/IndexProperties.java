package fr.capsules.app.document;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which search engine holds the capsule indexes ({@code capsules.index.*}).
 *
 * @param backend {@code lucene}: embedded, one folder per capsule under the data folder (the
 *     default); {@code solr}: a SolrCloud cluster shared by every application node
 * @param solr the cluster, for {@code backend: solr}
 */
@ConfigurationProperties("capsules.index")
public record IndexProperties(@DefaultValue("lucene") Backend backend, @DefaultValue Solr solr) {

    public enum Backend {
        LUCENE,
        SOLR
    }

    /**
     * @param nodes base URLs of some nodes, e.g. {@code http://solr1:8983/solr}
     * @param shards shards of each capsule collection: 1 (the default) ranks exactly as the
     *     embedded index and answers fastest; more only for a capsule larger than one node
     * @param replicas replicas of each shard (2 or more to survive the loss of a node)
     * @param timeout per call to a node
     */
    public record Solr(
            @DefaultValue("http://localhost:8983/solr") List<String> nodes,
            @DefaultValue("1") int shards,
            @DefaultValue("2") int replicas,
            @DefaultValue("10s") Duration timeout) {}
}
