package fr.capsules.testidp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts {@link IdentityProviderApplication} on a random port of {@code localhost}, with two
 * clients: {@value #CLIENT_ID} (the service: confidential, authorization code with PKCE, refresh
 * tokens) and {@value #CLI_CLIENT_ID} (a script: public client with PKCE, loopback redirect), and
 * the people the tests add. Also signs tokens with the provider's own key, for the bad-input
 * tests, and obtains access tokens through the real authorization code flow, as a script would.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "capsules";
    public static final String CLIENT_SECRET = "secret-de-test-capsules";
    public static final String CLI_CLIENT_ID = "capsules-cli";
    private static final String CLI_REDIRECT = "http://127.0.0.1/cli-callback";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final ConfigurableApplicationContext context;
    private final People people;
    private final MutableClients clients;
    private final RSAKey key;
    private final String issuer;

    private TestIdentityProvider(ConfigurableApplicationContext context, People people, MutableClients clients, RSAKey key) {
        this.context = context;
        this.people = people;
        this.clients = clients;
        this.key = key;
        this.issuer = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static TestIdentityProvider start() {
        People people = new People();
        MutableClients clients = new MutableClients();
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        clients.save(serviceClient("http://127.0.0.1/login?logout"));
        clients.save(RegisteredClient.withId(CLI_CLIENT_ID)
                .clientId(CLI_CLIENT_ID)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(CLI_REDIRECT)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build());
        RSAKey signingKey = key;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IdentityProviderApplication.class)
                .properties(
                        "spring.config.name=test-identity-provider",
                        "server.port=0",
                        // Not JSESSIONID: the service under test runs on the same machine.
                        "server.servlet.session.cookie.name=IDPSESSION",
                        "spring.main.banner-mode=off",
                        "management.endpoints.access.default=none",
                        "logging.level.org.springframework.security=warn")
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("people", people);
                    c.getBeanFactory().registerSingleton("mutableClients", clients);
                    c.getBeanFactory().registerSingleton("signingKey", signingKey);
                })
                .run();
        return new TestIdentityProvider(context, people, clients, key);
    }

    private static RegisteredClient serviceClient(String postLogoutRedirectUri) {
        return RegisteredClient.withId(CLIENT_ID)
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                // Loopback: any port is accepted (RFC 8252), so the service's random port is fine.
                .redirectUri("http://127.0.0.1/login/oauth2/code/oidc")
                .postLogoutRedirectUri(postLogoutRedirectUri)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
    }

    public String issuer() {
        return issuer;
    }

    public People people() {
        return people;
    }

    /** Registers where the service at this address may send the browser after logout. */
    public void allowPostLogoutRedirect(String uri) {
        clients.save(serviceClient(uri));
    }

    /** A JWT with these claims signed with the provider's own key, as the provider would sign it. */
    public String sign(Map<String, Object> claims) {
        return sign(claims, key);
    }

    /** A JWT signed with a key the provider never published. */
    public static String signWithForeignKey(Map<String, Object> claims) {
        try {
            return sign(claims, new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(Map<String, Object> claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tokens from the token endpoint. */
    public record Tokens(String accessToken, String idToken, String refreshToken) {}

    /**
     * Signs in as this person through the provider's login form and returns the script client's
     * tokens: the authorization code flow with PKCE, as a command-line tool would run it.
     */
    public Tokens tokensFor(String username, String password) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = random();
        String state = random();
        String authorize = issuer + "/oauth2/authorize?" + form(Map.of(
                "response_type", "code",
                "client_id", CLI_CLIENT_ID,
                "scope", "openid profile",
                "redirect_uri", CLI_REDIRECT,
                "state", state,
                "code_challenge", challenge(verifier),
                "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = send(http, HttpRequest.newBuilder(URI.create(authorize)).GET());
        String loginPage = send(http, HttpRequest.newBuilder(resolve(location(toLogin))).GET()).body();
        Matcher csrf = CSRF.matcher(loginPage);
        if (!csrf.find()) {
            throw new IllegalStateException("pas de jeton CSRF sur la page de connexion du fournisseur");
        }
        HttpResponse<String> signedIn = send(http, HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", username, "password", password,
                        "_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2))))));
        HttpResponse<String> toClient = send(http, HttpRequest.newBuilder(resolve(location(signedIn))).GET());
        String callback = location(toClient);
        String code = URI.create(callback).getQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
        HttpResponse<String> tokens = send(http, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code",
                        "code", java.net.URLDecoder.decode(code, StandardCharsets.UTF_8),
                        "redirect_uri", CLI_REDIRECT,
                        "client_id", CLI_CLIENT_ID,
                        "code_verifier", verifier)))));
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("jeton refusé par le fournisseur : " + tokens.statusCode() + " " + tokens.body());
        }
        JsonNode body = JSON.readTree(tokens.body());
        return new Tokens(body.get("access_token").asString(), body.path("id_token").asString(null), body.path("refresh_token").asString(null));
    }

    private URI resolve(String location) {
        return URI.create(issuer).resolve(location);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("pas de redirection : " + response.statusCode() + " " + response.body()));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
