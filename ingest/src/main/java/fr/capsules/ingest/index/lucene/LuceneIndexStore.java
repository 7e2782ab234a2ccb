package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.FileTrees;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.IndexFiller;
import fr.capsules.ingest.index.IndexMismatchException;
import fr.capsules.ingest.index.IndexSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;

/**
 * The {@link CapsuleIndexStore} of a local Lucene index: generations of the index under a root
 * folder, so that a capsule can be re-indexed from scratch while its current index keeps
 * answering.
 *
 * <pre>
 * root/CURRENT    one line: the name of the live generation folder ("gen-3")
 * root/gen-3/     the live index
 * root/gen-4/     a rebuild in progress, or the debris of one that crashed
 * root/snapshots/v-7/      the published snapshot of version 7: one commit's files, hard-linked
 * root/snapshots/v-8.tmp/  a snapshot being copied, or the debris of one that crashed
 * </pre>
 *
 * <p>A snapshot is the live generation's last commit, held by the writer's {@code
 * SnapshotDeletionPolicy} while its files are linked into a temporary folder, which is then renamed
 * atomically: a snapshot folder is complete or absent. Rebuilds delete only generation folders, so
 * a snapshot outlives the generation it was taken from; it is deleted when released.
 *
 * <p>CURRENT is only ever replaced by an atomic rename of a fully written, synced temporary
 * file, and only once the new generation is committed; so whatever happens during a rebuild, a
 * restart finds CURRENT naming a complete index, and {@link #openCurrent} removes every other
 * generation folder.
 *
 * <p><b>Threads.</b> As the port says; besides, one process at a time may use a root folder.
 */
public final class LuceneIndexStore implements CapsuleIndexStore {

    static final String CURRENT = "CURRENT";
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d+)");
    private static final Pattern SNAPSHOT = Pattern.compile("v-(\\d+)");
    static final String SNAPSHOTS = "snapshots";

    private final Path root;
    private final IndexSettings settings;
    private final Object rebuildLock = new Object();
    private LuceneCapsuleIndex live; // guarded by this
    private final Map<Integer, LuceneSnapshotIndex> openSnapshots = new HashMap<>(); // guarded by this

    /** No file is touched before the first call. Arguments must not be null. */
    public LuceneIndexStore(Path root, IndexSettings settings) {
        this.root = Objects.requireNonNull(root, "root");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * {@inheritDoc}
     *
     * <p>The first call creates {@code gen-1} when the root holds no generation, and removes
     * leftover generation folders (a crashed rebuild, an old generation that could not be
     * deleted).
     *
     * @throws IndexMismatchException when the live generation was built with other settings
     */
    @Override
    public synchronized LuceneCapsuleIndex openCurrent() throws IOException {
        if (live == null) {
            Files.createDirectories(root);
            String name = readCurrent();
            if (name == null) {
                name = "gen-1";
                LuceneCapsuleIndex.open(root.resolve(name), settings).close();
                writeCurrent(name);
            }
            removeGenerationsExcept(name);
            live = LuceneCapsuleIndex.open(root.resolve(name), settings);
        }
        return live;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The new index is the next generation folder; CURRENT names it once it is committed, and
     * the previous generation's folder is deleted afterwards.
     */
    @Override
    public LuceneCapsuleIndex rebuild(IndexFiller filler) throws IOException {
        Objects.requireNonNull(filler, "filler");
        synchronized (rebuildLock) {
            // The live generation is deliberately not opened: a rebuild is the cure for a live
            // generation that no longer opens (IndexMismatchException).
            Files.createDirectories(root);
            String next = "gen-" + (highestGeneration() + 1);
            Path nextDir = root.resolve(next);
            LuceneCapsuleIndex fresh = LuceneCapsuleIndex.open(nextDir, settings);
            try {
                filler.fill(fresh);
                fresh.commit();
                writeCurrent(next);
            } catch (IOException | RuntimeException | Error e) {
                try {
                    fresh.close();
                    FileTrees.delete(nextDir);
                } catch (IOException | UncheckedIOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            LuceneCapsuleIndex previous;
            synchronized (this) {
                previous = live;
                live = fresh;
            }
            if (previous != null) {
                previous.close();
            }
            try {
                removeGenerationsExcept(next);
            } catch (IOException | UncheckedIOException e) {
                // Harmless: those folders are no longer CURRENT and openCurrent retries.
            }
            return fresh;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Serialised with rebuilds, so that the commit copied is the live generation's.
     */
    @Override
    public boolean keepSnapshot(int version) throws IOException {
        synchronized (rebuildLock) {
            LuceneCapsuleIndex current = openCurrent();
            Path snapshots = root.resolve(SNAPSHOTS);
            Files.createDirectories(snapshots);
            Path temp = snapshots.resolve("v-" + version + ".tmp");
            FileTrees.delete(temp);
            current.copyLastCommit(temp);
            Path target = snapshots.resolve("v-" + version);
            synchronized (this) {
                LuceneSnapshotIndex replaced = openSnapshots.remove(version);
                if (replaced != null) {
                    replaced.close();
                }
                FileTrees.delete(target);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            IOUtils.fsync(snapshots, true);
            return true;
        }
    }

    @Override
    public synchronized Optional<CapsuleIndex> openSnapshot(int version) throws IOException {
        LuceneSnapshotIndex open = openSnapshots.get(version);
        if (open == null) {
            Path folder = root.resolve(SNAPSHOTS).resolve("v-" + version);
            if (!Files.isDirectory(folder)) {
                return Optional.empty();
            }
            open = LuceneSnapshotIndex.open(folder);
            openSnapshots.put(version, open);
        }
        return Optional.of(open);
    }

    @Override
    public List<Integer> snapshots() throws IOException {
        Path snapshots = root.resolve(SNAPSHOTS);
        if (!Files.isDirectory(snapshots)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(snapshots)) {
            return children.map(p -> SNAPSHOT.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .sorted()
                    .toList();
        }
    }

    /** {@inheritDoc} Searches in progress on a released snapshot finish; later ones are refused. */
    @Override
    public synchronized void releaseSnapshotsExcept(int version) throws IOException {
        for (var it = openSnapshots.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getKey() != version) {
                entry.getValue().close();
                it.remove();
            }
        }
        Path snapshots = root.resolve(SNAPSHOTS);
        if (!Files.isDirectory(snapshots)) {
            return;
        }
        List<Path> others;
        try (Stream<Path> children = Files.list(snapshots)) {
            others = children.filter(p -> !p.getFileName().toString().equals("v-" + version)).toList();
        }
        for (Path other : others) {
            FileTrees.delete(other);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        for (LuceneSnapshotIndex snapshot : openSnapshots.values()) {
            snapshot.close();
        }
        openSnapshots.clear();
        if (live != null) {
            live.close();
            live = null;
        }
    }

    private String readCurrent() throws IOException {
        Path current = root.resolve(CURRENT);
        if (!Files.exists(current)) {
            return null;
        }
        String name = Files.readString(current, StandardCharsets.UTF_8).strip();
        if (!GENERATION.matcher(name).matches() || !Files.isDirectory(root.resolve(name))) {
            throw new IOException(
                    current + " names '" + name + "', which is not a generation folder of " + root);
        }
        return name;
    }

    private void writeCurrent(String name) throws IOException {
        Path temp = root.resolve(CURRENT + ".tmp");
        try (FileChannel channel =
                FileChannel.open(
                        temp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(name + "\n"));
            channel.force(true);
        }
        Files.move(temp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
    }

    private int highestGeneration() throws IOException {
        return generations().stream()
                .map(p -> GENERATION.matcher(p.getFileName().toString()))
                .filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .max()
                .orElse(0);
    }

    private void removeGenerationsExcept(String keep) throws IOException {
        for (Path generation : generations()) {
            if (!generation.getFileName().toString().equals(keep)) {
                FileTrees.delete(generation);
            }
        }
    }

    private List<Path> generations() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> GENERATION.matcher(p.getFileName().toString()).matches())
                    .toList();
        }
    }
}
