package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexClosedException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.index.Term;

/**
 * The one {@link IndexWriter} of a capsule index and what it changed since the last commit. Every
 * write runs inside {@link #locked}, which serialises writes and refuses them once closed; the
 * uncommitted changes are remembered only so that duplicate detection sees them.
 */
final class IndexChanges {

    @FunctionalInterface
    private interface Write<T> {
        T apply() throws IOException;
    }

    private final IndexWriter writer;
    private final Searchers searchers;
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    private boolean closed;
    private final Map<String, DocumentRecord> pendingAdds = new HashMap<>();
    private final Set<String> pendingChangedIds = new HashSet<>();
    /**
     * The ids of {@link #pendingAdds} by the terms duplicate look-ups ask for (file hash, content
     * hash), so that a look-up reads the few records holding its term rather than every record
     * written since the last commit (a commit may now wait for up to 1,024 files).
     */
    private final Map<Term, Set<String>> pendingByTerm = new HashMap<>();

    IndexChanges(IndexWriter writer, Searchers searchers, String name) {
        this.writer = writer;
        this.searchers = searchers;
        this.name = name;
    }

    /** Adds or replaces a document as one block: its record and passages become visible together. */
    void write(DocumentRecord record, List<Document> entries) throws IOException {
        locked(() -> {
            writer.updateDocuments(IndexSchema.documentIdTerm(record.documentId()), entries);
            forget(pendingAdds.put(record.documentId(), record));
            for (Term term : lookUpTerms(record)) {
                pendingByTerm.computeIfAbsent(term, t -> new HashSet<>()).add(record.documentId());
            }
            pendingChangedIds.add(record.documentId());
            return null;
        });
    }

    void delete(String documentId) throws IOException {
        locked(() -> {
            writer.deleteDocuments(IndexSchema.documentIdTerm(documentId));
            forget(pendingAdds.remove(documentId));
            pendingChangedIds.add(documentId);
            return null;
        });
    }

    /** Commits, then refreshes the searchers, so that a commit is visible once this returns. */
    void commit() throws IOException {
        locked(() -> {
            writer.commit();
            pendingAdds.clear();
            pendingByTerm.clear();
            pendingChangedIds.clear();
            searchers.refresh();
            return null;
        });
    }

    /** See {@link LuceneCapsuleIndex#copyLastCommit}. */
    void copyLastCommit(Path source, Path target) throws IOException {
        SnapshotDeletionPolicy policy = (SnapshotDeletionPolicy) writer.getConfig().getIndexDeletionPolicy();
        IndexCommit commit = locked(policy::snapshot);
        try {
            Files.createDirectories(target);
            for (String file : commit.getFileNames()) {
                Path from = source.resolve(file);
                Path to = target.resolve(file);
                try {
                    Files.createLink(to, from);
                } catch (UnsupportedOperationException | IOException linkRefused) {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    IOUtils.fsync(to, false);
                }
            }
            IOUtils.fsync(target, true);
        } finally {
            locked(() -> {
                policy.release(commit);
                writer.deleteUnusedFiles();
                return null;
            });
        }
    }

    private static List<Term> lookUpTerms(DocumentRecord record) {
        return List.of(new Term(IndexSchema.SHA256, record.sha256()), new Term(IndexSchema.CONTENT_HASH, record.contentHash()));
    }

    /** Drops a replaced or deleted uncommitted record from {@link #pendingByTerm}. */
    private void forget(DocumentRecord record) {
        if (record == null) {
            return;
        }
        for (Term term : lookUpTerms(record)) {
            Set<String> ids = pendingByTerm.get(term);
            if (ids != null) {
                ids.remove(record.documentId());
                if (ids.isEmpty()) {
                    pendingByTerm.remove(term);
                }
            }
        }
    }

    /**
     * The uncommitted record matching {@code matches} (the first by file name), else the
     * committed record with {@code term} that no uncommitted change has replaced or deleted.
     * {@code term} is a file hash or content hash term, and {@code matches} accepts only records
     * whose value for that field is the term's text.
     */
    Optional<DocumentRecord> findDuplicate(Term term, Predicate<DocumentRecord> matches) throws IOException {
        return locked(() -> {
            Optional<DocumentRecord> pending = pendingByTerm.getOrDefault(term, Set.of()).stream()
                    .map(pendingAdds::get)
                    .filter(matches)
                    .min(Comparator.comparing(DocumentRecord::file));
            if (pending.isPresent()) {
                return pending;
            }
            return searchers.read(s -> Records.withTerm(s, term)).stream()
                    .filter(r -> !pendingChangedIds.contains(r.documentId()))
                    .findFirst();
        });
    }

    /**
     * Waits for the write in progress and refuses later ones, then closes {@code readers}, the
     * writer (discarding uncommitted changes) and {@code after}, in this order; the first failure
     * is thrown once all are closed. Idempotent.
     */
    void close(Closeable readers, Closeable... after) throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            IOException failure = null;
            for (Closeable resource : inOrder(readers, writer, after)) {
                try {
                    resource.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(Write<T> write) throws IOException {
        lock.lock();
        try {
            if (closed) {
                throw new IndexClosedException("the index in " + name + " is closed", null);
            }
            return write.apply();
        } catch (AlreadyClosedException e) {
            // The writer closed itself after a failure it cannot recover from (a full disk while
            // flushing or committing): say which, so that callers can tell the person.
            Throwable tragic = writer.getTragicException();
            if (tragic != null) {
                throw new IOException("the index writer of " + name + " stopped after: " + tragic, tragic);
            }
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private static List<Closeable> inOrder(Closeable first, Closeable second, Closeable[] rest) {
        List<Closeable> all = new ArrayList<>(List.of(first, second));
        all.addAll(List.of(rest));
        return all;
    }
}
