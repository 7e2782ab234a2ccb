package fr.capsules.app.document;

import fr.capsules.app.CapsulesProperties;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleId;
import fr.capsules.ingest.ArchiveExpander;
import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.FileTrees;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.Sha256;
import fr.capsules.ingest.SourceName;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.Embedder;
import fr.capsules.ingest.pipeline.Ingestion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The documents of each capsule: the catalogue's own files plus the ones uploaded through the
 * API (kept under the data folder so that a re-index can read them again). Uploading, listing,
 * removing and re-indexing go through here; every file offered gets a result.
 */
@Component
public class DocumentLibrary implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentLibrary.class);

    private final CapsuleIndexes indexes;
    private final IngestionProperties properties;
    private final Path uploadsRoot;
    private final Ingestion ingestion;
    private final ArchiveExpander archives;

    public DocumentLibrary(
            CapsuleIndexes indexes, IngestionProperties properties, CapsulesProperties capsules, ObjectProvider<Embedder> embedder) {
        this.indexes = indexes;
        this.properties = properties;
        this.uploadsRoot = capsules.uploadedDocumentsDir();
        this.ingestion = new Ingestion(properties.settings(), embedder.getIfAvailable());
        this.archives = new ArchiveExpander(properties.archiveLimits(), properties.maxFileSize().toBytes());
    }

    /** Ingests uploaded files (archives expanded); one result per file, in order. */
    public List<IngestionResult> upload(Capsule capsule, List<Upload> uploads) {
        List<IngestionResult> results = new ArrayList<>();
        List<SourceFile> accepted = new ArrayList<>();
        for (Upload upload : uploads) {
            collect(upload, accepted, results);
        }
        int limit = properties.maxFilesPerUpload();
        for (int i = 0; i < accepted.size(); i++) {
            SourceFile file = accepted.get(i);
            if (i >= limit) {
                results.add(IngestionResult.rejected(
                        file.name().value(), "trop de fichiers dans un même envoi (limite " + limit + ") : déposez le reste séparément"));
                continue;
            }
            IngestionResult result = indexes.write(capsule.id(), index -> ingestion.ingest(file, index));
            if (result.status() == IngestionStatus.INDEXED) {
                keep(capsule.id(), result.documentId(), file);
            }
            results.add(result);
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
        return indexes.read(capsule.id(), index -> index.documents());
    }

    /** Removes a document and its passages; a catalogue document stays excluded afterwards. */
    public DocumentRecord delete(Capsule capsule, String documentId) {
        DocumentRecord removed =
                indexes.write(
                        capsule.id(),
                        index -> {
                            DocumentRecord record =
                                    index.document(documentId).orElseThrow(() -> new DocumentNotFoundException(documentId));
                            index.delete(documentId);
                            index.commit();
                            return record;
                        });
        try {
            FileTrees.delete(uploadFolder(capsule.id()).resolve(removed.documentId()));
            Exclusions.of(uploadFolder(capsule.id())).add(removed.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove stored file of document " + documentId, e);
        }
        return removed;
    }

    /**
     * The original file of an indexed document: the uploaded copy, or the catalogue's file.
     *
     * @throws DocumentNotFoundException when the document is not indexed or its file is gone
     */
    public Original original(Capsule capsule, String documentId) {
        DocumentRecord record = indexes.read(capsule.id(), index -> index.document(documentId))
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
        List<Path> candidates = new ArrayList<>();
        Path uploaded = uploadFolder(capsule.id()).resolve(record.documentId());
        candidates.add(uploaded.resolve(record.file()).normalize());
        capsule.catalogDocuments().ifPresent(folder -> candidates.add(folder.resolve(record.file()).normalize()));
        for (Path candidate : candidates) {
            boolean inside = candidate.startsWith(uploaded) || capsule.catalogDocuments().map(candidate::startsWith).orElse(false);
            if (inside && Files.isRegularFile(candidate)) {
                return new Original(record, candidate);
            }
        }
        throw new DocumentNotFoundException(documentId);
    }

    /** An indexed document and where its bytes are. */
    public record Original(DocumentRecord record, Path path) {}

    /** Indexes the catalogue's documents that are not indexed yet (first start, new files). */
    public List<IngestionResult> indexCatalogue(Capsule capsule) {
        List<SourceFile> sources = catalogueSources(capsule);
        return indexes.write(capsule.id(), index -> ingestion.ingestAll(sources, index));
    }

    /** Rebuilds the capsule's index from all its documents; the old index serves until the switch. */
    public List<IngestionResult> reindex(Capsule capsule) {
        List<SourceFile> sources = new ArrayList<>(catalogueSources(capsule));
        sources.addAll(uploadedSources(capsule.id()));
        List<IngestionResult> results = new ArrayList<>();
        indexes.rebuild(capsule.id(), index -> {
            results.addAll(ingestion.ingestAll(sources, index));
            // Without the embedding model the new generation would miss documents: keep the old one.
            results.stream()
                    .filter(r -> r.failure() == FailureReason.EMBEDDINGS_UNAVAILABLE)
                    .findFirst()
                    .ifPresent(r -> {
                        throw new EmbeddingsUnavailableException(r.error());
                    });
        });
        return results;
    }

    private List<SourceFile> catalogueSources(Capsule capsule) {
        Path folder = capsule.catalogDocuments().filter(Files::isDirectory).orElse(null);
        if (folder == null) {
            return List.of();
        }
        Exclusions excluded = Exclusions.of(uploadFolder(capsule.id()));
        return filesUnder(folder).stream()
                .map(path -> source(folder, path))
                .filter(source -> source != null && !excluded.contains(source))
                .toList();
    }

    private List<SourceFile> uploadedSources(CapsuleId id) {
        Path root = uploadFolder(id);
        List<SourceFile> sources = new ArrayList<>();
        for (Path documentFolder : children(root)) {
            for (Path file : filesUnder(documentFolder)) {
                SourceFile source = source(documentFolder, file);
                if (source != null) {
                    sources.add(source);
                }
            }
        }
        return sources;
    }

    private static SourceFile source(Path base, Path file) {
        String name = base.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        if (SourceName.problemWith(name, true) != null) {
            log.warn("Fichier ignoré, nom inutilisable : {}", SourceName.printable(name));
            return null;
        }
        try {
            return SourceFile.of(name, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keep(CapsuleId id, String documentId, SourceFile file) {
        Path target = uploadFolder(id).resolve(documentId).resolve(file.name().value()).normalize();
        if (!target.startsWith(uploadFolder(id))) {
            throw new IllegalStateException("refusing to store outside the capsule folder: " + file.name());
        }
        try (InputStream in = file.content().open()) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            Exclusions.of(uploadFolder(id)).remove(Sha256.hex(Files.readAllBytes(target)));
        } catch (IOException e) {
            log.error("Le document {} est indexé mais sa copie n'a pas pu être conservée ; un ré-indexage le perdrait", file.name(), e);
        }
    }

    private Path uploadFolder(CapsuleId id) {
        return uploadsRoot.resolve(id.value());
    }

    private static List<Path> filesUnder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() {
        ingestion.close();
    }
}
