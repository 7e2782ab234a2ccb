package fr.capsules.app.document;

import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.pseudonym.PseudonymTables;
import fr.capsules.ingest.ArchiveExpander;
import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.SourceName;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.Embedder;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.pipeline.Ingestion;
import fr.capsules.ingest.pipeline.IngestionStage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The documents of each capsule: the catalogue's own files plus the ones uploaded (their originals
 * kept, see {@link DocumentFiles}, so that a re-index can read them again). Reading is open to
 * anyone who obtained the capsule through the access check; changes are made here but decided in
 * {@link DocumentMaintenance}, which checks who asks and records them, and by the start-up
 * indexing of the catalogue. Every file offered gets a result.
 *
 * <p>The files of a pseudonymised capsule go through its pseudonymisation ({@link
 * PseudonymTables#stageFor}); after a run into an empty index, and after every rebuild, how the
 * index is built (pseudonymised or in clear) is recorded, so that a change of the setting is seen
 * at the next start ({@code CatalogueIndexing}).
 */
@Component
public class DocumentLibrary implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentLibrary.class);

    private final CapsuleIndexes indexes;
    private final IngestionProperties properties;
    private final DocumentFiles files;
    private final Ingestion ingestion;
    private final ArchiveExpander archives;
    private final PseudonymTables pseudonyms;

    DocumentLibrary(
            CapsuleIndexes indexes, IngestionProperties properties, OcrProperties ocr, DocumentFiles files,
            ObjectProvider<Embedder> embedder, PseudonymTables pseudonyms) {
        this.indexes = indexes;
        this.pseudonyms = pseudonyms;
        this.properties = properties;
        this.files = files;
        this.ingestion = new Ingestion(properties.settings().withOcr(ocr.settings()), embedder.getIfAvailable());
        this.archives = new ArchiveExpander(properties.archiveLimits(), properties.maxFileSize().toBytes());
    }

    /**
     * Ingests uploaded files (archives expanded) and keeps their originals; one result per file, in
     * order, committed together. Each file is read once: the original kept is the bytes ingestion
     * read. A file whose original cannot be kept is failed and left out of the index.
     */
    List<IngestionResult> upload(Capsule capsule, List<Upload> uploads) {
        List<IngestionResult> results = new ArrayList<>();
        List<SourceFile> accepted = new ArrayList<>();
        for (Upload upload : uploads) {
            collect(upload, accepted, results);
        }
        int limit = Math.min(properties.maxFilesPerUpload(), accepted.size());
        List<SourceFile> ingested = accepted.subList(0, limit);
        KeepOriginal keeper = files.keeper(capsule.id());
        List<IngestionResult> outcomes = List.of();
        try {
            outcomes = indexes.write(capsule.id(), index -> ingest(capsule, ingested, index, List.of(keeper)));
        } finally {
            keeper.settle(outcomes);
        }
        results.addAll(outcomes);
        for (SourceFile file : accepted.subList(limit, accepted.size())) {
            results.add(IngestionResult.rejected(file.name().value(), "trop de fichiers dans un même envoi (limite "
                    + properties.maxFilesPerUpload() + ") : déposez le reste séparément"));
        }
        return results;
    }

    private void collect(Upload upload, List<SourceFile> accepted, List<IngestionResult> results) {
        String problem = SourceName.problemWith(upload.rawName(), false);
        if (problem != null) {
            results.add(IngestionResult.rejected(upload.rawName(), problem));
            return;
        }
        if (!ArchiveExpander.isArchive(upload.rawName())) {
            accepted.add(new SourceFile(new SourceName(upload.rawName()), upload.size(), upload.content()));
            return;
        }
        try (InputStream in = upload.content().open()) {
            ArchiveExpander.Expansion expansion = archives.expand(upload.rawName(), in, upload.size());
            results.addAll(expansion.rejected());
            accepted.addAll(expansion.files());
        } catch (ArchiveExpander.ArchiveRejectedException e) {
            results.add(IngestionResult.rejected(upload.rawName(), e.getMessage()));
        } catch (IOException e) {
            results.add(IngestionResult.failed(upload.rawName(), FailureReason.UNREADABLE, "archive illisible : " + e.getMessage()));
        }
    }

    /** The capsule's indexed documents, sorted by file name. */
    public List<DocumentRecord> list(Capsule capsule) {
        return indexes.read(capsule, index -> index.documents());
    }

    /**
     * Removes a document and its passages; a catalogue document stays excluded afterwards.
     *
     * @throws DocumentNotFoundException when the capsule holds no such document
     */
    DocumentRecord delete(Capsule capsule, String documentId) {
        DocumentRecord removed =
                indexes.write(
                        capsule.id(),
                        index -> {
                            DocumentRecord record =
                                    index.document(documentId).orElseThrow(() -> new DocumentNotFoundException(documentId));
                            files.exclude(capsule.id(), record);
                            index.delete(documentId);
                            index.commit();
                            return record;
                        });
        boolean published = indexes.readPublished(capsule.id(), index -> index.document(documentId).isPresent())
                .orElse(false);
        if (published) {
            files.retain(capsule.id(), removed);
        } else {
            files.forget(capsule.id(), removed);
        }
        return removed;
    }

    /**
     * Keeps the capsule's committed documents as the snapshot of the published {@code version},
     * served to its audience until a later version is published.
     *
     * @return the documents of the snapshot, or empty when the index backend keeps no snapshots
     */
    public java.util.Optional<List<DocumentRecord>> keepPublished(Capsule capsule, int version) {
        return indexes.keepSnapshot(capsule.id(), version).map(snapshot -> {
            try {
                return snapshot.documents();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Once {@code version} serves: releases the snapshots of earlier versions and the originals kept
     * only for them (documents the working copy removed that this version no longer holds).
     */
    public void releasePublishedExcept(Capsule capsule, int version) {
        indexes.releaseSnapshotsExcept(capsule.id(), version);
        java.util.Set<String> held = new java.util.HashSet<>();
        indexes.readPublished(capsule.id(), index -> index.documents())
                .ifPresent(docs -> docs.forEach(d -> held.add(d.documentId())));
        files.releaseRetainedExcept(capsule.id(), held);
    }

    /**
     * The original file of an indexed document: the uploaded copy, or the catalogue's file.
     *
     * @throws DocumentNotFoundException when the document is not indexed or its file is gone
     */
    public Original original(Capsule capsule, String documentId) {
        DocumentRecord record = indexes.read(capsule, index -> index.document(documentId))
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
        return files.original(capsule, record)
                .map(path -> new Original(record, path))
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
    }

    /** An indexed document and where its bytes are. */
    public record Original(DocumentRecord record, Path path) {}

    /**
     * At start, before anything else touches the capsule: the kept originals and exclusions brought
     * back in line with the index ({@link DocumentFiles#reconcile}) after a stop in the middle of an
     * upload or a removal. Logged when something was changed.
     */
    void reconcile(Capsule capsule) {
        DocumentFiles.Reconciled reconciled = indexes.write(capsule.id(), index -> files.reconcile(capsule.id(), index.documents()));
        if (!reconciled.nothing()) {
            log.warn("Capsule {} : après un arrêt brutal, {} original(aux) de documents absents de l'index supprimé(s) {},"
                    + " {} exclusion(s) de documents présents levée(s) / after an abrupt stop, originals of documents not in the"
                    + " index removed, exclusions of indexed documents lifted",
                    capsule.id().value(), reconciled.originalsRemoved().size(), reconciled.originalsRemoved(),
                    reconciled.exclusionsLifted().size());
        }
    }

    /** Indexes the catalogue's documents that are not indexed yet (first start, new files). */
    List<IngestionResult> indexCatalogue(Capsule capsule) {
        List<SourceFile> sources = files.catalogue(capsule);
        return indexes.write(capsule.id(), index -> ingest(capsule, sources, index, List.of()));
    }

    /** One run into the capsule's index, pseudonymised when the capsule is; records how an empty index was filled. */
    private List<IngestionResult> ingest(Capsule capsule, List<SourceFile> sources, CapsuleIndex index,
            List<IngestionStage> beforeIndexing) throws IOException {
        boolean wasEmpty = index.documents().isEmpty();
        List<IngestionResult> results =
                ingestion.ingestAll(sources, index, pseudonyms.stageFor(capsule), beforeIndexing);
        if (wasEmpty) {
            recordIndexed(capsule);
        }
        return results;
    }

    private void recordIndexed(Capsule capsule) {
        try {
            pseudonyms.recordIndexed(capsule.id(), capsule.definition().pseudonymised());
        } catch (IOException e) {
            log.warn("Capsule {} : l'état de pseudonymisation de l'index n'a pas pu être enregistré", capsule.id().value(), e);
        }
    }

    /**
     * Rebuilds the capsule's index from all its documents; the old index serves until the switch.
     *
     * @throws EmbeddingsUnavailableException when the embedding model did not answer: the rebuild
     *     is abandoned and the previous index keeps serving
     */
    List<IngestionResult> reindex(Capsule capsule) {
        List<IngestionResult> results = new ArrayList<>();
        indexes.rebuild(capsule.id(), index -> {
            // Listed once the rebuild holds the capsule's index: an upload that another node finished before is in.
            List<SourceFile> sources = new ArrayList<>(files.catalogue(capsule));
            sources.addAll(files.uploaded(capsule.id()));
            results.addAll(ingestion.ingestAll(sources, index, pseudonyms.stageFor(capsule), List.of()));
            // Without the embedding model the new generation would miss documents: keep the old one.
            results.stream()
                    .filter(r -> r.failure() == FailureReason.EMBEDDINGS_UNAVAILABLE)
                    .findFirst()
                    .ifPresent(r -> {
                        throw new EmbeddingsUnavailableException(r.error());
                    });
        });
        recordIndexed(capsule);
        return results;
    }

    /**
     * Brings the capsule's documents back to exactly those whose SHA-256 are given (a published version's
     * corpus), from the catalogue's files and the kept originals, and rebuilds its index from them.
     *
     * @param wanted SHA-256 → file name, for the message when an original is gone
     * @throws MissingOriginalsException before anything changes, when a wanted file has no original left
     */
    public List<IngestionResult> restore(Capsule capsule, Map<String, String> wanted) {
        Map<String, DocumentFiles.KeptFile> kept = files.kept(capsule);
        List<String> missing = wanted.entrySet().stream().filter(e -> !kept.containsKey(e.getKey()))
                .map(Map.Entry::getValue).sorted().toList();
        if (!missing.isEmpty()) {
            throw new MissingOriginalsException(missing);
        }
        files.keepOnly(capsule.id(), kept, wanted.keySet());
        return reindex(capsule);
    }

    @Override
    public void destroy() {
        ingestion.close();
    }
}
