package fr.capsules.app;

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
 * catalogue, the demo accounts, and a data folder of its own (one per test JVM, shared by the
 * classes that reuse the cached context). Tests that change state create capsules of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
public abstract class ServiceIntegrationTest {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("capsules-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("capsules.data-dir", DATA_DIR::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
    }

    protected ApiClient as(String username) {
        return ApiClient.as(port, username, "demo");
    }
}
