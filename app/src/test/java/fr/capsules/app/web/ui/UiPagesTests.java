package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.llm.ScriptedReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Pages that hold together: no draft from a refusal, error pages with their navigation, sign-out, favicon, a phone-sized draft. */
class UiPagesTests extends BrowserTest {

    @Test
    void noDraftIsOfferedUnderARefusalToAnswer() {
        Browser b = browser();
        b.signIn("agent");
        b.open("/capsules/charte-ia");
        b.find("#question").sendKeys("Quelle est la recette de la tarte Tatin aux pommes caramélisées ?" + Keys.ENTER);
        WebElement answer = b.waitUntil(d -> b.all(".turn .answer[data-mode]").stream().findFirst().orElse(null));
        assertThat(answer.getAttribute("data-mode")).isEqualTo("abstained");
        assertThat(b.all(".make-draft")).isEmpty();
        assertThat(b.find(".copy-answer").isDisplayed()).isTrue();
        b.screenshot("refusal-without-draft");

        // Reopened from the list, the page drawn by the server offers none either.
        b.driver.navigate().refresh();
        b.waitUntil(d -> !b.all(".turn .answer[data-mode='abstained']").isEmpty());
        assertThat(b.all(".make-draft")).isEmpty();
    }

    private void assertNavigationAndSignOut() {
        Browser b = browser();
        assertThat(b.all("nav[aria-label='Navigation principale'] a")).isNotEmpty();
        assertThat(b.find(".who button").getText()).isEqualTo("Se déconnecter");
        assertThat(b.text(".who span")).isNotBlank();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aFailureOfTheServiceItselfKeepsTheNavigationToo() {
        // A draft whose stored content no longer reads (a damaged row): the page fails with a 500.
        ApiClient.Response created = as("agent").postJson("/api/capsules/charte-ia/drafts",
                java.util.Map.of("question", "Quels outils d'IA ai-je le droit d'utiliser sur des documents internes ?"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        // The other tests share this database: the row is damaged only for the time of this test.
        var kept = jdbc.sql("SELECT content, ai_content FROM drafts WHERE id = ?").param(id).query().singleRow();
        jdbc.sql("UPDATE drafts SET content = ?, ai_content = ? WHERE id = ?").params("{abîmé", "{abîmé", id).update();
        try {
            Browser b = browser();
            b.signIn("agent");
            b.open("/drafts/" + id);
            assertThat(b.text("h1")).isEqualTo("Une erreur est survenue");
            assertThat(b.text("main")).doesNotContain("Exception").doesNotContain("at fr.capsules");
            assertNavigationAndSignOut();
            b.screenshot("error-500");
        } finally {
            jdbc.sql("UPDATE drafts SET content = ?, ai_content = ? WHERE id = ?")
                    .params(kept.get("content"), kept.get("ai_content"), id).update();
        }
        assertThat(as("agent").get("/api/drafts/" + id).status()).isEqualTo(200);
    }

    @Test
    void errorPagesKeepTheNavigationAndTheSignOutButton() {
        Browser b = browser();
        b.signIn("agent");

        b.open("/no-such-page");
        assertThat(b.text("h1")).isEqualTo("Page introuvable");
        assertNavigationAndSignOut();
        b.screenshot("error-404");

        b.open("/capsules/mesures-inspection");
        assertThat(b.text("h1")).isEqualTo("Page introuvable");
        assertNavigationAndSignOut();

        b.open("/admin/audit");
        assertThat(b.text("h1")).isEqualTo("Accès refusé");
        assertNavigationAndSignOut();
        b.screenshot("error-403");

        // The sign-out button of an error page works.
        b.find(".who button").click();
        b.waitUntil(d -> b.path().equals("/login"));
        assertThat(b.text("main")).contains("déconnecté");
    }

    @Test
    void aPlainLinkToLogoutSignsOut() {
        Browser b = browser();
        b.signIn("agent");
        b.open("/logout");
        b.waitUntil(d -> b.path().equals("/login"));
        assertThat(b.text(".notice")).isEqualTo("Vous êtes déconnecté(e).");
        b.open("/");
        assertThat(b.path()).isEqualTo("/login");
    }

    @Test
    void everyPageHasAFavicon() {
        Browser b = browser();
        b.open("/login");
        assertThat(b.find("link[rel='icon']").getAttribute("href")).endsWith("/favicon.ico");
        ApiClient.Download icon = ApiClient.anonymous(port).download("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.bytes()).startsWith(0, 0, 1, 0);
        b.signIn("agent");
        assertThat(b.find("link[rel='icon']").getAttribute("href")).endsWith("/favicon.ico");
        assertThat(b.script("return fetch('/favicon.ico').then(r => r.status)")).isEqualTo(200L);
    }

    @Test
    void theDraftPageFitsAPhoneThreeHundredNinetyPixelsWide() {
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        ApiClient.Response created = as("reclamations").postJson("/api/capsules/reclamations/drafts",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String draft = created.json().get("id").asString();

        Browser b = browser();
        b.signIn("reclamations");
        Dimension before = b.driver.manage().window().getSize();
        try {
            b.driver.manage().window().setSize(new Dimension(390, 844));
            b.open("/drafts/" + draft);
            b.find("#draft-state");
            long viewport = (Long) b.script("return document.documentElement.clientWidth");
            assertThat(viewport).isLessThanOrEqualTo(390);
            assertThat((Long) b.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(viewport);
            for (String fact : List.of("Statut", "Créé par", "Modèle", "Part modifiée par rapport à la version IA")) {
                Map<?, ?> box = (Map<?, ?>) b.script("""
                        var name = arguments[0];
                        var dt = Array.from(document.querySelectorAll('.facts dt')).find(function (e) { return e.textContent === name; });
                        var r = dt.nextElementSibling.getBoundingClientRect();
                        return { left: r.left, right: r.right, width: r.width };""", fact);
                assertThat(((Number) box.get("left")).doubleValue()).as(fact).isGreaterThanOrEqualTo(0);
                assertThat(((Number) box.get("right")).doubleValue()).as(fact).isLessThanOrEqualTo(viewport);
                assertThat(((Number) box.get("width")).doubleValue()).as(fact).isPositive();
            }
            b.screenshot("draft-390px");
        } finally {
            b.driver.manage().window().setSize(before);
        }
    }
}
