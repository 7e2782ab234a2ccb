package fr.capsules.ingest.parse.sandbox;

import fr.capsules.ingest.parse.DocumentRejectedException;
import fr.capsules.ingest.parse.ParseLimitException;
import fr.capsules.ingest.parse.ParseLimits;
import fr.capsules.ingest.parse.ParseTimeoutException;
import fr.capsules.ingest.parse.ParsedDocument;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses files in child JVMs, as Apache Tika's forked parser does, so that a hostile file can be
 * stopped for good: each child has its own heap bound ({@code -Xmx}, and it exits on an {@link
 * OutOfMemoryError}), and at the time limit the child is destroyed forcibly and waited for, then
 * replaced. {@code Future.cancel} cannot do that to a thread inside PDFBox.
 *
 * <p>A pool of at most {@link SandboxSettings#children()} children, started when first needed
 * (the start, about a second, is not counted in a file's time limit) and reused for the next
 * files; one is replaced after {@link SandboxSettings#filesPerChild()} files, after a failure that
 * may have left it in a bad state, and stopped after {@link SandboxSettings#idleTimeout()} idle.
 * The parent sends the file's bytes and limits and receives the {@link ParsedDocument} (see {@link
 * ParseProtocol}). Thread-safe; {@link #close} stops every child.
 */
public final class ParserSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParserSandbox.class);

    /** Beyond the cooperative deadline (which the child's parsers check), before the child is killed. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final int OUT_OF_MEMORY_EXIT = 3;

    private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "capsules-parser-reaper");
        t.setDaemon(true);
        return t;
    });

    private final SandboxSettings settings;
    private final Duration grace;
    private final List<String> command;
    private final Semaphore permits;
    private final Deque<ParserProcess> idle = new ArrayDeque<>(); // guarded by this
    private final Set<ParserProcess> busy = new HashSet<>(); // guarded by this
    private final ScheduledFuture<?> reaping;
    private boolean closed; // guarded by this

    public ParserSandbox(SandboxSettings settings) {
        this(settings, GRACE);
    }

    /** @param grace how long past a file's time limit the child may take to answer by itself */
    ParserSandbox(SandboxSettings settings, Duration grace) {
        this.grace = grace;
        this.settings = settings;
        this.command = ChildCommand.of(settings);
        this.permits = new Semaphore(settings.children(), true);
        long every = Math.max(1, settings.idleTimeout().toSeconds() / 2);
        this.reaping = REAPER.scheduleWithFixedDelay(this::stopIdleChildren, every, every, TimeUnit.SECONDS);
    }

    public SandboxSettings settings() {
        return settings;
    }

    /**
     * Parses {@code content} in a child process.
     *
     * @param fileName the uploaded name, may be null
     * @throws DocumentRejectedException when the file is readable but not acceptable (French message)
     * @throws ParseTimeoutException when the time limit passed; the child was killed if it did not
     *     stop by itself
     * @throws ParseLimitException when the file inflates beyond its bound or needed more than the
     *     child's heap
     * @throws ParserCrashedException when the child ended without an answer
     * @throws IOException when the file is broken (French message) or no child could be started
     * @throws InterruptedException when the calling thread was interrupted; the child was killed
     */
    public ParsedDocument parse(String fileName, byte[] content, ParseLimits limits) throws IOException, InterruptedException {
        permits.acquire();
        ParserProcess child = null;
        boolean keep = false;
        try {
            child = take();
            ParseProtocol.Reply reply = child.parse(fileName, content, limits, grace);
            keep = true; // it answered: whatever the file did, the child is healthy
            return switch (reply.kind()) {
                case PARSED -> reply.document();
                case REJECTED -> throw new DocumentRejectedException(reply.message());
                case TIMED_OUT -> throw new ParseTimeoutException(limits.timeout());
                case OVER_LIMIT -> throw new ParseLimitException(reply.message());
                case FAILED -> throw new IOException(reply.message());
            };
        } catch (ParserProcess.Overdue e) {
            log.info("Parsing {} went past {} s: child {} killed", fileName, limits.timeout().toSeconds(), child.pid());
            throw new ParseTimeoutException(limits.timeout());
        } catch (ParserProcess.Died e) {
            if (e.exitCode() == OUT_OF_MEMORY_EXIT) {
                log.info("Parsing {} ran the child out of memory", fileName);
                throw ParseLimitException.memory(settings.childHeapBytes());
            }
            log.warn("Parser child died while parsing {}: {}", fileName, e.getMessage());
            throw new ParserCrashedException(
                    "le processus d'analyse du fichier s'est arrêté avant la fin (code " + e.exitCode()
                            + ") ; le fichier n'a pas été indexé, réessayez", e);
        } finally {
            give(child, keep);
            permits.release();
        }
    }

    /** The process ids of the children alive now, idle or parsing (for checks and reports). */
    public synchronized List<Long> childPids() {
        List<Long> pids = new ArrayList<>();
        idle.stream().filter(ParserProcess::isAlive).forEach(c -> pids.add(c.pid()));
        busy.stream().filter(ParserProcess::isAlive).forEach(c -> pids.add(c.pid()));
        return pids;
    }

    private ParserProcess take() throws IOException, InterruptedException {
        synchronized (this) {
            if (closed) {
                throw new IOException("analyse des fichiers arrêtée (service en cours d'arrêt)");
            }
            while (!idle.isEmpty()) {
                ParserProcess child = idle.pollFirst();
                if (child.isAlive()) {
                    busy.add(child);
                    return child;
                }
                child.stop();
            }
        }
        try {
            ParserProcess child = ParserProcess.start(command, START_TIMEOUT);
            synchronized (this) {
                busy.add(child);
            }
            return child;
        } catch (ParserProcess.Died e) {
            throw new IOException("le processus d'analyse n'a pas pu démarrer (" + e.getMessage() + ")", e);
        }
    }

    private void give(ParserProcess child, boolean keep) {
        if (child == null) {
            return;
        }
        synchronized (this) {
            busy.remove(child);
            if (keep && !closed && child.isAlive() && child.filesParsed() < settings.filesPerChild()) {
                idle.addFirst(child);
                return;
            }
        }
        child.stop();
    }

    private void stopIdleChildren() {
        List<ParserProcess> expired = new ArrayList<>();
        synchronized (this) {
            for (Iterator<ParserProcess> it = idle.iterator(); it.hasNext(); ) {
                ParserProcess child = it.next();
                if (!child.isAlive() || child.idleFor().compareTo(settings.idleTimeout()) >= 0) {
                    it.remove();
                    expired.add(child);
                }
            }
        }
        expired.forEach(ParserProcess::stop);
    }

    @Override
    public void close() {
        List<ParserProcess> children;
        synchronized (this) {
            closed = true;
            children = new ArrayList<>(idle);
            children.addAll(busy);
            idle.clear();
        }
        reaping.cancel(false);
        children.forEach(ParserProcess::stop);
    }
}
