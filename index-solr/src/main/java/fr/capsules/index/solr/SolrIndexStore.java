package fr.capsules.index.solr;

import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.IndexBusyException;
import fr.capsules.ingest.index.IndexFiller;
import fr.capsules.ingest.index.IndexInfo;
import fr.capsules.ingest.index.IndexMismatchException;
import java.io.IOException;
import java.util.Optional;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * One capsule's index in the cluster: the alias {@code capsule-<id>} and the generation it points
 * at ({@link CollectionNames}). A rebuild fills the next generation beside the live one, moves the
 * alias (atomic in Solr) and drops the previous generation.
 *
 * <p><b>Two nodes, one capsule.</b> A rebuild claims its generation by creating the collection
 * {@code capsule-<id>_g(N+1)}, N being the live one: the cluster creates a name once, so of two
 * nodes rebuilding the same capsule at once, one creates it and goes on, the other is refused
 * with {@link IndexBusyException} and changes nothing. Within this process rebuilds are
 * serialised.
 */
final class SolrIndexStore implements CapsuleIndexStore {

    private final String capsuleId;
    private final String alias;
    private final SolrNodes nodes;
    private final ClusterCollections collections;
    private final IndexInfo expected = SolrCapsuleIndex.expected();
    private SolrCapsuleIndex live;

    SolrIndexStore(String capsuleId, SolrNodes nodes, ClusterCollections collections) {
        this.capsuleId = CollectionNames.requireCapsuleId(capsuleId);
        this.alias = CollectionNames.alias(capsuleId);
        this.nodes = nodes;
        this.collections = collections;
    }

    @Override
    public synchronized CapsuleIndex openCurrent() throws IOException {
        if (live != null && !live.isClosed()) {
            return live;
        }
        Optional<String> current = collections.resolve(alias);
        String name;
        if (current.isPresent()) {
            name = current.get();
        } else {
            name = CollectionNames.generation(capsuleId, 1);
            if (collections.create(name)) {
                writeInfo(name);
            }
            // Created here or by another node at the same moment: pointing twice at it is harmless.
            collections.point(alias, name);
        }
        live = open(name);
        return live;
    }

    private SolrCapsuleIndex open(String name) throws IOException {
        CapsuleCollection collection = new CapsuleCollection(nodes, name);
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", SolrEntries.ID + ":" + SolrEntries.INFO_ID);
        SolrDocumentList found = collection.query(params).getResults();
        if (found.isEmpty()) {
            // Created by a node that is still writing it, or that died before: written again, the same.
            writeInfo(name);
        } else {
            IndexInfo info = SolrEntries.toInfo(found.get(0));
            if (!info.differencesFrom(expected).isEmpty()) {
                throw new IndexMismatchException("the Solr collection " + name, info, expected);
            }
        }
        return new SolrCapsuleIndex(collection, expected);
    }

    private void writeInfo(String name) throws IOException {
        CapsuleCollection collection = new CapsuleCollection(nodes, name);
        UpdateRequest request = new UpdateRequest();
        request.add(SolrEntries.info(expected));
        request.setAction(UpdateRequest.ACTION.COMMIT, true, true);
        collection.update(request);
    }

    @Override
    public synchronized CapsuleIndex rebuild(IndexFiller filler) throws IOException {
        Optional<String> current = collections.resolve(alias);
        int generation = current.flatMap(c -> {
                    var g = CollectionNames.generationOf(capsuleId, c);
                    return g.isPresent() ? Optional.of(g.getAsInt()) : Optional.empty();
                })
                .orElse(0);
        String next = CollectionNames.generation(capsuleId, generation + 1);
        if (!collections.create(next)) {
            throw new IndexBusyException(
                    capsuleId,
                    "capsule " + capsuleId + " is already being re-indexed by another node (collection "
                            + next + " exists), or such a re-indexing was interrupted: its index is unchanged",
                    null);
        }
        SolrCapsuleIndex fresh = null;
        try {
            writeInfo(next);
            fresh = open(next);
            filler.fill(fresh);
            fresh.commit();
            collections.point(alias, next);
        } catch (IOException | RuntimeException e) {
            if (fresh != null) {
                fresh.close();
            }
            try {
                collections.delete(next);
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        SolrCapsuleIndex previous = live;
        live = fresh;
        if (previous != null) {
            previous.close();
        }
        if (current.isPresent()) {
            collections.delete(current.get());
        }
        return fresh;
    }

    @Override
    public synchronized void close() {
        if (live != null) {
            live.close();
            live = null;
        }
    }

    @Override
    public String toString() {
        return "Solr alias " + alias;
    }
}
