package fr.capsules.app;

import fr.capsules.app.llm.FakeOllamaServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP integration tests: the real service on a random port, the repository's example
 * catalogue, the demo accounts, a data folder of its own (one per test JVM, shared by the classes
 * that reuse the cached context), and a fake Ollama server on loopback that the service reaches
 * through its real LangChain4j client. Tests that change state create capsules of their own;
 * tests that script the model call {@link #ollama} after the reset done before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
public abstract class ServiceIntegrationTest {

    static final Path DATA_DIR;
    /** One fake model server for the whole test JVM, like the cached Spring context. */
    protected static final FakeOllamaServer OLLAMA = FakeOllamaServer.start();

    static {
        try {
            DATA_DIR = Files.createTempDirectory("capsules-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void resetModelServer() {
        OLLAMA.reset();
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("capsules.data-dir", DATA_DIR::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.chat-model", () -> "mistral-small3.2");
        // Short, so the fallback tests do not wait two minutes for a silent model.
        registry.add("capsules.ollama.timeout", () -> "3s");
        // Short too, so that a model writing on and on is stopped within a test's patience.
        registry.add("capsules.ollama.deadline", () -> "12s");
        // The suite asks far more than a person would, several classes as the same demo account in the same minute:
        // the per-person limits have their own tests (FairUseIntegrationTests).
        registry.add("capsules.fair-use.questions.in-flight", () -> "50");
        registry.add("capsules.fair-use.questions.per-minute", () -> "100000");
        registry.add("capsules.fair-use.drafts.in-flight", () -> "50");
        registry.add("capsules.fair-use.drafts.per-minute", () -> "100000");

    }

    protected ApiClient as(String username) {
        return ApiClient.as(port, username, "demo");
    }
}
