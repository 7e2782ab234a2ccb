package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The login round trip through the identity provider in headless Chromium, for
 * {@code docs/BENCHMARKS.md}; not part of the test suite (run it with
 * {@code -Dtest=SingleSignOnRoundTripBenchmark}). Same set-up as {@link UiSingleSignOnTests}.
 */
class SingleSignOnRoundTripBenchmark extends SingleSignOnBrowserTest {
    /**
     * The login round trip through the provider, from the click on "Se connecter avec …" to the
     * first page shown: with the provider's form to fill (a first login of the day), and with the
     * provider's session still open (only the service's session gone), and a local account's form as a
     * baseline on the same machine. Median of seven runs each ({@code -Druns=N}).
     */
    @Test
    void loginRoundTripThroughTheProvider() throws IOException {
        int runs = Integer.getInteger("runs", 7);
        long[] withForm = new long[runs];
        long[] silent = new long[runs];
        long[] local = new long[runs];
        for (int i = 0; i < runs; i++) {
            browser.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            browser.open("/login");
            long start = System.nanoTime();
            browser.find("#sso-login").click();
            closely(this::atProviderLoginForm);
            submitProviderForm("ines", "ines-mdp");
            closely(this::backHome);
            withForm[i] = System.nanoTime() - start;

            browser.driver.manage().deleteCookieNamed("JSESSIONID");
            browser.open("/login");
            start = System.nanoTime();
            browser.find("#sso-login").click();
            closely(this::backHome);
            silent[i] = System.nanoTime() - start;
            assertThat(capsulesShown()).contains("mesures-inspection");

            // The same measure for a local account's form, as a baseline on the same machine.
            browser.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            browser.open("/login");
            browser.find("#username").sendKeys("inspecteur");
            browser.find("#password").sendKeys("demo");
            start = System.nanoTime();
            browser.find("form button[type=submit]").click();
            closely(this::backHome);
            local[i] = System.nanoTime() - start;
        }
        String report = String.format(Locale.ROOT,
                "SSO login round trip, %d runs: with the provider's form median %.0f ms (%s); provider session open median %.0f ms (%s);"
                        + " local form (baseline) median %.0f ms (%s); load average %s%n",
                runs, median(withForm), millis(withForm), median(silent), millis(silent), median(local), millis(local), loadAverage());
        System.out.print(report);
        Path dir = Path.of("target", "benchmarks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("sso-login-round-trip.txt"), report);
    }

    /** Waits polling every 5 ms (the default 500 ms would be most of what is measured). */
    private void closely(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15), Duration.ofMillis(5))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "inconnue";
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static String millis(long[] nanos) {
        List<String> all = new ArrayList<>();
        for (long n : nanos) {
            all.add(String.format(Locale.ROOT, "%.0f", n / 1e6));
        }
        return String.join(", ", all) + " ms";
    }
}
