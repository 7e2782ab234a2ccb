package fr.capsules.app.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.testidp.TestIdentityProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API clients presenting the provider's access token as {@code Authorization: Bearer}, next to
 * the users file's API tokens and HTTP Basic: scope from the token's groups, services lost at the
 * provider refused at once, and the tokens that must not get in.
 */
class ProviderTokensIntegrationTests extends SingleSignOnIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private String accessToken(String username, String password) {
        return PROVIDER.tokensFor(username, password).accessToken();
    }

    /** Claims as the provider puts them in a genuine access token for the script client. */
    private Map<String, Object> genuineClaims() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", PROVIDER.issuer());
        claims.put("sub", "ines");
        claims.put("aud", TestIdentityProvider.CLI_CLIENT_ID);
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 300);
        claims.put("scope", List.of("openid", "profile"));
        claims.put("preferred_username", "ines");
        claims.put("groups", List.of("capsules-service-inspection"));
        return claims;
    }

    private static void assertRefusedAsInvalidToken(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/invalid-token");
        assertThat(response.json().get("detail").asString()).contains("Ce jeton n'est pas accepté");
    }

    @Test
    void aProviderAccessTokenSeesTheGenericCapsulesAndThoseOfItsServices() {
        assertThat(ids(bearer(accessToken("ines", "ines-mdp")).get("/api/capsules")))
                .contains("mesures-inspection", "charte-ia")
                .doesNotContain("reclamations");
    }

    @Test
    void rolesAndServicesComeFromFullGroupPathsAndTheRolePrefix() {
        String token = accessToken("romain", "romain-mdp");
        assertThat(ids(bearer(token).get("/api/capsules"))).contains("reclamations", "charte-ia").doesNotContain("mesures-inspection");
        // capsules-referent → REFERENT: may create a capsule (201), which an agent may not (403).
        String id = "sso-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> definition = Map.of(
                "id", id, "name", "Capsule SSO", "purpose", "Vérifier les rôles venus du fournisseur d'identité.",
                "referent", "Romain Référent", "kind", "chat",
                "scope", Map.of("generic", false, "services", List.of("reclamations")));
        ApiClient.Response created = bearer(token).postJson("/api/capsules", definition);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, Object> other = new LinkedHashMap<>(definition);
        other.put("id", id + "-agent");
        assertThat(bearer(accessToken("ines", "ines-mdp")).postJson("/api/capsules", other).status()).isEqualTo(403);
    }

    @Test
    void aTokenWithAServiceThePersonLostSinceIsRefusedAtOnce() {
        String username = "perd-" + UUID.randomUUID().toString().substring(0, 8);
        PROVIDER.people().add(username, "mdp", "Personne Mutée", Set.of("capsules-service-inspection"));
        String token = accessToken(username, "mdp");
        assertThat(bearer(token).get("/api/capsules/mesures-inspection").status()).isEqualTo(200);

        PROVIDER.people().setGroups(username, Set.of());

        // The same token, still valid and still claiming the group: refused like any invisible capsule.
        ApiClient.Response lost = bearer(token).get("/api/capsules/mesures-inspection");
        ApiClient.Response missing = bearer(token).get("/api/capsules/n-existe-pas");
        assertThat(lost.status()).isEqualTo(404);
        assertThat(lost.json().get("title").asString()).isEqualTo(missing.json().get("title").asString());
        assertThat(ids(bearer(token).get("/api/capsules"))).doesNotContain("mesures-inspection").contains("charte-ia");
    }

    @Test
    void aServiceGainedSinceTheTokenWasIssuedIsNotGrantedByIt() {
        String username = "gagne-" + UUID.randomUUID().toString().substring(0, 8);
        PROVIDER.people().add(username, "mdp", "Personne Arrivée", Set.of());
        String token = accessToken(username, "mdp");
        PROVIDER.people().setGroups(username, Set.of("capsules-service-reclamations"));
        // A token never grants more than it was issued with: a new login brings the new service.
        assertThat(bearer(token).get("/api/capsules/reclamations").status()).isEqualTo(404);
        assertThat(bearer(accessToken(username, "mdp")).get("/api/capsules/reclamations").status()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutTheServicesClaimSeesTheGenericCapsulesOnly() {
        ApiClient.Response response = bearer(accessToken("sans-groupe", "sans-groupe-mdp")).get("/api/capsules");
        assertThat(ids(response)).contains("charte-ia").doesNotContain("mesures-inspection", "reclamations");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        Map<String, Object> claims = genuineClaims();
        claims.put("iss", "http://localhost:1/autre-fournisseur");
        // Signed with the provider's own key: only the issuer is wrong.
        assertRefusedAsInvalidToken(bearer(PROVIDER.sign(claims)).get("/api/capsules"));
        // And a token of another provider altogether, signed with its own key.
        assertRefusedAsInvalidToken(bearer(TestIdentityProvider.signWithForeignKey(claims)).get("/api/capsules"));
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        String idToken = PROVIDER.tokensFor("ines", "ines-mdp").idToken();
        Map<String, Object> claims = payload(idToken);
        claims.put("iss", "http://localhost:1/autre-fournisseur");
        assertRefusedAsInvalidToken(bearer(TestIdentityProvider.signWithForeignKey(claims)).get("/api/capsules"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Map<String, Object> claims = genuineClaims();
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now - 900);
        claims.put("nbf", now - 900);
        claims.put("exp", now - 600);
        assertRefusedAsInvalidToken(bearer(PROVIDER.sign(claims)).get("/api/capsules"));
    }

    @Test
    void aProviderAccessTokenIsAnApiKeyOfTheOpenAiCompatibleApi() {
        ApiClient.Response models = bearer(accessToken("ines", "ines-mdp")).get("/v1/models");

        assertThat(models.status()).as(models.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        models.json().get("data").forEach(m -> ids.add(m.get("id").asString()));
        assertThat(ids).containsExactly("charte-ia", "mesures-inspection");
    }

    @Test
    void aTamperedTokenOnTheOpenAiCompatibleApiIsRefusedInOpenAisShape() {
        String token = accessToken("sans-groupe", "sans-groupe-mdp");
        Map<String, Object> claims = payload(token);
        claims.put("groups", List.of("capsules-admin"));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(claims)) + "." + parts[2];

        ApiClient.Response response = bearer(forged).get("/v1/models");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").get("code").asString()).isEqualTo("invalid_api_key");
        assertThat(response.json().get("error").get("message").asString()).contains("Ce jeton n'est pas accepté");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = accessToken("sans-groupe", "sans-groupe-mdp");
        Map<String, Object> claims = payload(token);
        claims.put("groups", List.of("capsules-service-reclamations", "capsules-admin"));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(claims)) + "." + parts[2];
        assertRefusedAsInvalidToken(bearer(forged).get("/api/capsules"));
    }

    @Test
    void aTokenIssuedForAnotherServiceIsRefused() {
        Map<String, Object> claims = genuineClaims();
        claims.put("aud", "messagerie");
        claims.put("azp", "messagerie");
        assertRefusedAsInvalidToken(bearer(PROVIDER.sign(claims)).get("/api/capsules"));
    }

    @Test
    void aTokenTheProviderNeverIssuedIsRefusedEvenWithAValidSignature() {
        // Well signed, right issuer and audience, but unknown to the provider's userinfo endpoint.
        assertRefusedAsInvalidToken(bearer(PROVIDER.sign(genuineClaims())).get("/api/capsules"));
    }

    @Test
    void aPersonNamedLikeALocalAccountIsRefused() {
        assertRefusedAsInvalidToken(bearer(accessToken("admin", "admin-mdp")).get("/api/capsules"));
    }

    @Test
    void theUsersFileApiTokensStillWorkEvenOneShapedLikeAJwt() {
        assertThat(ids(bearer(API_TOKEN).get("/api/capsules"))).contains("reclamations").doesNotContain("mesures-inspection");
        assertThat(ids(bearer(JWT_LIKE_API_TOKEN).get("/api/capsules"))).contains("reclamations").doesNotContain("mesures-inspection");
    }

    @Test
    void anUnknownApiTokenAndBasicAuthenticationBehaveAsBefore() {
        ApiClient.Response unknown = bearer("jeton-inconnu").get("/api/capsules");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("type").asString()).endsWith("/unauthenticated");
        assertThat(ids(ApiClient.as(port, "inspecteur", "demo").get("/api/capsules"))).contains("mesures-inspection");
    }

    private static Map<String, Object> payload(String jwt) {
        JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return new LinkedHashMap<>(JSON.convertValue(node, Map.class));
    }
}
