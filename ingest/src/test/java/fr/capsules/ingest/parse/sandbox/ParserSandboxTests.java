package fr.capsules.ingest.parse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.ingest.Bombs;
import fr.capsules.ingest.TestFiles;
import fr.capsules.ingest.parse.DocumentRejectedException;
import fr.capsules.ingest.parse.ParseContext;
import fr.capsules.ingest.parse.ParseLimitException;
import fr.capsules.ingest.parse.ParseLimits;
import fr.capsules.ingest.parse.ParseTimeoutException;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.Parsers;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The forked parser with real child JVMs and real hostile files: what a child parses is what this
 * JVM parses; a file over a bound fails with its French reason; a child past its time limit or
 * out of memory is gone afterwards (no CPU left burning); a child killed from outside is replaced.
 */
class ParserSandboxTests {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final long MIB = 1024L * 1024;

    private static SandboxSettings children(int count, long heapBytes) {
        return new SandboxSettings(true, count, heapBytes, 500, Duration.ofMinutes(1));
    }

    @Test
    void aChildParsesAFileAsThisJvmDoesAndIsReusedForTheNext() throws Exception {
        byte[] pdf = TestFiles.pdf("Rapport d'inspection de l'EHPAD Les Glycines\nInspection du 3 avril 2024.",
                "Constats\nLe plan bleu n'est pas actualisé depuis 2019.");
        ParsedDocument here = new Parsers().parse("rapport.pdf", pdf, new ParseContext(ParseLimits.defaults()));
        try (ParserSandbox sandbox = new ParserSandbox(children(1, 256 * MIB))) {
            ParsedDocument there = sandbox.parse("rapport.pdf", pdf, ParseLimits.defaults());
            long pid = sandbox.childPids().getFirst();
            ParsedDocument again = sandbox.parse("note.txt", "Note de service.\n".getBytes(), ParseLimits.defaults());

            assertThat(there).isEqualTo(here);
            assertThat(again.blocks()).isNotEmpty();
            assertThat(sandbox.childPids()).containsExactly(pid);
            assertThatThrownBy(() -> sandbox.parse("vide.txt", new byte[0], ParseLimits.defaults()))
                    .isInstanceOf(DocumentRejectedException.class);
            assertThat(sandbox.childPids()).as("a rejected file leaves the child in use").containsExactly(pid);
        }
    }

    @Test
    void aPdfInflatingToMoreThanAGigabyteFailsWithTheDecompressedBoundAndLeavesNoWorkRunning() throws Exception {
        byte[] bomb = Bombs.pdf(GIB + 100 * MIB);
        assertThat(bomb.length).as("small on disk").isLessThan(2 * 1024 * 1024);
        try (ParserSandbox sandbox = new ParserSandbox(children(1, 256 * MIB))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> sandbox.parse("bombe.pdf", bomb, ParseLimits.defaults().withTimeout(Duration.ofSeconds(30))))
                    .isInstanceOf(ParseLimitException.class)
                    .hasMessage("fichier trop volumineux une fois décompressé (plus de 512 Mo)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertIdle(sandbox.childPids());
        }
    }

    @Test
    void aDocxInflatingBeyondTheBoundFailsWithItsFrenchReason() throws Exception {
        byte[] bomb = Bombs.docx(600 * MIB);
        assertThat(bomb.length).isLessThan(4 * 1024 * 1024);
        try (ParserSandbox sandbox = new ParserSandbox(children(1, 256 * MIB))) {
            assertThatThrownBy(() -> sandbox.parse("bombe.docx", bomb, ParseLimits.defaults()))
                    .isInstanceOf(ParseLimitException.class)
                    .hasMessage("fichier trop volumineux une fois décompressé (plus de 512 Mo)");
            assertThatThrownBy(() -> sandbox.parse("bombe.docx", bomb, ParseLimits.defaults().withMaxDecompressedBytes(100 * MIB)))
                    .hasMessage("fichier trop volumineux une fois décompressé (plus de 100 Mo)");
        }
    }

    @Test
    void aBombTheCountDoesNotSeeRunsTheChildOutOfMemoryAndTheChildIsGone() throws Exception {
        byte[] bomb = Bombs.pdfBehindHex(GIB + 100 * MIB);
        try (ParserSandbox sandbox = new ParserSandbox(children(1, 128 * MIB))) {
            CompletableFuture<Long> pid = watchForChild(sandbox);
            assertThatThrownBy(() -> sandbox.parse("bombe.pdf", bomb, ParseLimits.defaults().withTimeout(Duration.ofSeconds(60))))
                    .isInstanceOf(ParseLimitException.class)
                    .hasMessage("fichier trop gourmand en mémoire pour être analysé (plus de 128 Mo de mémoire)");
            assertGone(pid.get(10, TimeUnit.SECONDS));
            assertThat(sandbox.childPids()).isEmpty();
            assertThat(sandbox.parse("suite.txt", "Le fichier suivant est lu.\n".getBytes(), ParseLimits.defaults()).blocks())
                    .isNotEmpty();
        }
    }

    @Test
    void atTheTimeLimitTheChildIsKilledAndWaitedFor() throws Exception {
        byte[] bomb = Bombs.pdfBehindHex(300 * MIB);
        // No grace: the parent does not wait for the child to notice its deadline.
        try (ParserSandbox sandbox = new ParserSandbox(children(1, GIB), Duration.ZERO)) {
            sandbox.parse("chauffe.txt", "Démarrage.\n".getBytes(), ParseLimits.defaults());
            long pid = sandbox.childPids().getFirst();
            long start = System.nanoTime();
            assertThatThrownBy(() -> sandbox.parse("bombe.pdf", bomb, ParseLimits.defaults().withTimeout(Duration.ofMillis(150))))
                    .isInstanceOf(ParseTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertGone(pid);
            assertThat(sandbox.childPids()).isEmpty();
        }
    }

    @Test
    void aChildKilledInTheMiddleOfAFileIsReplacedAndTheNextFileParses() throws Exception {
        byte[] slow = Bombs.pdfBehindHex(300 * MIB);
        try (ParserSandbox sandbox = new ParserSandbox(children(1, GIB))) {
            sandbox.parse("chauffe.txt", "Démarrage.\n".getBytes(), ParseLimits.defaults());
            long pid = sandbox.childPids().getFirst();
            CompletableFuture<ParsedDocument> parsing = CompletableFuture.supplyAsync(() -> {
                try {
                    return sandbox.parse("lent.pdf", slow, ParseLimits.defaults().withMaxDecompressedBytes(8 * GIB));
                } catch (IOException | InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(300);
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            assertThatThrownBy(() -> parsing.get(60, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(e.getCause().getCause())
                            .isInstanceOf(ParserCrashedException.class)
                            .hasMessageContaining("s'est arrêté avant la fin"));
            assertGone(pid);
            ParsedDocument next = sandbox.parse("suivant.txt", "Le fichier suivant est lu.\n".getBytes(), ParseLimits.defaults());
            assertThat(next.blocks()).isNotEmpty();
            assertThat(sandbox.childPids()).hasSize(1).doesNotContain(pid);
        }
    }

    @Test
    void closingStopsEveryChild() throws Exception {
        List<Long> pids;
        try (ParserSandbox sandbox = new ParserSandbox(children(2, 128 * MIB))) {
            sandbox.parse("a.txt", "Un.\n".getBytes(), ParseLimits.defaults());
            pids = sandbox.childPids();
        }
        assertThat(pids).hasSize(1);
        pids.forEach(ParserSandboxTests::assertGone);
    }

    private static CompletableFuture<Long> watchForChild(ParserSandbox sandbox) {
        return CompletableFuture.supplyAsync(() -> {
            while (true) {
                List<Long> pids = sandbox.childPids();
                if (!pids.isEmpty()) {
                    return pids.getFirst();
                }
                Thread.onSpinWait();
            }
        });
    }

    private static void assertGone(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        assertThat(handle.isEmpty() || !handle.get().isAlive()).as("child %d is gone", pid).isTrue();
    }

    /** Alive children use no CPU: their CPU time stands still over half a second. */
    private static void assertIdle(List<Long> pids) throws InterruptedException {
        for (long pid : pids) {
            Optional<Duration> before = ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration());
            Thread.sleep(500);
            Optional<Duration> after = ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration());
            if (before.isPresent() && after.isPresent()) {
                assertThat(after.get().minus(before.get())).as("CPU of child %d", pid).isLessThan(Duration.ofMillis(100));
            }
        }
    }
}
