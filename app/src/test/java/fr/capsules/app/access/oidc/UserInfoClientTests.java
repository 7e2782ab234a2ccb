package fr.capsules.app.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Userinfo as ProConnect answers it, a JWT signed by the provider ({@code application/jwt}), and
 * as Keycloak does (JSON), from a small provider on loopback serving discovery, keys and userinfo.
 */
class UserInfoClientTests {

    private final RSAKey providerKey = key();
    private final AtomicReference<String> contentType = new AtomicReference<>("application/jwt");
    private final AtomicReference<String> body = new AtomicReference<>("");
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private HttpServer server;
    private String issuer;

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("cle-1").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void startProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
        server.createContext("/api/v2/.well-known/openid-configuration", exchange -> reply(exchange, 200, "application/json", """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "userinfo_endpoint": "%1$s/userinfo", "jwks_uri": "%1$s/jwks", "end_session_endpoint": "%1$s/session/end",
                 "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer)));
        server.createContext("/api/v2/jwks", exchange -> reply(exchange, 200, "application/json", new JWKSet(providerKey.toPublicJWK()).toString()));
        server.createContext("/api/v2/userinfo", exchange -> reply(exchange, status.get(), contentType.get(), body.get()));
        server.start();
    }

    @AfterEach
    void stopProvider() {
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int code, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private UserInfoClient client() {
        OidcProperties properties = new OidcProperties(true, "ProConnect", issuer, "capsules-fs", "secret",
                List.of("openid", "given_name", "usual_name", "email", "uid", "siret"), false, "", "RS256",
                "{baseUrl}/login?logout", true, List.of(),
                new OidcProperties.Claims("email", List.of("given_name", "usual_name"), List.of(), List.of()),
                new OidcProperties.Mapping("", Map.of(), "", Map.of()),
                new OidcProperties.Memberships(OidcProperties.Memberships.Source.PROVIDER, java.time.Duration.ZERO, null));
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        RestClient http = RestClient.builder().requestFactory(requests).build();
        return new UserInfoClient(new ProviderRegistration(properties, http), properties, http, new RestTemplate(requests));
    }

    private String signed(RSAKey key, Map<String, Object> claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), JWTClaimsSet.parse(claims));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aSignedUserinfoAnswerIsCheckedAndRead() throws Exception {
        body.set(signed(providerKey, Map.of("sub", "abc", "iss", issuer, "aud", "capsules-fs", "email", "jeanne.dupont@ars.sante.fr",
                "given_name", "Jeanne", "usual_name", "Dupont", "uid", "4242", "siret", "11002001300097", "idp_id", "fia1")));
        Map<String, Object> claims = client().claims("jeton-opaque");
        assertThat(claims).containsEntry("email", "jeanne.dupont@ars.sante.fr").containsEntry("usual_name", "Dupont").containsEntry("idp_id", "fia1");
    }

    @Test
    void aUserinfoAnswerSignedWithAnotherKeyIsRefused() throws Exception {
        body.set(signed(key(), Map.of("sub", "abc", "iss", issuer, "email", "intrus@example.org")));
        assertThatThrownBy(() -> client().claims("jeton-opaque")).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aSignedAnswerForAnotherClientIsRefused() throws Exception {
        body.set(signed(providerKey, Map.of("sub", "abc", "iss", issuer, "aud", "autre-service")));
        assertThatThrownBy(() -> client().claims("jeton-opaque")).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aPlainJsonAnswerIsReadToo() {
        contentType.set("application/json");
        body.set("{\"sub\": \"abc\", \"groups\": [\"capsules-service-inspection\"]}");
        assertThat(client().claims("jeton")).containsEntry("groups", List.of("capsules-service-inspection"));
    }

    @Test
    void aTokenTheProviderNoLongerAcceptsIsRefused() {
        status.set(401);
        contentType.set("application/json");
        body.set("{\"error\": \"invalid_token\"}");
        assertThatThrownBy(() -> client().claims("jeton-revoque")).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aProviderThatCannotBeReachedIsNeitherAcceptanceNorRefusal() {
        UserInfoClient client = client();
        server.stop(0);
        assertThatThrownBy(() -> client.claims("jeton")).isInstanceOf(IdentityProviderUnavailableException.class);
    }
}
