package fr.capsules.index.solr;

import fr.capsules.ingest.index.IndexUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.BaseHttpSolrClient.RemoteSolrException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.response.SolrResponseBase;

/**
 * The nodes of the cluster as the service reaches them: one HTTP client (the JDK's) per node,
 * requests spread over the nodes in turn, and a node that does not answer (refused connection,
 * timeout, 503) skipped for the next. Any live node serves every collection, so one left is
 * enough. When none answers: {@link IndexUnavailableException}. Thread-safe.
 */
final class SolrNodes implements Closeable {

    private final List<String> urls;
    private final List<HttpJdkSolrClient> clients = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    SolrNodes(SolrSettings settings) {
        this.urls = settings.nodeUrls();
        long timeout = settings.timeout().toMillis();
        for (String url : urls) {
            clients.add(
                    new HttpJdkSolrClient.Builder(url)
                            .withConnectionTimeout(timeout, TimeUnit.MILLISECONDS)
                            .withRequestTimeout(timeout, TimeUnit.MILLISECONDS)
                            .withIdleTimeout(timeout, TimeUnit.MILLISECONDS)
                            .useHttp1_1(true)
                            .build());
        }
    }

    List<String> urls() {
        return urls;
    }

    /**
     * Sends {@code request} to {@code collection} (null for cluster-level requests) on the first
     * node that answers.
     *
     * @throws IndexUnavailableException when no node answers
     * @throws RemoteSolrException when a node answered with an error of the request itself
     */
    <T extends SolrResponseBase> T send(SolrRequest<T> request, String collection) throws IOException {
        int start = Math.floorMod(next.getAndIncrement(), clients.size());
        Exception last = null;
        for (int i = 0; i < clients.size(); i++) {
            HttpJdkSolrClient client = clients.get((start + i) % clients.size());
            try {
                return request.process(client, collection);
            } catch (SolrServerException | IOException e) {
                last = e;
            } catch (RemoteSolrException e) {
                if (e.code() != 503) {
                    throw e;
                }
                last = e;
            }
        }
        throw new IndexUnavailableException(
                "no Solr node answers (" + String.join(", ", urls) + "): " + last.getMessage(), last);
    }

    @Override
    public void close() throws IOException {
        for (HttpJdkSolrClient client : clients) {
            client.close();
        }
    }
}
