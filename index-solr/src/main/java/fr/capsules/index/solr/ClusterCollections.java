package fr.capsules.index.solr;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.impl.BaseHttpSolrClient.RemoteSolrException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;

/** The collections API as the stores use it: aliases, generations, creation and deletion. */
final class ClusterCollections {

    static final String CONFIGSET = "capsules";

    private final SolrNodes nodes;
    private final SolrSettings settings;

    ClusterCollections(SolrNodes nodes, SolrSettings settings) {
        this.nodes = nodes;
        this.settings = settings;
    }

    /** The collection the alias points at, if the alias exists. */
    Optional<String> resolve(String alias) throws IOException {
        CollectionAdminResponse response = nodes.send(new CollectionAdminRequest.ListAliases(), null);
        Map<String, List<String>> aliases = response.getAliasesAsLists();
        List<String> target = aliases == null ? null : aliases.get(alias);
        return target == null || target.isEmpty() ? Optional.empty() : Optional.of(target.get(0));
    }

    /** Every collection of the cluster. */
    List<String> list() throws IOException {
        CollectionAdminResponse response = nodes.send(new CollectionAdminRequest.List(), null);
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) response.getResponse().get("collections");
        return names == null ? List.of() : names;
    }

    /**
     * Creates a collection of the capsules configset and waits until its replicas are active.
     *
     * @return false when a collection of that name already exists (someone else created it)
     */
    boolean create(String name) throws IOException {
        try {
            CollectionAdminRequest.Create create =
                    CollectionAdminRequest.createCollection(name, CONFIGSET, settings.shards(), settings.replicas());
            create.setWaitForFinalState(true);
            nodes.send(create, null);
            return true;
        } catch (RemoteSolrException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("already exists")) {
                return false;
            }
            throw new IOException("Solr refused to create collection " + name + ": " + e.getMessage(), e);
        }
    }

    void point(String alias, String collection) throws IOException {
        try {
            nodes.send(CollectionAdminRequest.createAlias(alias, collection), null);
        } catch (RemoteSolrException e) {
            throw new IOException("Solr refused to point " + alias + " at " + collection + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a capsule's alias and every generation of it; absent ones are ignored. */
    void deleteCapsule(String capsuleId) throws IOException {
        String alias = CollectionNames.alias(capsuleId);
        try {
            nodes.send(CollectionAdminRequest.deleteAlias(alias), null);
        } catch (RemoteSolrException e) {
            // No alias: nothing points at a generation any more, which is what is wanted.
        }
        for (String collection : list()) {
            if (CollectionNames.generationOf(capsuleId, collection).isPresent()) {
                delete(collection);
            }
        }
    }

    /** Deletes a collection; an absent one is ignored. */
    void delete(String collection) throws IOException {
        try {
            nodes.send(CollectionAdminRequest.deleteCollection(collection), null);
        } catch (RemoteSolrException e) {
            if (!CapsuleCollection.isMissingCollection(e)
                    && !String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("does not exist")) {
                throw new IOException("Solr refused to delete " + collection + ": " + e.getMessage(), e);
            }
        }
    }
}
