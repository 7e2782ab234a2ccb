package fr.capsules.app.access.oidc;

import fr.capsules.app.ApiClient;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.testidp.TestIdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the single sign-on tests: a real OpenID Connect provider ({@link TestIdentityProvider},
 * Spring Security's authorization server) started once per test JVM, and the real service on a
 * random port configured against it, with the demo accounts and a users file holding API tokens,
 * so that every way in is tried side by side. A data folder of its own (the context differs from
 * the other integration tests').
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
public abstract class SingleSignOnIntegrationTest {

    protected static final TestIdentityProvider PROVIDER = TestIdentityProvider.start();
    protected static final String PROVIDER_NAME = "l'annuaire de test";
    /** A users-file API token, and one that happens to look like a JWT: both stay ours. */
    protected static final String API_TOKEN = "capsules-api-jeton-de-test-0001";
    protected static final String JWT_LIKE_API_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzY3JpcHQifQ.c2lnbmF0dXJlLWRlLXRlc3Q";
    private static final FakeOllamaServer OLLAMA = FakeOllamaServer.start();
    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("capsules-sso-");
            Files.writeString(DATA_DIR.resolve("users.yaml"), """
                    users:
                      - username: script
                        displayName: Script de la direction
                        passwordHash: "%s"
                        roles: [AGENT]
                        services: [reclamations]
                        apiTokenHashes: ["%s", "%s"]
                    """.formatted(new BCryptPasswordEncoder().encode("script"), sha256(API_TOKEN), sha256(JWT_LIKE_API_TOKEN)),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PROVIDER.people().add("ines", "ines-mdp", "Inès Inspectrice", Set.of("capsules-service-inspection"));
        PROVIDER.people().add("romain", "romain-mdp", "Romain Référent",
                Set.of("/agence/capsules-service-reclamations", "capsules-referent"));
        PROVIDER.people().add("sans-groupe", "sans-groupe-mdp", "Sacha Sans Groupe", Set.of());
        // Named like a demo account: refused, it must not become that account.
        PROVIDER.people().add("admin", "admin-mdp", "Homonyme de l'admin", Set.of("capsules-admin"));
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("capsules.data-dir", DATA_DIR::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.timeout", () -> "3s");
        registry.add("capsules.oidc.enabled", () -> "true");
        registry.add("capsules.oidc.provider-name", () -> PROVIDER_NAME);
        registry.add("capsules.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("capsules.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("capsules.oidc.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add("capsules.oidc.audiences", () -> TestIdentityProvider.CLIENT_ID + "," + TestIdentityProvider.CLI_CLIENT_ID);
        registry.add("capsules.oidc.claims.roles", () -> "groups");
    }

    @BeforeEach
    void registerThisService() {
        PROVIDER.allowPostLogoutRedirect("http://127.0.0.1:" + port + "/login?logout");
    }

    protected ApiClient bearer(String token) {
        return ApiClient.bearer(port, token);
    }

    protected static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
