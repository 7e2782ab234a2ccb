package fr.capsules.index.solr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach the SolrCloud cluster and how to lay out a capsule's collection.
 *
 * @param nodeUrls base URLs of some nodes, e.g. {@code http://solr1:8983/solr}; any live one
 *     serves every collection (Solr routes to the replicas), the others are tried in turn
 * @param shards shards of each capsule collection
 * @param replicas replicas of each shard (2 or more so that a node can be lost)
 * @param timeout connection and request timeout of each call to a node
 */
public record SolrSettings(List<String> nodeUrls, int shards, int replicas, Duration timeout) {

    public SolrSettings {
        nodeUrls = nodeUrls.stream().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
        if (nodeUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one Solr node URL is needed");
        }
        if (shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("shards and replicas must be >= 1, got " + shards + ", " + replicas);
        }
        Objects.requireNonNull(timeout, "timeout");
    }
}
