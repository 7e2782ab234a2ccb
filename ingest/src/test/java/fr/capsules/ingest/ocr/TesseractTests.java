package fr.capsules.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tesseract process under its bounds. Fake executables (shell scripts) stand in where the
 * behaviour to prove is the bound itself (a hang, an interruption, the limits it runs under); the
 * real Tesseract reads real pages where it is installed.
 */
class TesseractTests {

    @TempDir
    Path dir;

    private Path ocrTemp() {
        return dir.resolve("ocr-tmp");
    }

    private OcrSettings settings(String executable) {
        return OcrSettings.defaults().withExecutable(executable).withTempDirectory(ocrTemp());
    }

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private List<Path> leftInOcrTemp() throws IOException {
        if (!Files.exists(ocrTemp())) {
            return List.of();
        }
        try (Stream<Path> left = Files.list(ocrTemp())) {
            return left.toList();
        }
    }

    private static List<ProcessHandle> childrenAlive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }

    @Test
    void aMissingExecutableIsReportedWithHowToInstallTesseract() throws InterruptedException {
        var why = new Tesseract(settings(dir.resolve("absent/tesseract").toString())).unavailability();

        assertThat(why).hasValueSatisfying(w -> assertThat(w)
                .contains("Tesseract n'est pas installé").contains("apt install tesseract-ocr tesseract-ocr-fra"));
    }

    @Test
    void tesseractWithoutTheFrenchDataIsReportedWithHowToInstallIt() throws Exception {
        Path english = script("tesseract", "echo 'List of available languages in \"/x\" (2):'; echo eng; echo osd");

        var why = new Tesseract(settings(english.toString())).unavailability();

        assertThat(why).hasValueSatisfying(w -> assertThat(w).contains("« fra »").contains("tesseract-ocr-fra"));
    }

    @Test
    void theProcessRunsUnderTheMemoryLimitWithOneThreadAndAPrivateTemporaryFolder() throws Exception {
        Path probe = script("tesseract", """
                printf '5\\t1\\t1\\t1\\t1\\t1\\t0\\t0\\t1\\t1\\t95\\tmem=%s\\n' "$(ulimit -v)"
                printf '5\\t1\\t1\\t1\\t1\\t2\\t0\\t0\\t1\\t1\\t95\\tomp=%s\\n' "$OMP_THREAD_LIMIT"
                printf '5\\t1\\t1\\t1\\t1\\t3\\t0\\t0\\t1\\t1\\t95\\ttmp=%s\\n' "$TMPDIR"
                """);
        Tesseract tesseract = new Tesseract(settings(probe.toString()).withMaxMemoryBytes(256L * 1024 * 1024));

        RecognizedPage page = tesseract.recognize(1, new byte[10], 300);

        assertThat(page.text()).contains("mem=262144").contains("omp=1").contains("tmp=" + ocrTemp());
        assertThat(leftInOcrTemp()).isEmpty();
    }

    @Test
    void aPageOverItsTimeLimitIsAbandonedAndItsProcessKilled() throws Exception {
        Path hanging = script("tesseract", "echo partial > \"$TMPDIR/page.tmp\"; exec sleep 30");
        Tesseract tesseract = new Tesseract(settings(hanging.toString()).withPageTimeout(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> tesseract.recognize(4, new byte[10], 300))
                .isInstanceOf(OcrPageException.class)
                .hasMessageContaining("abandonné après 1 s");
        assertThat(childrenAlive()).isEmpty();
        assertThat(leftInOcrTemp()).isEmpty();
    }

    @Test
    void interruptingTheCallerKillsTheProcessAndLeavesNoTemporaryFile() throws Exception {
        Path started = dir.resolve("started");
        Path hanging = script("tesseract",
                "echo partial > \"$TMPDIR/page.tmp\"; touch '" + started + "'; exec sleep 30");
        Tesseract tesseract = new Tesseract(settings(hanging.toString()));
        Thread[] worker = new Thread[1];
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        worker[0] = Thread.ofPlatform().start(() -> {
            try {
                tesseract.recognize(1, new byte[10], 300);
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(started) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(started).exists();

        worker[0].interrupt();

        assertThat(outcome.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(childrenAlive()).isEmpty();
        assertThat(leftInOcrTemp()).isEmpty();
    }

    @Test
    void tesseractReadsAScannedFrenchParagraphWithItsConfidence() throws Exception {
        InstalledTesseract.assume();
        List<String> text = List.of("Écart n° 3 : le registre des réclamations n'est pas tenu depuis le 12 mars 2024.");
        byte[] image = PageImage.pgm(ScanFixtures.cleanScan(text, 300));

        RecognizedPage page = new Tesseract(settings("tesseract")).recognize(1, image, 300);

        assertThat(page.text()).contains("registre des réclamations").contains("12 mars 2024");
        assertThat(page.confidence()).isGreaterThan(80);
        assertThat(leftInOcrTemp()).isEmpty();
    }

    @Test
    void tesseractOverItsMemoryLimitFailsThePageWithoutHarmingTheService() throws Exception {
        InstalledTesseract.assume();
        byte[] image = PageImage.pgm(ScanFixtures.cleanScan(List.of("Une page ordinaire."), 300));
        Tesseract starved = new Tesseract(settings("tesseract").withMaxMemoryBytes(16L * 1024 * 1024));

        assertThatThrownBy(() -> starved.recognize(2, image, 300))
                .isInstanceOf(OcrPageException.class)
                .hasMessageContaining("mémoire");
        assertThat(leftInOcrTemp()).isEmpty();
    }

}
