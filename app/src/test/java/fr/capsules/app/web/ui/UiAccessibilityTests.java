package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.llm.ScriptedReply;
import fr.capsules.ingest.TestFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * Every page of the interface passes axe-core's WCAG 2.1 A/AA rules (the ground RGAA 4 builds on)
 * with no serious or critical violation. The counts by impact of each page are printed and kept in
 * target/accessibility/axe-counts.txt (docs/ACCESSIBILITY.md has the last run's).
 */
class UiAccessibilityTests extends BrowserTest {

    private final List<AccessibilityCheck.Result> results = new ArrayList<>();

    private void check(String page) {
        browser().find("main h1");
        results.add(AccessibilityCheck.run(browser(), page));
    }

    private void assertNothingBlocking() {
        List<String> blocking = results.stream().filter(r -> !r.blocking().isEmpty()).map(AccessibilityCheck.Result::line).toList();
        assertThat(blocking).as("serious or critical axe violations").isEmpty();
    }

    @Test
    void theLoginPage() {
        browser().open("/login");
        check("login");
        browser().find("#username").sendKeys("x");
        browser().find("#password").sendKeys("y" + Keys.ENTER);
        browser().waitUntil(d -> !browser().all(".error").isEmpty());
        check("login-error");
        assertNothingBlocking();
    }

    @Test
    void thePagesOfAnAdministrator() {
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        String textDraft = as("admin").postJson("/api/capsules/reclamations/drafts",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?")).json().get("id").asString();
        ApiClient.Response table = as("admin").postJson("/api/capsules/mesures-inspection/drafts",
                Map.of("input", "E1 - Absence de plan bleu actualisé\nR1 - Le conseil de la vie sociale ne s'est pas réuni"));
        assertThat(table.status()).as(table.body()).isEqualTo(201);
        String tableDraft = table.json().get("id").asString();
        String faq = as("admin").get("/api/capsules/reclamations/documents").json().valueStream()
                .filter(d -> d.get("file").asString().endsWith(".md")).findFirst().orElseThrow().get("documentId").asString();

        Browser b = browser();
        b.signIn("admin");
        check("home");
        b.open("/capsules/reclamations");
        check("chat-empty");
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        b.find("#question").sendKeys("Dans quel délai faut-il accuser réception d'une réclamation ?" + Keys.ENTER);
        b.waitUntil(d -> !b.all(".turn .answer[data-mode]").isEmpty());
        b.find(".turn .sources summary").click();
        check("chat-answer");
        b.driver.navigate().refresh();
        b.find(".conversation-tools");
        check("chat-reopened");
        b.open("/capsules/mesures-inspection");
        check("table-capsule");
        b.open("/drafts");
        check("drafts");
        b.open("/drafts/" + textDraft);
        check("draft-text");
        b.open("/drafts/" + tableDraft);
        check("draft-table");
        b.open("/capsules/reclamations/documents");
        check("documents");
        b.open("/capsules/new");
        check("capsule-new");
        b.open("/capsules/reclamations/edit");
        check("capsule-edit");
        b.open("/capsules/reclamations/atelier");
        check("workshop");
        b.open("/register");
        check("register");
        b.open("/admin/audit");
        check("audit");
        b.open("/capsules/reclamations/documents/" + faq + "/text#passage-1");
        check("document-text");
        b.open("/no-such-page");
        check("error-404");
        assertNothingBlocking();
    }

    @Test
    void thePagesOfAnAgent() throws Exception {
        ApiClient referent = as("referent");
        String capsule = "a11y-passages";
        if (referent.get("/api/capsules/" + capsule).status() == 404) {
            assertThat(referent.postJson("/api/capsules", Map.of(
                    "id", capsule, "name", "Rapports (passages seuls)", "purpose", "Originaux réservés aux référents.",
                    "referent", "Romain Référent", "scope", Map.of("generic", true, "services", List.of()), "kind", "chat",
                    "originals", "maintainers")).status()).isEqualTo(201);
            assertThat(referent.upload("/api/capsules/" + capsule + "/documents", List.of(ApiClient.Part.of("rapport.pdf", TestFiles.pdf(
                    "Registre des plaintes. Le registre des plaintes est tenu à jour par la direction.",
                    "Contention physique. Toute contention fait l'objet d'une prescription médicale motivée.",
                    "Circuit du médicament. Les piluliers sont préparés par une infirmière diplômée d'État."))))
                    .status()).isEqualTo(200);
        }
        String document = referent.get("/api/capsules/" + capsule + "/documents").json().get(0).get("documentId").asString();

        Browser b = browser();
        b.signIn("agent");
        check("home-agent");
        b.open("/capsules/" + capsule + "/documents/" + document + "/passages/1");
        check("source-passage");
        b.open("/admin/audit");
        check("error-403");
        b.open("/capsules/charte-ia");
        b.find("#question").sendKeys("Quelle est la recette de la tarte Tatin aux pommes caramélisées ?" + Keys.ENTER);
        b.waitUntil(d -> !b.all(".turn .answer[data-mode]").isEmpty());
        check("chat-refusal");
        assertNothingBlocking();
    }
}
