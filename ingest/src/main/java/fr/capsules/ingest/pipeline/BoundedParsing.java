package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.SourceName;
import fr.capsules.ingest.parse.DocumentRejectedException;
import fr.capsules.ingest.parse.ParseContext;
import fr.capsules.ingest.parse.ParseLimitException;
import fr.capsules.ingest.parse.ParseLimits;
import fr.capsules.ingest.parse.ParseTimeoutException;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.Parsers;
import fr.capsules.ingest.parse.sandbox.ParserCrashedException;
import fr.capsules.ingest.parse.sandbox.ParserSandbox;
import fr.capsules.ingest.parse.sandbox.SandboxSettings;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses files where they can be bounded. By default in child processes ({@link ParserSandbox}):
 * at the time limit the child is killed, its heap is its own, and a file over a bound fails alone.
 * In this JVM when the settings say so ({@link SandboxSettings#inProcess()}, for tests and
 * embedded use): the parser runs on a thread of its own and checks a cooperative deadline between
 * pages or rows; a hard time-out a little beyond it gives up waiting, but a parser that does not
 * check goes on using its thread. Either way the bytes a file inflates to are bounded ({@link
 * ParseLimits#maxDecompressedBytes()}). Thread-safe; {@link #close} stops the threads and the
 * children.
 */
final class BoundedParsing implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BoundedParsing.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ParseLimits limits;
    private final Parsers parsers = new Parsers();
    private final ExecutorService threads =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "capsules-parse-" + THREADS.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });

    private final ParserSandbox sandbox; // null: in this JVM

    BoundedParsing(ParseLimits limits) {
        this(limits, SandboxSettings.inProcess());
    }

    BoundedParsing(ParseLimits limits, SandboxSettings sandbox) {
        this.limits = limits;
        this.sandbox = sandbox.enabled() ? new ParserSandbox(sandbox) : null;
    }

    /** The sandbox's children alive now; empty when parsing in this JVM. */
    List<Long> childPids() {
        return sandbox == null ? List.of() : sandbox.childPids();
    }

    /**
     * @throws DocumentRejectedException when the file is readable but not acceptable
     * @throws ParseTimeoutException when parsing went over the time limit
     * @throws Failure when the file could not be parsed, with the reason for the person who gave it
     */
    ParsedDocument parse(SourceName name, byte[] bytes) {
        if (sandbox != null) {
            return parseInChild(name, bytes);
        }
        ParseContext context = new ParseContext(limits);
        Future<ParsedDocument> future = threads.submit(() -> parsers.parse(name.fileName(), bytes, context));
        try {
            // A little grace beyond the cooperative deadline, for the parser to notice it.
            return future.get(limits.timeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ParseTimeoutException(limits.timeout());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure(FailureReason.INTERRUPTED, "indexation interrompue");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DocumentRejectedException rejected) {
                throw rejected;
            }
            if (cause instanceof ParseTimeoutException timeout) {
                throw timeout;
            }
            if (cause instanceof ParseLimitException overLimit) {
                throw new Failure(FailureReason.TOO_LARGE, overLimit.getMessage());
            }
            if (cause instanceof OutOfMemoryError) {
                throw new Failure(FailureReason.TOO_LARGE,
                        "fichier trop gourmand en mémoire pour être analysé (limite de mémoire par fichier)");
            }
            log.info("Parsing {} failed: {}", name, cause.toString());
            throw new Failure(FailureReason.UNREADABLE, describe(cause));
        }
    }

    private ParsedDocument parseInChild(SourceName name, byte[] bytes) {
        try {
            return sandbox.parse(name.fileName(), bytes, limits);
        } catch (ParseLimitException e) {
            throw new Failure(FailureReason.TOO_LARGE, e.getMessage());
        } catch (ParserCrashedException e) {
            throw new Failure(FailureReason.UNEXPECTED, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(FailureReason.INTERRUPTED, "indexation interrompue");
        } catch (IOException e) {
            log.info("Parsing {} failed: {}", name, e.getMessage());
            throw new Failure(FailureReason.UNREADABLE, describe(e));
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank() || message.length() > 300) {
            return "fichier illisible ou endommagé : il n'a pas pu être analysé";
        }
        return "fichier illisible ou endommagé : " + message;
    }

    @Override
    public void close() {
        threads.shutdownNow();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A parser failed on a broken file; the message is for the person who gave it. */
    static final class Failure extends RuntimeException {

        private final FailureReason reason;

        Failure(FailureReason reason, String message) {
            super(message);
            this.reason = reason;
        }

        FailureReason reason() {
            return reason;
        }
    }
}
