package fr.capsules.app.document;

import fr.capsules.app.CapsulesProperties;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleId;
import fr.capsules.ingest.FileTrees;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.SourceName;
import fr.capsules.ingest.index.DocumentRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the files of a capsule's documents are: the catalogue's read-only folder, and the
 * originals of uploads kept under {@code data/documents/<capsule>/<documentId>/<file>}, beside the
 * list of catalogue documents a referent removed ({@link Exclusions}).
 */
@Component
class DocumentFiles {

    private static final Logger log = LoggerFactory.getLogger(DocumentFiles.class);

    private final Path uploadsRoot;
    private final Path retainedRoot;

    DocumentFiles(CapsulesProperties properties) {
        this.uploadsRoot = properties.uploadedDocumentsDir();
        this.retainedRoot = properties.dataDir().resolve("published-originals");
    }

    /** The stage that keeps the originals of one upload to the capsule. */
    KeepOriginal keeper(CapsuleId id) {
        return new KeepOriginal(uploadFolder(id));
    }

    /** The catalogue's documents of the capsule, less the ones a referent removed. */
    List<SourceFile> catalogue(Capsule capsule) {
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

    /** The originals kept of the capsule's uploads. */
    List<SourceFile> uploaded(CapsuleId id) {
        List<SourceFile> sources = new ArrayList<>();
        for (Path documentFolder : children(uploadFolder(id))) {
            for (Path file : filesUnder(documentFolder)) {
                SourceFile source = source(documentFolder, file);
                if (source != null) {
                    sources.add(source);
                }
            }
        }
        return sources;
    }

    /**
     * Where the bytes of an indexed document are: its kept original, the original retained for the
     * published version after the working copy removed it, or the catalogue's file.
     */
    Optional<Path> original(Capsule capsule, DocumentRecord record) {
        List<Path> candidates = new ArrayList<>();
        Path uploaded = uploadFolder(capsule.id()).resolve(record.documentId());
        Path retained = retainedFolder(capsule.id()).resolve(record.documentId());
        candidates.add(uploaded.resolve(record.file()).normalize());
        candidates.add(retained.resolve(record.file()).normalize());
        capsule.catalogDocuments().ifPresent(folder -> candidates.add(folder.resolve(record.file()).normalize()));
        for (Path candidate : candidates) {
            boolean inside = candidate.startsWith(uploaded) || candidate.startsWith(retained)
                    || capsule.catalogDocuments().map(candidate::startsWith).orElse(false);
            if (inside && Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A file the capsule's documents may be restored from: a catalogue file or a kept original. */
    record KeptFile(String file, Path folder, boolean catalogue) {}

    /**
     * Every file the capsule's corpus could be rebuilt from, by SHA-256 of its bytes: the catalogue's files
     * (those a referent removed included) and the originals kept of uploads (under their document folder).
     */
    Map<String, KeptFile> kept(Capsule capsule) {
        Map<String, KeptFile> found = new LinkedHashMap<>();
        capsule.catalogDocuments().filter(Files::isDirectory).ifPresent(folder -> {
            for (Path path : filesUnder(folder)) {
                found.putIfAbsent(sha256(path), new KeptFile(folder.relativize(path).toString().replace(java.io.File.separatorChar, '/'),
                        path, true));
            }
        });
        for (Path documentFolder : children(uploadFolder(capsule.id()))) {
            for (Path path : filesUnder(documentFolder)) {
                found.putIfAbsent(sha256(path), new KeptFile(documentFolder.relativize(path).toString(), documentFolder, false));
            }
        }
        // Originals the working copy removed while the published version still held them.
        for (Path documentFolder : children(retainedFolder(capsule.id()))) {
            for (Path path : filesUnder(documentFolder)) {
                found.putIfAbsent(sha256(path), new KeptFile(documentFolder.relativize(path).toString(), documentFolder, false));
            }
        }
        return found;
    }

    /**
     * Leaves exactly the files whose SHA-256 are {@code wanted} to the next rebuild: catalogue files excluded
     * or put back, kept originals of the other uploads set aside with the retained originals (deleted once another
     * version serves, {@link #releaseRetainedExcept}), so that a rebuild that fails loses no original.
     */
    void keepOnly(CapsuleId id, Map<String, KeptFile> kept, java.util.Set<String> wanted) {
        try {
            Exclusions exclusions = Exclusions.of(uploadFolder(id));
            for (Map.Entry<String, KeptFile> e : kept.entrySet()) {
                boolean keep = wanted.contains(e.getKey());
                if (e.getValue().catalogue()) {
                    if (keep) {
                        exclusions.remove(e.getKey());
                    } else {
                        exclusions.add(e.getKey());
                    }
                } else if (e.getValue().folder().startsWith(retainedFolder(id))) {
                    if (keep) {
                        // Back into the working copy; left alone otherwise, for the version serving now.
                        Path back = uploadFolder(id).resolve(e.getValue().folder().getFileName());
                        Files.createDirectories(back.getParent());
                        Files.move(e.getValue().folder(), back, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        exclusions.remove(e.getKey());
                    }
                } else if (!keep) {
                    // Set aside, not deleted: the version serving now may cite it, and a rebuild that fails (the
                    // embedding model down) leaves the index holding it. Released once another version serves.
                    setAside(id, e.getValue().folder());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the documents of capsule " + id.value(), e);
        }
    }

    private static String sha256(Path path) {
        try {
            return fr.capsules.ingest.Sha256.hex(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Excludes a document's file from the catalogue before its removal from the index is committed: a
     * service killed in between finds the exclusion of a document still indexed, which {@link #reconcile}
     * withdraws, instead of a removal without its exclusion, which would bring a catalogue file back at
     * the next start.
     */
    void exclude(CapsuleId id, DocumentRecord removed) {
        try {
            Exclusions.of(uploadFolder(id)).add(removed.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot exclude document " + removed.documentId(), e);
        }
    }

    /** Deletes the kept original of a document once its removal from the index is committed. */
    void forget(CapsuleId id, DocumentRecord removed) {
        try {
            FileTrees.delete(uploadFolder(id).resolve(removed.documentId()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove stored file of document " + removed.documentId(), e);
        }
    }

    /**
     * Brings the kept originals and the exclusions of a capsule back in line with its index, the
     * reference, after a service was stopped between the two (killed, power cut): the originals of
     * documents the index does not hold are deleted (an upload killed before its commit, possibly half
     * written; a removal killed after its commit), so that a re-index never brings back a document
     * that was never acknowledged, or removed, or half of one; and the exclusions of documents the
     * index holds are lifted (a removal killed before its commit, a re-upload before its settling).
     * To be called with the capsule's writes held off.
     *
     * @return the document folders deleted and the exclusions lifted, for the log
     */
    Reconciled reconcile(CapsuleId id, List<DocumentRecord> indexed) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Set<String> hashes = new java.util.HashSet<>();
        indexed.forEach(d -> {
            ids.add(d.documentId());
            hashes.add(d.sha256());
        });
        List<String> removed = new ArrayList<>();
        List<String> lifted = new ArrayList<>();
        try {
            for (Path documentFolder : children(uploadFolder(id))) {
                String documentId = documentFolder.getFileName().toString();
                if (!ids.contains(documentId)) {
                    FileTrees.delete(documentFolder);
                    removed.add(documentId);
                }
            }
            Exclusions exclusions = Exclusions.of(uploadFolder(id));
            for (String sha256 : hashes) {
                if (exclusions.excludes(sha256)) {
                    exclusions.remove(sha256);
                    lifted.add(sha256);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reconcile the stored files of capsule " + id.value(), e);
        }
        return new Reconciled(removed, lifted);
    }

    /** What {@link #reconcile} changed. */
    record Reconciled(List<String> originalsRemoved, List<String> exclusionsLifted) {
        boolean nothing() {
            return originalsRemoved.isEmpty() && exclusionsLifted.isEmpty();
        }
    }

    /**
     * Removes a document from the working copy while the published version still cites it: its kept
     * original moves to {@code data/published-originals/<capsule>/<documentId>/}, where no re-index
     * reads it but downloads for the published version find it, until {@link #releaseRetainedExcept}.
     */
    void retain(CapsuleId id, DocumentRecord removed) {
        try {
            Path from = uploadFolder(id).resolve(removed.documentId());
            if (Files.isDirectory(from)) {
                setAside(id, from);
            }
            Exclusions.of(uploadFolder(id)).add(removed.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set aside the stored file of document " + removed.documentId(), e);
        }
    }

    /** Moves an uploaded document's folder of originals out of the working copy, into the retained originals. */
    private void setAside(CapsuleId id, Path documentFolder) throws IOException {
        Path to = retainedFolder(id).resolve(documentFolder.getFileName());
        Files.createDirectories(to.getParent());
        FileTrees.delete(to);
        Files.move(documentFolder, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the retained originals of documents the version serving now no longer holds. */
    void releaseRetainedExcept(CapsuleId id, java.util.Set<String> documentIds) {
        for (Path folder : children(retainedFolder(id))) {
            if (!documentIds.contains(folder.getFileName().toString())) {
                try {
                    FileTrees.delete(folder);
                } catch (IOException e) {
                    log.warn("Capsule {} : l'original retenu {} n'a pas pu être supprimé", id.value(), folder, e);
                }
            }
        }
    }

    private Path retainedFolder(CapsuleId id) {
        return retainedRoot.resolve(id.value());
    }

    private Path uploadFolder(CapsuleId id) {
        return uploadsRoot.resolve(id.value());
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
}
