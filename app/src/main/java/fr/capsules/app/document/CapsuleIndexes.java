package fr.capsules.app.document;

import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleId;
import fr.capsules.app.cluster.Lease;
import fr.capsules.app.cluster.LeaseHeldException;
import fr.capsules.app.cluster.Leases;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.Embedder;
import fr.capsules.ingest.index.IndexBackend;
import fr.capsules.ingest.index.IndexBusyException;
import fr.capsules.ingest.index.IndexClosedException;
import fr.capsules.ingest.index.IndexFiller;
import fr.capsules.ingest.index.IndexSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place that owns the index of each capsule: one store per capsule from the {@link
 * IndexBackend}, opened lazily, writes serialised per capsule, rebuilt beside the live index while
 * it serves, closed on shutdown. Callers pass functions; they never hold an index beyond the call.
 * Only the index port is used here: which engine stands behind it is the backend's business.
 *
 * <p>Several application nodes may share one index (the SolrCloud backend): writes and rebuilds
 * of a capsule also hold the capsule's lease in the shared database ({@link Leases}, {@code
 * index:<capsule>}), so that a write never lands in a generation another node's rebuild is about
 * to replace. A rebuild that finds the lease held is refused at once ({@link
 * IndexBusyException}: 409, the other node's rebuild goes on); a write waits for it a while.
 */
@Component
public class CapsuleIndexes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CapsuleIndexes.class);

    private final IndexSettings settings;
    /** How long a write waits for another node's rebuild or write of the same capsule. */
    private static final Duration WRITE_PATIENCE = Duration.ofSeconds(60);

    private final IndexBackend backend;
    private final Leases leases;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    public CapsuleIndexes(IndexBackend backend, ObjectProvider<Embedder> embedder, Leases leases) {
        this.backend = backend;
        this.leases = leases;
        Embedder configured = embedder.getIfAvailable();
        this.settings = configured == null ? IndexSettings.lexicalOnly() : IndexSettings.of(configured);
    }

    /** What every capsule index is built with: lexical only, or with this embedding model's vectors. */
    public IndexSettings settings() {
        return settings;
    }

    /** Runs a read against the capsule's live index; concurrent with other reads and with writes. */
    public <T> T read(CapsuleId id, IndexWork<T> reader) {
        Slot slot = slot(id);
        try {
            return reader.apply(slot.live());
        } catch (IndexClosedException e) {
            // A rebuild swapped generations while this read ran: the new generation is live now.
            return unchecked(reader, slot);
        } catch (IOException e) {
            throw new UncheckedIOException("reading index " + id + " failed", e);
        }
    }

    /**
     * Runs a read against the index the capsule is served from: the published version's snapshot to
     * its audience ({@link Capsule#servedVersion()}), the live index (the working copy) otherwise. A
     * version published before snapshots were kept has none: the live index serves it.
     */
    public <T> T read(Capsule capsule, IndexWork<T> reader) {
        Integer version = capsule.servedVersion();
        if (version == null) {
            return read(capsule.id(), reader);
        }
        Slot slot = slot(capsule.id());
        try {
            Optional<CapsuleIndex> snapshot = snapshotFrom(slot, version);
            if (snapshot.isEmpty()) {
                return read(capsule.id(), reader);
            }
            try {
                return reader.apply(snapshot.get());
            } catch (IndexClosedException e) {
                // A newer version was published and this one released while the read ran: serve the new one.
                Optional<CapsuleIndex> newer = snapshotFrom(slot, version);
                return newer.isEmpty() ? read(capsule.id(), reader) : reader.apply(newer.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the published index " + capsule.id() + " failed", e);
        }
    }

    /** The snapshot of {@code version}, else the newest one kept after it (the version served now). */
    private static Optional<CapsuleIndex> snapshotFrom(Slot slot, int version) throws IOException {
        Optional<CapsuleIndex> exact = slot.store.openSnapshot(version);
        if (exact.isPresent()) {
            return exact;
        }
        List<Integer> kept = slot.store.snapshots();
        int newest = kept.isEmpty() ? -1 : kept.getLast();
        return newest > version ? slot.store.openSnapshot(newest) : Optional.empty();
    }

    /**
     * Reads the newest published snapshot of the capsule, whoever asks (for a maintainer's decision
     * that depends on what the audience sees); empty when none is kept.
     */
    public <T> Optional<T> readPublished(CapsuleId id, IndexWork<T> reader) {
        Slot slot = slot(id);
        try {
            List<Integer> kept = slot.store.snapshots();
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            Optional<CapsuleIndex> snapshot = slot.store.openSnapshot(kept.getLast());
            return snapshot.isEmpty() ? Optional.empty() : Optional.of(reader.apply(snapshot.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the published index " + id + " failed", e);
        }
    }

    /**
     * Keeps the live index's last commit as the snapshot of the published {@code version}; taken
     * under the capsule's write lock, so that no upload is half in it.
     *
     * @return the snapshot, or empty when the backend keeps no snapshots (then the live index serves everyone)
     */
    public Optional<CapsuleIndex> keepSnapshot(CapsuleId id, int version) {
        Slot slot = slot(id);
        slot.writing.lock();
        try {
            return slot.store.keepSnapshot(version) ? slot.store.openSnapshot(version) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("keeping the snapshot of version " + version + " of " + id + " failed", e);
        } finally {
            slot.writing.unlock();
        }
    }

    /** Releases every snapshot of the capsule but {@code version}'s: the version serving now. */
    public void releaseSnapshotsExcept(CapsuleId id, int version) {
        try {
            slot(id).store.releaseSnapshotsExcept(version);
        } catch (IOException e) {
            throw new UncheckedIOException("releasing the snapshots of " + id + " failed", e);
        }
    }

    /** Runs a write against the live index; writes to one capsule are serialised. */
    public <T> T write(CapsuleId id, IndexWork<T> writer) {
        Slot slot = slot(id);
        slot.writing.lock();
        try (Lease lease = lease(id, () -> leases.acquire(leaseName(id), WRITE_PATIENCE))) {
            return writer.apply(slot.live());
        } catch (IOException e) {
            throw new UncheckedIOException("writing index " + id + " failed", e);
        } finally {
            slot.writing.unlock();
        }
    }

    /**
     * Rebuilds the capsule's index into a new generation and switches to it; until the switch,
     * readers use the previous generation, which stays intact if the rebuild fails.
     */
    public void rebuild(CapsuleId id, IndexFiller filler) {
        Slot slot = slot(id);
        slot.writing.lock();
        try (Lease lease = lease(id, () -> leases.tryAcquire(leaseName(id)))) {
            slot.store.rebuild(filler);
        } catch (IOException e) {
            throw new UncheckedIOException("rebuild of index " + id + " failed", e);
        } finally {
            slot.writing.unlock();
        }
    }

    private static String leaseName(CapsuleId id) {
        return "index:" + id.value();
    }

    private static Lease lease(CapsuleId id, java.util.function.Supplier<Lease> taking) {
        try {
            return taking.get();
        } catch (LeaseHeldException e) {
            throw new IndexBusyException(id.value(), "index of capsule " + id.value() + " is already being re-indexed or written by node "
                    + e.holderNode() + " since " + e.since(), e);
        }
    }

    private static <T> T unchecked(IndexWork<T> work, Slot slot) {
        try {
            return work.apply(slot.live());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Work done with a capsule's index, inside {@link #read} or {@link #write}. */
    @FunctionalInterface
    public interface IndexWork<T> {
        T apply(CapsuleIndex index) throws IOException;
    }

    private Slot slot(CapsuleId id) {
        return slots.computeIfAbsent(
                id.value(),
                key -> new Slot(backend.store(key, settings)));
    }

    @Override
    public void destroy() {
        slots.forEach(
                (id, slot) -> {
                    try {
                        slot.store.close();
                    } catch (IOException e) {
                        log.warn("Closing index {} failed", id, e);
                    }
                });
    }

    private record Slot(CapsuleIndexStore store, ReentrantLock writing) {
        Slot(CapsuleIndexStore store) {
            this(store, new ReentrantLock());
        }

        CapsuleIndex live() {
            try {
                return store.openCurrent();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open index " + store, e);
            }
        }
    }
}
