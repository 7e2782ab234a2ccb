package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ServiceIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser tests: the real service and fake model of {@link ServiceIntegrationTest},
 * one headless chromium per class. Skipped where chromedriver is not installed.
 */
abstract class BrowserTest extends ServiceIntegrationTest {

    private static Browser browser;

    @BeforeEach
    void startBrowser() {
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING + " (apt-get install chromium chromium-driver)");
        if (browser == null) {
            browser = Browser.start(port);
        }
    }

    @AfterEach
    void signOut() {
        if (browser != null) {
            List<String> refused = browser.policyViolations();
            browser.signOut();
            assertThat(refused).as("what the Content-Security-Policy refused on the pages of this test").isEmpty();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    protected Browser browser() {
        return browser;
    }
}
