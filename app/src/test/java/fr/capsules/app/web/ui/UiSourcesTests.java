package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.llm.ScriptedReply;
import fr.capsules.ingest.TestFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A citation opens the document at the cited page or passage, or shows the passage in its place. */
class UiSourcesTests extends BrowserTest {

    private static final String CAPSULE = "sources-navigateur";

    private WebElement ask(String question) {
        Browser b = browser();
        b.find("#question").sendKeys(question + Keys.ENTER);
        return b.waitUntil(d -> b.all(".turn .answer[data-mode]").stream().findFirst().orElse(null));
    }

    /** Opens the first source's link, which opens a new tab, and switches to it. */
    private void openFirstSource(WebElement answer) {
        Browser b = browser();
        WebElement source = answer.findElement(By.cssSelector(".sources li"));
        source.findElement(By.tagName("summary")).click();
        String before = b.driver.getWindowHandle();
        source.findElement(By.cssSelector("a.open-source")).click();
        b.waitUntil(d -> d.getWindowHandles().size() > 1);
        String opened = b.driver.getWindowHandles().stream().filter(h -> !h.equals(before)).findFirst().orElseThrow();
        b.driver.switchTo().window(opened);
    }

    private void backToFirstTab() {
        Browser b = browser();
        List<String> handles = List.copyOf(b.driver.getWindowHandles());
        for (String handle : handles.subList(1, handles.size())) {
            b.driver.switchTo().window(handle);
            b.driver.close();
        }
        b.driver.switchTo().window(handles.getFirst());
    }

    @Test
    void aReferentOpensTheCitedDocumentAtItsPageOrPassage() throws InterruptedException {
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        Browser b = browser();
        // The service capsule is pseudonymised: its documents open to its referents and admins only.
        b.signIn("referent");
        b.open("/capsules/reclamations");
        WebElement answer = ask("Dans quel délai faut-il accuser réception d'une réclamation ?");
        try {
            openFirstSource(answer);
            b.waitUntil(d -> d.getCurrentUrl().contains("#"));
            String url = b.driver.getCurrentUrl();
            assertThat(url).matches(".*(/file\\?inline=true#page=\\d+|/text#passage-\\d+)$");
            if (url.contains("/text#passage-")) {
                String anchor = url.substring(url.indexOf('#') + 1);
                assertThat(b.script("return document.querySelector(':target') && document.querySelector(':target').id")).isEqualTo(anchor);
            } else {
                assertThat(b.script("return document.contentType")).isEqualTo("application/pdf");
                // Chromium's PDF viewer paints the page a moment after the document loads: for the screenshot only.
                Thread.sleep(1500);
            }
            b.screenshot("source-original");
        } finally {
            backToFirstTab();
        }
    }

    @Test
    void anAgentReadsThePassageAndItsNeighboursButNotTheFile() throws Exception {
        ApiClient referent = as("referent");
        if (referent.get("/api/capsules/" + CAPSULE).status() == 404) {
            assertThat(referent.postJson("/api/capsules", Map.of(
                    "id", CAPSULE, "name", "Rapports d'inspection", "purpose", "Originaux réservés aux référents.",
                    "referent", "Romain Référent", "scope", Map.of("generic", true, "services", List.of()), "kind", "chat",
                    "originals", "maintainers")).status()).isEqualTo(201);
            assertThat(referent.upload("/api/capsules/" + CAPSULE + "/documents", List.of(ApiClient.Part.of("rapport.pdf", TestFiles.pdf(
                    "Registre des plaintes. Le registre des plaintes est tenu à jour par la direction de l'établissement.",
                    "Contention physique. Toute contention fait l'objet d'une prescription médicale motivée et réévaluée.",
                    "Circuit du médicament. La préparation des piluliers est réalisée par une infirmière diplômée d'État."))))
                    .status()).isEqualTo(200);
        }
        OLLAMA.enqueue(ScriptedReply.text("Toute contention fait l'objet d'une prescription médicale motivée [1]."));
        Browser b = browser();
        b.signIn("agent");
        b.open("/capsules/" + CAPSULE);
        WebElement answer = ask("Une contention physique fait-elle l'objet d'une prescription médicale ?");
        try {
            openFirstSource(answer);
            b.waitUntil(d -> b.path().contains("/passages/"));
            assertThat(b.text("li.cited")).contains("Passage cité").contains("Contention physique");
            assertThat(b.all(".passages li")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(b.all("a[href*='/file']")).isEmpty();
            b.screenshot("source-passage");
        } finally {
            backToFirstTab();
        }
    }
}
