package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy as a browser applies it: markup that reaches a page (through a hole in escaping, say)
 * cannot run a script of its own, style the page inline or load anything from another site. The other browser tests
 * check, after each test, that the pages themselves never need what the policy refuses.
 */
class UiContentSecurityTests extends BrowserTest {

    @Test
    void anInjectedInlineScriptDoesNotRunAndTheRefusalIsReported() {
        browser().signIn("reclamations");
        browser().open("/capsules/reclamations");

        browser().script("var s = document.createElement('script'); s.textContent = 'window.injecte = 1;';"
                + " document.body.appendChild(s);");
        browser().script("var d = document.createElement('div'); d.innerHTML = '<img src=x onerror=\"window.injecte = 2\">';"
                + " document.body.appendChild(d);");

        List<String> refused = refusals(2);
        assertThat(refused).anySatisfy(m -> assertThat(m).contains("inline script"))
                .anySatisfy(m -> assertThat(m).contains("inline event handler"));
        assertThat(browser().script("return window.injecte === undefined")).isEqualTo(true);
    }

    @Test
    void aRemoteScriptOrStyleSheetIsNotLoaded() {
        browser().signIn("reclamations");
        browser().open("/");

        browser().script("var s = document.createElement('script'); s.src = 'https://cdn.example/piste.js';"
                + " document.head.appendChild(s);"
                + " var l = document.createElement('link'); l.rel = 'stylesheet'; l.href = 'https://cdn.example/theme.css';"
                + " document.head.appendChild(l);");

        assertThat(refusals(2)).anySatisfy(m -> assertThat(m).contains("https://cdn.example/piste.js"))
                .anySatisfy(m -> assertThat(m).contains("https://cdn.example/theme.css"));
    }

    /** Waits for this many refusals in the console, and takes them (so that the check after each test sees none). */
    private List<String> refusals(int count) {
        List<String> seen = new ArrayList<>();
        browser().waitUntil(d -> {
            seen.addAll(browser().policyViolations());
            return seen.size() >= count ? seen : null;
        });
        return seen;
    }
}
