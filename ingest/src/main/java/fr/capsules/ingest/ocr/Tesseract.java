package fr.capsules.ingest.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tesseract command line, one bounded process per page ({@link BoundedProcess}): the page's
 * image goes in on standard input as a PGM, the TSV of words with their confidences comes out on
 * standard output.
 *
 * <p>A process per page rather than an in-process binding: a crash, a runaway allocation or a
 * hang in the native engine stays in that process, which the time and memory limits and an
 * interruption can stop without touching the service. Thread-safe.
 */
public final class Tesseract {

    private static final Logger log = LoggerFactory.getLogger(Tesseract.class);

    static final String INSTALL_HINT = "apt install tesseract-ocr tesseract-ocr-fra";

    private final OcrSettings settings;
    private final BoundedProcess processes;

    public Tesseract(OcrSettings settings) {
        this.settings = settings;
        this.processes = new BoundedProcess(settings.maxMemoryBytes(), settings.tempDirectory());
    }

    public OcrSettings settings() {
        return settings;
    }

    /**
     * Why recognition cannot run here, in French with how to install what is missing; empty when
     * Tesseract and the configured language data are installed. Runs {@code tesseract --list-langs}
     * (a few milliseconds); callers keep the answer for a run.
     *
     * @throws InterruptedException when the calling thread was interrupted
     */
    public Optional<String> unavailability() throws InterruptedException {
        if (!installed()) {
            return Optional.of("Tesseract n'est pas installé sur ce serveur (« " + settings.executable()
                    + " » introuvable) ; pour l'installer : " + INSTALL_HINT);
        }
        BoundedProcess.Outcome outcome;
        try {
            outcome = processes.run(List.of(settings.executable(), "--list-langs"), new byte[0], Duration.ofSeconds(30));
        } catch (IOException | BoundedProcess.TimedOut e) {
            log.warn("Tesseract ({}) does not answer: {}", settings.executable(), e.toString());
            return Optional.of("Tesseract ne répond pas sur ce serveur (" + e.getMessage() + ") ; pour l'installer : "
                    + INSTALL_HINT);
        }
        Set<String> installed = new String(outcome.stdout(), StandardCharsets.UTF_8).lines()
                .map(String::strip).collect(Collectors.toSet());
        List<String> missing = Arrays.stream(settings.language().split("\\+"))
                .filter(language -> !installed.contains(language)).toList();
        if (outcome.exitCode() != 0 || !missing.isEmpty()) {
            return Optional.of("les données de langue « " + String.join(", ", missing.isEmpty()
                    ? List.of(settings.language()) : missing) + " » de Tesseract ne sont pas installées ; "
                    + "pour les installer : " + INSTALL_HINT);
        }
        return Optional.empty();
    }

    private boolean installed() {
        String executable = settings.executable();
        if (executable.contains("/")) {
            return Files.isExecutable(Path.of(executable));
        }
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, executable)));
    }

    /**
     * Recognises one page.
     *
     * @param image the page as an 8-bit grey image ({@link PageImage#pgm})
     * @param dpi the image's resolution, passed on to Tesseract
     * @throws OcrPageException when Tesseract failed or went over its time limit (the message is French)
     * @throws InterruptedException when the calling thread was interrupted; the process was killed
     */
    public RecognizedPage recognize(int page, byte[] image, int dpi) throws OcrPageException, InterruptedException {
        List<String> command = List.of(settings.executable(), "stdin", "stdout", "-l", settings.language(),
                "--dpi", Integer.toString(dpi), "--psm", "3", "tsv");
        BoundedProcess.Outcome outcome;
        try {
            outcome = processes.run(command, image, settings.pageTimeout());
        } catch (BoundedProcess.TimedOut e) {
            throw new OcrPageException("OCR abandonné après " + settings.pageTimeout().toSeconds()
                    + " s (limite par page)");
        } catch (IOException e) {
            log.warn("Tesseract could not start: {}", e.toString());
            throw new OcrPageException("Tesseract n'a pas pu être lancé (" + e.getMessage() + ")");
        }
        if (outcome.exitCode() != 0) {
            log.info("Tesseract failed on page {} (exit {}): {}", page, outcome.exitCode(), outcome.stderr());
            throw new OcrPageException("échec de Tesseract (code " + outcome.exitCode() + "), peut-être faute de"
                    + " mémoire (limite " + settings.maxMemoryBytes() / (1024 * 1024) + " Mo par page)");
        }
        return TsvReading.read(page, new String(outcome.stdout(), StandardCharsets.UTF_8));
    }
}
