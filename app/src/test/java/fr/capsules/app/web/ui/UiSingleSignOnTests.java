package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole browser login through a real OpenID Connect provider, in headless Chromium: the
 * service's login page, the provider's login form, back in the service as that person, and
 * logout at both. The service runs at 127.0.0.1 and the provider at localhost, so that their
 * cookies stay apart as they would on two hosts.
 */
class UiSingleSignOnTests extends SingleSignOnBrowserTest {
    @AfterEach
    void forgetEverySession() {
        if (browser != null) {
            // Both hosts: the service's session and the provider's.
            browser.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        }
    }

    /** From the service's login page, through the provider's form, back home. */
    private void signInThroughProvider(String username, String password) {
        browser.open("/login");
        browser.find("#sso-login").click();
        browser.waitUntil(d -> atProviderLoginForm());
        submitProviderForm(username, password);
        browser.waitUntil(d -> backHome());
    }

    @Test
    void theLoginPageOffersTheProviderAndTheLocalAccounts() {
        browser.open("/drafts");
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.text("#sso-login")).isEqualTo("Se connecter avec " + PROVIDER_NAME);
        assertThat(browser.all("#username")).hasSize(1);
        browser.screenshot("login-sso");
    }

    @Test
    void signingInThroughTheProviderShowsOnlyTheCapsulesOfThePersonsServices() {
        signInThroughProvider("ines", "ines-mdp");
        assertThat(browser.text(".who span")).isEqualTo("Inès Inspectrice");
        assertThat(capsulesShown()).contains("charte-ia", "mesures-inspection").doesNotContain("reclamations");
        browser.open("/capsules/reclamations");
        assertThat(browser.text("h1")).isEqualTo("Page introuvable");
        browser.screenshot("home-sso-ines");
    }

    @Test
    void aLocalAccountStillSignsInWithTheFormBesideTheProvider() {
        browser.open("/login");
        browser.find("#username").sendKeys("reclamations");
        browser.find("#password").sendKeys("demo");
        browser.find("form button[type=submit]").click();
        browser.waitUntil(d -> backHome());
        assertThat(capsulesShown()).contains("reclamations").doesNotContain("mesures-inspection");
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProvider() {
        signInThroughProvider("romain", "romain-mdp");
        browser.find(".who button[type=submit]").click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base() + "/login?logout"));
        assertThat(browser.text(".notice")).isEqualTo("Vous êtes déconnecté(e).");

        browser.open("/");
        assertThat(browser.path()).isEqualTo("/login");
        browser.find("#sso-login").click();
        // The provider asks again: its session ended too.
        browser.waitUntil(d -> atProviderLoginForm());
    }

    @Test
    void aPlainLinkToLogoutSignsOutToo() {
        signInThroughProvider("ines", "ines-mdp");
        browser.open("/logout");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base() + "/login?logout"));
        browser.find("#sso-login").click();
        browser.waitUntil(d -> atProviderLoginForm());
    }

    @Test
    void aServiceRemovedAtTheProviderDisappearsFromTheOpenSessionAtOnce() {
        String username = "mute-" + UUID.randomUUID().toString().substring(0, 8);
        PROVIDER.people().add(username, "mdp", "Personne Mutée", Set.of("capsules-service-inspection"));
        signInThroughProvider(username, "mdp");
        assertThat(capsulesShown()).contains("mesures-inspection");

        PROVIDER.people().setGroups(username, Set.of());

        browser.open("/");
        assertThat(capsulesShown()).contains("charte-ia").doesNotContain("mesures-inspection");
        browser.open("/capsules/mesures-inspection");
        assertThat(browser.text("h1")).isEqualTo("Page introuvable");
    }

    @Test
    void aPersonNamedLikeALocalAccountIsSentBackWithAClearMessage() {
        browser.open("/login");
        browser.find("#sso-login").click();
        browser.waitUntil(d -> atProviderLoginForm());
        submitProviderForm("admin", "admin-mdp");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base() + "/login?sso-error"));
        assertThat(browser.text(".error")).contains("La connexion par le fournisseur d'identité n'a pas abouti.");
    }
}
