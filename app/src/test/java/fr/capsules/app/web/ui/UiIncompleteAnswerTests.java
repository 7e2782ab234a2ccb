package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.llm.ScriptedReply;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An answer whose model output did not arrive whole says so in the browser, next to its mode and among its warnings. */
class UiIncompleteAnswerTests extends BrowserTest {

    @Test
    void anAnswerCutByTheTokenCapIsShownAsIncompleteWithItsReason() {
        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1], puis la réponse")
                .withDoneReason("length"));
        Browser b = browser();
        b.signIn("reclamations");
        b.open("/capsules/reclamations");

        b.find("#question").sendKeys("Dans quel délai faut-il accuser réception d'une réclamation ?");
        b.find("#ask-form button[type=submit]").click();
        WebElement answer = b.waitUntil(d -> b.all(".turn .answer[data-mode]").stream().findFirst().orElse(null));

        assertThat(answer.getAttribute("data-mode")).isEqualTo("generative");
        assertThat(answer.getAttribute("data-incomplete")).isEqualTo("true");
        assertThat(answer.findElement(By.cssSelector(".mode")).getText()).endsWith("— réponse incomplète");
        assertThat(answer.findElement(By.cssSelector(".warnings")).getText())
                .contains("Réponse incomplète : la réponse a atteint la longueur maximale autorisée");
    }
}
