package fr.capsules.app.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.app.access.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimMappingTests {

    private static ClaimMapping keycloak() {
        return new ClaimMapping(
                new OidcProperties.Claims("preferred_username", List.of("name"),
                        List.of("groups", "realm_access.roles", "resource_access.capsules.roles"), List.of("groups")),
                new OidcProperties.Mapping("capsules-", Map.of("dpo", Role.ADMIN), "capsules-service-", Map.of("/agence/ars-pays-de-loire/qualite", "qualite")));
    }

    @Test
    void servicesComeFromThePrefixOnTheLastSegmentOfAGroupPathAndFromTheExplicitMap() {
        Map<String, Object> claims = Map.of("groups", List.of(
                "/agence/capsules-service-inspection", "capsules-service-reclamations", "/agence/ars-pays-de-loire/qualite", "autre-groupe"));
        assertThat(keycloak().services(claims)).containsExactlyInAnyOrder("inspection", "reclamations", "qualite");
    }

    @Test
    void noServicesClaimMeansNoServiceNotAnError() {
        assertThat(keycloak().services(Map.of("sub", "x"))).isEmpty();
        assertThat(keycloak().roles(Map.of("sub", "x"))).containsExactly(Role.AGENT);
    }

    @Test
    void rolesAreReadFromNestedKeycloakClaimsAndMappedByPrefixOrByName() {
        Map<String, Object> claims = Map.of(
                "realm_access", Map.of("roles", List.of("offline_access", "capsules-referent")),
                "resource_access", Map.of("capsules", Map.of("roles", List.of("dpo"))));
        assertThat(keycloak().roles(claims)).containsExactlyInAnyOrder(Role.REFERENT, Role.ADMIN);
    }

    @Test
    void aServiceNameOutsideThePlainAlphabetIsIgnored() {
        assertThat(keycloak().services(Map.of("groups", List.of("capsules-service-a b", "capsules-service-<script>", "capsules-service-")))).isEmpty();
    }

    @Test
    void theDisplayNameJoinsTheNameClaimsLikeProConnectsGivenAndUsualName() {
        ClaimMapping proConnect = new ClaimMapping(
                new OidcProperties.Claims("email", List.of("given_name", "usual_name"), List.of(), List.of()),
                new OidcProperties.Mapping("", Map.of(), "", Map.of()));
        Map<String, Object> claims = Map.of("email", "jeanne.dupont@ars.sante.fr", "given_name", "Jeanne", "usual_name", "Dupont");
        assertThat(proConnect.username(claims)).isEqualTo("jeanne.dupont@ars.sante.fr");
        assertThat(proConnect.displayName(claims, "jeanne.dupont@ars.sante.fr")).isEqualTo("Jeanne Dupont");
        assertThat(proConnect.displayName(Map.of(), "jeanne.dupont@ars.sante.fr")).isEqualTo("jeanne.dupont@ars.sante.fr");
    }

    @Test
    void aMissingOrControlCharacterUsernameIsRefused() {
        assertThatThrownBy(() -> keycloak().username(Map.of("sub", "x"))).isInstanceOf(InvalidClaimsException.class);
        assertThatThrownBy(() -> keycloak().username(Map.of("preferred_username", "a\nb"))).isInstanceOf(InvalidClaimsException.class);
        assertThatThrownBy(() -> keycloak().username(Map.of("preferred_username", List.of("a")))).isInstanceOf(InvalidClaimsException.class);
    }

    @Test
    void aGrantIntersectionNeverGivesMoreThanEitherSide() {
        Grant issued = new Grant(java.util.Set.of(Role.ADMIN), java.util.Set.of("inspection", "reclamations"));
        Grant now = new Grant(java.util.Set.of(Role.REFERENT), java.util.Set.of("reclamations", "qualite"));
        Grant bounded = issued.intersect(now);
        assertThat(bounded.roles()).containsExactly(Role.AGENT);
        assertThat(bounded.services()).containsExactly("reclamations");
    }
}
