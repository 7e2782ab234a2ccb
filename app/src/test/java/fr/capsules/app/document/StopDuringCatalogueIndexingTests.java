package fr.capsules.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.CapsulesApplication;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service is stopped while it indexes its catalogue at start-up (in the starting thread: minutes
 * on a large catalogue, when an operator may well restart it): the start ends quietly — no file
 * reported as failed, no "Application run failed", nothing logged as an error — and the next start
 * indexes every document.
 */
@ExtendWith(OutputCaptureExtension.class)
class StopDuringCatalogueIndexingTests {

    private static final int DOCUMENTS = 1500;

    @TempDir
    Path root;

    @Test
    void aStopDuringTheCatalogueIndexingEndsItQuietlyAndTheNextStartFinishesIt(CapturedOutput output) throws Exception {
        Path catalogue = root.resolve("catalogue");
        Path documents = Files.createDirectories(catalogue.resolve("notes-de-service/documents"));
        Files.writeString(catalogue.resolve("notes-de-service/capsule.yaml"), """
                id: notes-de-service
                name: Notes de service
                description: Notes de service de la direction.
                purpose: Répondre aux questions des agents sur les notes de service.
                referent: "Service documentation"
                version: 1
                status: published
                scope:
                  generic: true
                  services: []
                kind: chat
                """);
        for (int i = 1; i <= DOCUMENTS; i++) {
            Files.writeString(documents.resolve("note-%04d.md".formatted(i)), """
                    # Note de service n° %d

                    La permanence du service des réclamations est assurée le %s par l'agent d'astreinte n° %d.
                    Les courriers reçus ce jour sont enregistrés avant midi et transmis au pôle concerné.
                    """.formatted(i, i % 2 == 0 ? "lundi" : "jeudi", i));
        }

        AtomicReference<ConfigurableApplicationContext> starting = new AtomicReference<>();
        CompletableFuture<Throwable> started = CompletableFuture.supplyAsync(() -> {
            try {
                new SpringApplicationBuilder(CapsulesApplication.class).initializers(starting::set).run(arguments(catalogue));
                return null;
            } catch (Throwable failed) {
                return failed;
            }
        });
        Capsule capsule = awaitSomeDocumentsIndexed(starting);
        int before = starting.get().getBean(DocumentLibrary.class).list(capsule).size();
        starting.get().close();

        assertThat(started.get(2, TimeUnit.MINUTES)).as("the start, stopped during indexing").isNull();
        assertThat(before).as("documents indexed when stopped").isBetween(1, DOCUMENTS - 1);
        assertThat(output.getAll()).contains("Indexation du catalogue : interrompu(e) par l'arrêt du service")
                .doesNotContain("erreur inattendue pendant l'indexation")
                .doesNotContain("Application run failed");
        assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR ")).toList()).isEmpty();

        try (ConfigurableApplicationContext again = new SpringApplicationBuilder(CapsulesApplication.class).run(arguments(catalogue))) {
            Capsule restarted = again.getBean(Capsules.class).find("notes-de-service").orElseThrow();
            assertThat(again.getBean(DocumentLibrary.class).list(restarted)).hasSize(DOCUMENTS);
        }
    }

    /** As command-line arguments, which take precedence over application.yaml. */
    private String[] arguments(Path catalogue) {
        return new String[] {"--server.port=0", "--capsules.data-dir=" + root.resolve("data"), "--capsules.catalog-dir=" + catalogue,
                "--capsules.ollama.base-url=http://127.0.0.1:9"};
    }

    /** Waits until the first batch of the catalogue is committed while the start goes on. */
    private static Capsule awaitSomeDocumentsIndexed(AtomicReference<ConfigurableApplicationContext> starting) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            ConfigurableApplicationContext context = starting.get();
            if (context != null && context.isActive()) {
                try {
                    Capsule capsule = context.getBean(Capsules.class).find("notes-de-service").orElseThrow();
                    List<?> indexed = context.getBean(DocumentLibrary.class).list(capsule);
                    if (!indexed.isEmpty()) {
                        return capsule;
                    }
                } catch (RuntimeException notReadyYet) {
                    // The context is still being refreshed.
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the catalogue's first batch was never committed");
    }
}
