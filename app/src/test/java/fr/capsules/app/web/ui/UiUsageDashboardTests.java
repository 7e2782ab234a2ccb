package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.llm.ScriptedReply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The cost of an answer under it, and the administrators' usage dashboard: charts drawn by the
 * Chart.js the service serves itself, over tables that carry the same figures.
 */
class UiUsageDashboardTests extends BrowserTest {

    private static final String QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";
    private static final ScriptedReply.ReportedMetrics REPORTED =
            new ScriptedReply.ReportedMetrics(1_812, 200, 640_000_000L, 4_100_000_000L, 250_000_000L, 5_000_000_000L);

    @Test
    void theAnswerShowsItsTokensTimeAndEstimateDiscreetlyUnderneath() {
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1].").withMetrics(REPORTED));
        browser().signIn("reclamations");
        browser().open("/capsules/reclamations");

        browser().find("#question").sendKeys(QUESTION);
        browser().find("#ask-form button[type=submit]").click();
        WebElement usage = browser().find(".turn .answer[data-mode] .answer-usage");

        // Browsers and the JDK group French digits with a narrow no-break space.
        assertThat(usage.getText().replace('\u202f', ' ').replace('\u00a0', ' '))
                .isEqualTo("1 812 + 200 jetons · 5 s · ≈ 1,06 Wh · ≈ 0,09 g CO₂e (estimation)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorSeesChartsAndTheTablesBehindThem() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("Sous huit jours ouvrés [1].").withMetrics(REPORTED));
        browser().signIn("reclamations");
        browser().open("/capsules/reclamations");
        browser().find("#question").sendKeys(QUESTION);
        browser().find("#ask-form button[type=submit]").click();
        browser().find(".turn .answer[data-mode] .answer-usage");
        browser().signOut();

        browser().signIn("admin");
        browser().open("/admin/usage");

        assertThat(browser().text("h1")).isEqualTo("Usage et énergie");
        browser().waitUntil(d -> "true".equals(browser().find(".charts").getAttribute("data-drawn")));
        Object drawn = browser().script("""
                return ['chart-months', 'chart-energy', 'chart-capsules']
                    .map(id => window.Chart.getChart(document.getElementById(id)))
                    .map(c => c ? c.data.datasets.length : 0);""");
        assertThat((List<Object>) drawn).containsExactly(3L, 1L, 1L);
        List<WebElement> capsules = browser().all("#par-capsule tbody tr");
        WebElement reclamations = capsules.stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals("reclamations"))
                .findFirst()
                .orElseThrow();
        assertThat(Integer.parseInt(reclamations.findElements(By.tagName("td")).get(0).getText().replaceAll("\\D", "")))
                .isPositive();
        assertThat(browser().all("#par-mois tbody tr")).hasSize(12);
        assertThat(browser().all("#par-service tbody th")).extracting(WebElement::getText).contains("reclamations");
        assertThat(browser().find("#chart-months").getAttribute("role")).isEqualTo("img");
        assertThat(browser().all("#par-capsule thead th[scope=col]")).hasSize(13);
        browser().script("document.getElementById('graphiques-titre').scrollIntoView()");
        browser().screenshot("usage-dashboard");
    }

    @Test
    void anAgentIsRefusedTheDashboard() {
        browser().signIn("reclamations");
        browser().open("/admin/usage");

        assertThat(browser().text("h1")).doesNotContain("Usage et énergie");
        assertThat(browser().all("canvas")).isEmpty();
    }
}
