package fr.capsules.app.web.ui;

import fr.capsules.app.access.oidc.SingleSignOnIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The service and a real OpenID Connect provider, with one headless Chromium per class and the
 * steps of a login through the provider's pages. The service runs at 127.0.0.1 and the provider
 * at localhost, so that their cookies stay apart as they would on two hosts.
 */
abstract class SingleSignOnBrowserTest extends SingleSignOnIntegrationTest {

    static Browser browser;

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @BeforeEach
    void startBrowser() {
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING + " (apt-get install chromium chromium-driver)");
        if (browser == null) {
            browser = Browser.at(base());
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    List<String> capsulesShown() {
        return browser.all(".card").stream().map(c -> c.getAttribute("data-capsule")).toList();
    }

    boolean atProviderLoginForm() {
        return browser.driver.getCurrentUrl().startsWith(PROVIDER.issuer() + "/login") && !browser.all("#username").isEmpty();
    }

    boolean backHome() {
        return browser.driver.getCurrentUrl().startsWith(base()) && browser.path().equals("/") && !browser.all("h1").isEmpty();
    }

    void submitProviderForm(String username, String password) {
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.find("button[type=submit]").click();
    }
}
