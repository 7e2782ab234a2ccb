package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.llm.ScriptedReply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Asking a capsule in the browser: the streamed answer, its sources and label, and hostile text. */
class UiAskingTests extends BrowserTest {

    private static final String QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";

    private WebElement ask(String question, int turn) {
        Browser b = browser();
        b.find("#question").sendKeys(question);
        b.find("#ask-form button[type=submit]").click();
        return b.waitUntil(d -> {
            var answers = b.all(".turn .answer[data-mode]");
            return answers.size() >= turn ? answers.get(turn - 1) : null;
        });
    }

    @Test
    void theAnswerStreamsWithItsLabelNumberedSourcesAndConversation() {
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1].")
                .withTokenDelay(Duration.ofMillis(30)));
        browser().signIn("reclamations");
        browser().open("/capsules/reclamations");
        assertThat(browser().text("h1")).isEqualTo("Réclamations usagers");

        WebElement answer = ask(QUESTION, 1);
        assertThat(answer.getAttribute("data-mode")).isEqualTo("generative");
        assertThat(answer.findElement(By.cssSelector(".ai-label")).getText()).isEqualTo("Généré par IA — à vérifier");
        assertThat(answer.findElement(By.cssSelector(".mode")).getText()).isEqualTo("Réponse rédigée par le modèle");
        assertThat(answer.findElement(By.cssSelector(".answer-text")).getText()).contains("huit jours ouvrés [1]");
        // Under the answer: the capsule version and the model digest it came from (issue 11.4).
        assertThat(answer.findElement(By.cssSelector(".answer-footer .provenance")).getText())
                .matches("(Capsule version \\d+|Version de travail) · modèle .+ \\(empreinte [0-9a-f]{12}\\)");
        WebElement source = answer.findElement(By.cssSelector(".sources li.source[data-n='1']"));
        assertThat(source.findElement(By.tagName("summary")).getText()).startsWith("[1] ");
        assertThat(source.findElement(By.tagName("blockquote")).isDisplayed()).isFalse();
        source.findElement(By.tagName("summary")).click();
        assertThat(source.findElement(By.tagName("blockquote")).isDisplayed()).isTrue();
        String conversation = browser().find("#conversationId").getAttribute("value");
        assertThat(conversation).isNotBlank();
        browser().screenshot("chat");

        OLLAMA.enqueue(ScriptedReply.text("La réponse sur le fond est adressée sous deux mois [1]."));
        WebElement followUp = ask("Et pour la réponse sur le fond ?", 2);
        assertThat(followUp.getAttribute("data-mode")).isIn("generative", "extractive", "abstained");
        assertThat(followUp.findElement(By.cssSelector(".ai-label")).getText()).isEqualTo("Généré par IA — à vérifier");
        assertThat(browser().find("#conversationId").getAttribute("value")).isEqualTo(conversation);
    }

    @Test
    void aScriptOrAJavascriptLinkInTheAnswerIsShownAsText() {
        OLLAMA.enqueue(ScriptedReply.text("<script>window.pwned=1</script> Réponse [1]. Voir [x](javascript:alert(1))."));
        browser().signIn("reclamations");
        browser().open("/capsules/reclamations");

        WebElement answer = ask(QUESTION, 1);
        assertThat(answer.findElement(By.cssSelector(".answer-text")).getText())
                .contains("<script>window.pwned=1</script>")
                .contains("[x](javascript:alert(1))");
        assertThat(answer.findElements(By.cssSelector(".answer-text a, .answer-text script"))).isEmpty();
        assertThat(browser().script("return typeof window.pwned")).isEqualTo("undefined");
    }

    @Test
    void anAnswerBecomesADraftThatOpensOnItsPage() {
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        browser().signIn("reclamations");
        browser().open("/capsules/reclamations");
        ask(QUESTION, 1);

        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        browser().find(".make-draft button").click();
        browser().waitUntil(d -> browser().path().startsWith("/drafts/"));
        assertThat(browser().text("h1")).isEqualTo("Brouillon — Réclamations usagers");
        assertThat(browser().find("#draft-text").getAttribute("value")).contains("huit jours ouvrés");
        assertThat(browser().text(".ai-label")).isEqualTo("Généré par IA — à vérifier");
    }
}
