package fr.capsules.app.document;

import fr.capsules.app.capsule.CapsuleId;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.Embedder;
import fr.capsules.ingest.index.IndexBackend;
import fr.capsules.ingest.index.IndexClosedException;
import fr.capsules.ingest.index.IndexFiller;
import fr.capsules.ingest.index.IndexSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
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
 */
@Component
public class CapsuleIndexes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CapsuleIndexes.class);

    private final IndexBackend backend;
    private final IndexSettings settings;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    public CapsuleIndexes(IndexBackend backend, ObjectProvider<Embedder> embedder) {
        this.backend = backend;
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

    /** Runs a write against the live index; writes to one capsule are serialised. */
    public <T> T write(CapsuleId id, IndexWork<T> writer) {
        Slot slot = slot(id);
        slot.writing.lock();
        try {
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
        try {
            slot.store.rebuild(filler);
        } catch (IOException e) {
            throw new UncheckedIOException("rebuild of index " + id + " failed", e);
        } finally {
            slot.writing.unlock();
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
