package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Signing in, what each person sees, and the pages people reach by mistake. */
class UiNavigationTests extends BrowserTest {

    private List<String> capsulesShown() {
        return browser().all(".card").stream().map(c -> c.getAttribute("data-capsule")).toList();
    }

    @Test
    void aWrongPasswordIsRefusedWithASentenceInFrench() {
        Browser b = browser().open("/login");
        b.find("#username").sendKeys("reclamations");
        b.find("#password").sendKeys("mauvais");
        b.find("form button[type=submit]").click();
        assertThat(b.text(".error")).contains("Identifiant ou mot de passe incorrect.");
        assertThat(b.script("return document.documentElement.lang")).isEqualTo("fr");
        b.screenshot("login");
    }

    @Test
    void aPageRequiresSigningInFirst() {
        browser().open("/drafts");
        assertThat(browser().path()).isEqualTo("/login");
    }

    @Test
    void eachPersonSeesTheCapsulesOfTheirServicesAndTheGenericOnes() {
        browser().signIn("reclamations");
        // other tests of the same service may have added capsules of their own
        assertThat(capsulesShown()).contains("charte-ia", "reclamations").doesNotContain("mesures-inspection");
        assertThat(browser().all("h1")).hasSize(1);
        browser().screenshot("home-reclamations");
        browser().signOut();

        browser().signIn("inspecteur");
        assertThat(capsulesShown()).contains("charte-ia", "mesures-inspection").doesNotContain("reclamations");
        browser().signOut();

        browser().signIn("agent");
        assertThat(capsulesShown()).contains("charte-ia").doesNotContain("reclamations", "mesures-inspection");
        assertThat(browser().all("nav a").stream().map(WebElement::getText)).doesNotContain("Journal d'audit", "Nouvelle capsule");
        browser().signOut();

        browser().signIn("referent");
        assertThat(capsulesShown()).contains("charte-ia", "mesures-inspection", "reclamations");
        assertThat(browser().all("nav a").stream().map(WebElement::getText)).contains("Nouvelle capsule");
    }

    @Test
    void aComplaintHandlerTypingTheInspectionCapsuleGetsTheNotFoundPage() {
        browser().signIn("reclamations");
        browser().open("/capsules/mesures-inspection");
        assertThat(browser().text("h1")).isEqualTo("Page introuvable");
        assertThat(browser().text("main")).contains("introuvable").doesNotContain("Mesures d'inspection");
        browser().screenshot("not-found");

        browser().open("/no-such-page");
        assertThat(browser().text("h1")).isEqualTo("Page introuvable");
    }

    @Test
    void theAuditTrailIsForAdministratorsOnly() {
        browser().signIn("agent");
        browser().open("/admin/audit");
        assertThat(browser().text("h1")).isEqualTo("Accès refusé");
        browser().signOut();

        browser().signIn("admin");
        browser().open("/admin/audit?action=ask");
        assertThat(browser().text("#chain")).startsWith("Chaîne intègre");
        assertThat(browser().find("a[href*='format=csv']").getAttribute("href")).contains("action=ask");
        browser().screenshot("audit");
        browser().open("/register");
        assertThat(browser().all("#register tbody tr")).hasSizeGreaterThanOrEqualTo(3);
        browser().screenshot("register");
    }

    @Test
    void signingOutReturnsToTheLoginPage() {
        browser().signIn("agent");
        browser().find(".who button").click();
        browser().waitUntil(d -> browser().path().equals("/login"));
        assertThat(browser().text("main")).contains("déconnecté");
    }
}
