package fr.capsules.ingest.index;

import fr.capsules.ingest.FileTrees;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The generations of one capsule's index under a root folder, so that a capsule can be
 * re-indexed from scratch while its current index keeps answering.
 *
 * <pre>
 * root/CURRENT    one line: the name of the live generation folder ("gen-3")
 * root/gen-3/     the live index
 * root/gen-4/     a rebuild in progress, or the debris of one that crashed
 * </pre>
 *
 * <p>CURRENT is only ever replaced by an atomic rename of a fully written, synced temporary
 * file, and only once the new generation is committed; so whatever happens during a rebuild, a
 * restart finds CURRENT naming a complete index, and {@link #openCurrent} removes every other
 * generation folder.
 *
 * <p><b>Threads.</b> Thread-safe. Rebuilds are serialised; while one runs, the live index stays
 * open for searches and writes. After a rebuild the previous {@link CapsuleIndex} is closed, so
 * callers should fetch {@link #openCurrent()} per request rather than keep the instance. One
 * process at a time may use a root folder.
 */
public final class CapsuleIndexStore implements Closeable {

    static final String CURRENT = "CURRENT";
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d+)");

    private final Path root;
    private final IndexSettings settings;
    private final Object rebuildLock = new Object();
    private CapsuleIndex live; // guarded by this

    /** No file is touched before the first call. Arguments must not be null. */
    public CapsuleIndexStore(Path root, IndexSettings settings) {
        this.root = Objects.requireNonNull(root, "root");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The live index, opened on first call (creating {@code gen-1} when the root holds none);
     * later calls return the same instance until a rebuild replaces it. On first open, leftover
     * generation folders (a crashed rebuild, an old generation that could not be deleted) are
     * removed.
     *
     * @throws IndexMismatchException when the live generation was built with other settings
     */
    public synchronized CapsuleIndex openCurrent() throws IOException {
        if (live == null) {
            Files.createDirectories(root);
            String name = readCurrent();
            if (name == null) {
                name = "gen-1";
                CapsuleIndex.open(root.resolve(name), settings).close();
                writeCurrent(name);
            }
            removeGenerationsExcept(name);
            live = CapsuleIndex.open(root.resolve(name), settings);
        }
        return live;
    }

    /**
     * Builds a new generation with {@code filler}, commits it, makes it the live one, then
     * closes and deletes the previous generation. If the filler or the commit fails, the
     * half-built folder is deleted, the live generation is untouched, and the failure is
     * rethrown.
     *
     * @return the new live index
     */
    public CapsuleIndex rebuild(IndexFiller filler) throws IOException {
        Objects.requireNonNull(filler, "filler");
        synchronized (rebuildLock) {
            // The live generation is deliberately not opened: a rebuild is the cure for a live
            // generation that no longer opens (IndexMismatchException).
            Files.createDirectories(root);
            String next = "gen-" + (highestGeneration() + 1);
            Path nextDir = root.resolve(next);
            CapsuleIndex fresh = CapsuleIndex.open(nextDir, settings);
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
            CapsuleIndex previous;
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

    /** Closes the live index, if open; a later {@link #openCurrent()} reopens it. */
    @Override
    public synchronized void close() throws IOException {
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
