package fr.capsules.ingest.parse.sandbox;

import fr.capsules.ingest.parse.ParseLimits;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One child JVM and its pipes. Used by one thread at a time (the pool hands it out). Every
 * exchange is bounded by a deadline; past it, or when the caller is interrupted, the process is
 * destroyed forcibly and waited for, so no parsing goes on after the file was given up.
 */
final class ParserProcess {

    private static final int STDERR_KEPT = 4_000;

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream replies;
    private final StringBuffer stderrTail = new StringBuffer();
    private int filesParsed;
    private volatile long idleSinceNanos = System.nanoTime();

    private ParserProcess(Process process) {
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 64 * 1024));
        this.replies = new DataInputStream(new BufferedInputStream(process.getInputStream(), 64 * 1024));
        Thread.ofVirtual().name("capsules-parser-stderr-" + process.pid()).start(() -> keepTail(process.getErrorStream()));
    }

    /** The child died, was killed or could not answer; {@link #exitCode} says how it ended. */
    static final class Died extends Exception {
        private final int exitCode;

        Died(int exitCode, String detail) {
            super("parser child ended with code " + exitCode + (detail.isBlank() ? "" : ": " + detail));
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    /** The exchange went past its deadline; the child was killed. */
    static final class Overdue extends Exception {}

    /**
     * Starts a child and waits for it to say it is ready; the start is not counted in any file's
     * time limit.
     */
    static ParserProcess start(List<String> command, Duration startTimeout)
            throws IOException, InterruptedException, Died {
        Process process = new ProcessBuilder(command).start();
        ParserProcess child = new ParserProcess(process);
        try {
            int hello = child.within(startTimeout, () -> child.replies.readInt());
            if (hello != ParseProtocol.READY) {
                child.kill();
                throw new Died(child.exitCode(), "unexpected greeting " + Integer.toHexString(hello));
            }
        } catch (Overdue e) {
            throw new Died(child.exitCode(), "not ready after " + startTimeout.toSeconds() + " s; " + child.stderrTail());
        }
        return child;
    }

    /**
     * Sends one file and waits for the reply, at most the file's time limit plus {@code grace}.
     *
     * @throws Overdue past the deadline: the child was killed
     * @throws Died when the child ended without a reply (killed from outside, out of memory…)
     * @throws InterruptedException when the caller was interrupted: the child was killed
     */
    ParseProtocol.Reply parse(String fileName, byte[] content, ParseLimits limits, Duration grace)
            throws Overdue, Died, InterruptedException {
        filesParsed++;
        try {
            return within(limits.timeout().plus(grace), () -> {
                ParseProtocol.writeRequest(requests, fileName, content, limits);
                return ParseProtocol.readReply(replies);
            });
        } finally {
            idleSinceNanos = System.nanoTime();
        }
    }

    private interface Exchange<T> {
        T run() throws IOException;
    }

    private <T> T within(Duration limit, Exchange<T> exchange) throws Overdue, Died, InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().name("capsules-parser-exchange-" + process.pid()).start(() -> {
            try {
                result.complete(exchange.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill();
            throw new Overdue();
        } catch (InterruptedException e) {
            kill();
            throw e;
        } catch (ExecutionException e) {
            // The pipe broke or closed: the child is gone or going; make sure, then say how it ended.
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException interrupted) {
                kill();
                throw interrupted;
            }
            throw new Died(exitCode(), String.valueOf(e.getCause()) + "; " + stderrTail());
        }
    }

    /** Destroys the child forcibly and waits for it to be gone. */
    void kill() {
        process.destroyForcibly();
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the child's input (it ends by itself), then makes sure it is gone. */
    void stop() {
        try {
            requests.close();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    int filesParsed() {
        return filesParsed;
    }

    Duration idleFor() {
        return Duration.ofNanos(System.nanoTime() - idleSinceNanos);
    }

    private int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    String stderrTail() {
        synchronized (stderrTail) {
            return stderrTail.toString().strip();
        }
    }

    private void keepTail(InputStream stderr) {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        try (stderr) {
            for (int n = stderr.read(buffer); n >= 0; n = stderr.read(buffer)) {
                pending.write(buffer, 0, n);
                synchronized (stderrTail) {
                    stderrTail.append(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                    if (stderrTail.length() > STDERR_KEPT) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_KEPT);
                    }
                }
            }
        } catch (IOException e) {
            // The child is gone.
        }
    }
}
