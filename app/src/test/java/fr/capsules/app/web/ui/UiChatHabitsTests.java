package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.llm.ScriptedReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The habits people bring from the chat tools they know: Enter sends, Shift+Enter goes to the
 * line, a stop button really stops the model, copy takes the label and the sources along, the
 * focus comes back to the question, and past conversations are listed, reopened, renamed and
 * deleted.
 */
class UiChatHabitsTests extends BrowserTest {

    private static final String QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";
    private static final String ANSWER = "L'accusé de réception est adressé sous huit jours ouvrés [1].";

    private WebElement answerNumber(int turn) {
        Browser b = browser();
        return b.waitUntil(d -> {
            var answers = b.all(".turn .answer[data-mode]");
            return answers.size() >= turn ? answers.get(turn - 1) : null;
        });
    }

    private String focused() {
        return (String) browser().script("return document.activeElement && document.activeElement.id");
    }

    @Test
    void enterSendsShiftEnterGoesToTheLineAndTheFocusComesBack() {
        OLLAMA.enqueue(ScriptedReply.text(ANSWER));
        Browser b = browser();
        b.signIn("reclamations");
        b.open("/capsules/reclamations");

        WebElement field = b.find("#question");
        field.sendKeys("Première ligne");
        field.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        field.sendKeys("seconde ligne");
        assertThat(field.getAttribute("value")).isEqualTo("Première ligne\nseconde ligne");
        assertThat(b.all(".turn")).isEmpty();

        field.clear();
        field.sendKeys(QUESTION + Keys.ENTER);
        WebElement answer = answerNumber(1);
        assertThat(answer.getAttribute("data-mode")).isEqualTo("generative");
        assertThat(b.find("#question").getAttribute("value")).isEmpty();
        b.waitUntil(d -> "question".equals(focused()));
        b.screenshot("chat-enter-sends");
    }

    @Test
    void copyPutsTheAnswerItsAiLabelAndItsSourcesOnTheClipboard() {
        OLLAMA.enqueue(ScriptedReply.text(ANSWER));
        Browser b = browser();
        b.signIn("reclamations");
        b.open("/capsules/reclamations");
        b.driver.executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", b.origin(), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        b.find("#question").sendKeys(QUESTION + Keys.ENTER);
        WebElement answer = answerNumber(1);
        String source = answer.findElement(By.cssSelector(".sources li summary")).getAttribute("textContent").strip();

        answer.findElement(By.cssSelector(".copy-answer")).click();
        b.waitUntil(d -> b.text("#ask-status").startsWith("Réponse copiée"));
        String clipboard = (String) b.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, function (e) { done('ERREUR ' + e); });");

        assertThat(clipboard).startsWith(ANSWER)
                .contains("\nGénéré par IA — à vérifier\n")
                .contains("Sources :\n" + source + " (");
        assertThat(clipboard).isEqualTo(answer.getAttribute("data-copied"));
        b.screenshot("chat-copied");
    }

    @Test
    void theStopButtonAbortsTheModelsGeneration() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tokens.add("mot" + i + " ");
        }
        OLLAMA.enqueue(ScriptedReply.tokens(tokens).withTokenDelay(Duration.ofMillis(50)));
        Browser b = browser();
        b.signIn("reclamations");
        b.open("/capsules/reclamations");
        b.find("#question").sendKeys(QUESTION + Keys.ENTER);
        b.waitUntil(d -> b.text(".turn .answer-text").contains("mot3"));
        assertThat(b.find("#stop").isDisplayed()).isTrue();
        assertThat(b.find("#send").isEnabled()).isFalse();

        b.find("#stop").click();

        // The fake Ollama sees its stream abandoned: the request to the model was really cut.
        assertThat(OLLAMA.awaitCancelledStreams(1, Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1);
        WebElement answer = answerNumber(1);
        assertThat(answer.getAttribute("data-mode")).isEqualTo("stopped");
        assertThat(answer.findElement(By.cssSelector(".mode")).getText()).startsWith("Génération arrêtée");
        assertThat(answer.findElement(By.cssSelector(".answer-text")).getText()).doesNotContain("mot199");
        assertThat(b.find("#stop").isDisplayed()).isFalse();
        assertThat(b.find("#send").isEnabled()).isTrue();
        assertThat(b.find("#question").getAttribute("value")).isEqualTo(QUESTION);
        b.waitUntil(d -> "question".equals(focused()));
        b.screenshot("chat-stopped");
    }

    @Test
    void aConversationIsListedReopenedAfterAReloadRenamedAndDeleted() {
        OLLAMA.enqueue(ScriptedReply.text(ANSWER));
        Browser b = browser();
        b.signIn("reclamations");
        b.open("/capsules/reclamations");
        b.find("#question").sendKeys(QUESTION + Keys.ENTER);
        answerNumber(1);
        String id = b.find("#conversationId").getAttribute("value");
        assertThat(b.driver.getCurrentUrl()).endsWith("?conversation=" + id);
        assertThat(b.find("#conversation-list li[data-conversation='" + id + "'] a").getText()).isEqualTo(QUESTION);

        b.driver.navigate().refresh();
        assertThat(b.text(".turn .question")).contains(QUESTION);
        assertThat(b.text(".turn .answer-text")).contains("huit jours ouvrés");
        assertThat(b.text(".turn .ai-label")).isEqualTo("Généré par IA — à vérifier");
        assertThat(b.all(".turn .sources li")).isNotEmpty();

        b.open("/capsules/reclamations");
        assertThat(b.all(".turn")).isEmpty();
        b.find("#conversation-list li[data-conversation='" + id + "'] a").click();
        b.waitUntil(d -> !b.all(".turn").isEmpty());
        WebElement title = b.find("#conversation-title");
        title.clear();
        title.sendKeys("Délai d'accusé de réception");
        b.find(".rename button").click();
        b.waitUntil(d -> b.text("#conversation-list li[data-conversation='" + id + "'] a").equals("Délai d'accusé de réception"));
        b.screenshot("chat-conversations");

        // Someone else, who sees the capsule, cannot reopen it.
        b.signOut();
        b.signIn("referent");
        b.open("/capsules/reclamations?conversation=" + id);
        assertThat(b.text("h1")).isEqualTo("Page introuvable");
        b.open("/capsules/reclamations");
        assertThat(b.all("#conversation-list li[data-conversation='" + id + "']")).isEmpty();
        b.signOut();

        b.signIn("reclamations");
        b.open("/capsules/reclamations?conversation=" + id);
        b.find(".delete-conversation button").click();
        b.waitUntil(d -> b.text(".history .notice").equals("Conversation supprimée."));
        assertThat(b.all("#conversation-list li[data-conversation='" + id + "']")).isEmpty();
        b.open("/capsules/reclamations?conversation=" + id);
        assertThat(b.text("h1")).isEqualTo("Page introuvable");
    }
}
