package fr.capsules.index.solr;

import fr.capsules.ingest.index.IndexClosedException;
import java.io.IOException;
import java.util.Locale;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.impl.BaseHttpSolrClient.RemoteSolrException;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SolrResponseBase;
import org.apache.solr.common.params.SolrParams;

/**
 * The one collection a capsule's index reads and writes: <b>capsule isolation is enforced
 * here</b>. A capsule's passages live in collections of their own ({@link CollectionNames}), and
 * every request a {@link SolrCapsuleIndex} makes goes through this class, which sends it to that
 * collection's endpoint ({@code /solr/<collection>/...}) and nowhere else: no query path takes a
 * collection name, a filter or a shard list from its caller, so none can reach another capsule.
 *
 * <p>A collection deleted under a running index (the capsule deleted, or re-indexed by another
 * node, which drops the previous generation) answers {@link IndexClosedException}: the caller
 * fetches the live index again, as after a local rebuild.
 */
final class CapsuleCollection {

    private final SolrNodes nodes;
    private final String name;
    private volatile boolean gone;

    CapsuleCollection(SolrNodes nodes, String name) {
        this.nodes = nodes;
        this.name = CollectionNames.requireCapsuleCollection(name);
    }

    String name() {
        return name;
    }

    QueryResponse query(SolrParams params) throws IOException {
        return send(new QueryRequest(params, SolrRequest.METHOD.POST));
    }

    void update(UpdateRequest request) throws IOException {
        send(request);
    }

    private <T extends SolrResponseBase> T send(SolrRequest<T> request) throws IOException {
        try {
            return nodes.send(request, name);
        } catch (RemoteSolrException e) {
            if (isMissingCollection(e)) {
                gone = true;
                throw new IndexClosedException("the Solr collection " + name + " no longer exists", e);
            }
            throw new IOException("Solr refused a request on " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether a request found the collection deleted. */
    boolean gone() {
        return gone;
    }

    static boolean isMissingCollection(RemoteSolrException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e.code() == 404 || message.contains("could not find collection") || message.contains("no such collection");
    }

    @Override
    public String toString() {
        return name;
    }
}
