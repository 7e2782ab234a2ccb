package fr.capsules.ingest.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one external command under bounds: an address-space limit ({@code ulimit -v}, applied by
 * {@code /bin/sh} before it {@code exec}s the command, so the process killed is the command
 * itself), one OpenMP thread, a wall-clock limit, and a private temporary folder ({@code TMPDIR})
 * deleted when it ends. The input is written to its standard input and its standard output read
 * into memory, so no file is exchanged. The calling thread's interruption kills the process.
 *
 * <p>Stateless apart from its settings; thread-safe.
 */
final class BoundedProcess {

    /** More output than this from one page is not OCR text: the process is stopped. */
    private static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

    private static final int STDERR_KEPT = 2_000;

    private final long maxMemoryBytes;
    private final Path tempParent;

    BoundedProcess(long maxMemoryBytes, Path tempParent) {
        this.maxMemoryBytes = maxMemoryBytes;
        this.tempParent = tempParent;
    }

    /** What the process left: its exit code, standard output and the end of its standard error. */
    record Outcome(int exitCode, byte[] stdout, String stderr) {}

    /** The process did not end within its time limit and was killed. */
    static final class TimedOut extends Exception {
        TimedOut(Duration limit) {
            super("no result within " + limit.toSeconds() + " s");
        }
    }

    /**
     * @param input written to the process's standard input, then closed
     * @throws TimedOut when {@code timeout} passed; the process was killed
     * @throws InterruptedException when the calling thread was interrupted; the process was killed
     * @throws IOException when the process could not be started
     */
    Outcome run(List<String> command, byte[] input, Duration timeout)
            throws IOException, InterruptedException, TimedOut {
        Path temp = Files.createTempDirectory(tempParent(), "capsules-ocr-");
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(bounded(command));
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            builder.environment().put("TMPDIR", temp.toString());
            builder.directory(temp.toFile());
            process = builder.start();
            Process started = process;
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(started.getOutputStream(), input),
                    Thread::startVirtualThread);
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(
                    () -> readBounded(started.getInputStream(), MAX_OUTPUT_BYTES, started), Thread::startVirtualThread);
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(
                    () -> readBounded(started.getErrorStream(), 64 * 1024, started), Thread::startVirtualThread);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimedOut(timeout);
            }
            writing.exceptionally(e -> null).join();
            return new Outcome(process.exitValue(), join(stdout), tail(join(stderr)));
        } finally {
            if (process != null) {
                kill(process);
            }
            deleteTree(temp);
        }
    }

    private List<String> bounded(List<String> command) {
        List<String> full = new ArrayList<>(List.of("/bin/sh", "-c", "ulimit -v " + Math.max(1, maxMemoryBytes / 1024)
                + " && exec \"$@\"", "capsules-ocr"));
        full.addAll(command);
        return full;
    }

    private Path tempParent() throws IOException {
        Path parent = tempParent != null ? tempParent : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(parent);
        return parent;
    }

    private static void write(OutputStream out, byte[] input) {
        try (out) {
            out.write(input);
        } catch (IOException e) {
            // The process ended (or was killed) before reading all of it: its exit code says why.
        }
    }

    private static byte[] readBounded(InputStream in, int max, Process process) {
        try (in) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                process.destroyForcibly();
                in.transferTo(OutputStream.nullOutputStream());
            }
            return bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static byte[] join(CompletableFuture<byte[]> output) throws InterruptedException {
        try {
            return output.get();
        } catch (ExecutionException e) {
            return new byte[0];
        }
    }

    private static String tail(byte[] stderr) {
        String text = new String(stderr, StandardCharsets.UTF_8).strip();
        return text.length() <= STDERR_KEPT ? text : text.substring(text.length() - STDERR_KEPT);
    }

    /** The command and anything it started; waits briefly so its files are closed before deletion. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // Nothing more to do: the kill signal was sent.
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the OCR temporary folder " + root, e);
        }
    }
}
