package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The path an inspector takes from the login page to a validated measures table saved as XLSX,
 * counted in clicks and timed, in the browser, with the fake model answering at once (so the
 * seconds are the interface's and the service's, not a model's). Prints one line "login → export:
 * N clicks, S s, W warnings ticked" for docs/USABILITY.md; asserts the path works, never a time.
 */
class UiLoginToExportTests extends BrowserTest {

    private int clicks;

    private void click(WebElement element) {
        element.click();
        clicks++;
    }

    private void click(String css) {
        click(browser().find(css));
    }

    @Test
    void fromTheLoginPageToAnExportedValidatedTable() throws Exception {
        Browser b = browser();
        Path downloads = Files.createTempDirectory("capsules-export-");
        b.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        long start = System.nanoTime();
        b.open("/login");
        b.find("#username").sendKeys("inspecteur");
        b.find("#password").sendKeys("demo");
        click("form button[type=submit]");
        b.waitUntil(d -> b.path().equals("/"));
        click(".card[data-capsule='mesures-inspection'] h2 a");
        b.find("#input").sendKeys("E1 - Absence de plan bleu actualisé\nE2 - Contentions sans prescription médicale");
        click("#draft-form button[type=submit]");
        b.waitUntil(d -> b.path().startsWith("/drafts/"));
        String draft = b.path();
        // Four eyes on table capsules: the inspector hands the draft to a colleague, who validates it.
        click(b.find("#reviewers input[value='controleur']"));
        click("#reviewers button[type=submit]");
        b.waitUntil(d -> b.text("#draft-reviewers").contains("Contrôleur") || b.text("#draft-reviewers").contains("controleur")
                || !b.text("#draft-reviewers").contains("personne"));
        click("form.who button[type=submit]");
        b.waitUntil(d -> b.path().equals("/login") || b.path().equals("/"));
        b.open("/login");
        b.find("#username").sendKeys("controleur");
        b.find("#password").sendKeys("demo");
        click("form button[type=submit]");
        b.waitUntil(d -> b.path().equals("/"));
        b.open(draft);
        click("#validate");
        WebElement dialog = b.find("#validate-dialog[open]");
        int warnings = 0;
        for (WebElement box : dialog.findElements(By.cssSelector("input.acknowledge"))) {
            click(box);
            warnings++;
        }
        click(dialog.findElement(By.id("validate-confirm")));
        b.waitUntil(d -> b.text("#draft-state").equals("Validé"));
        click(".export-links a[data-format='xlsx']");
        Path file = b.waitUntil(d -> xlsxIn(downloads));
        double seconds = (System.nanoTime() - start) / 1e9;

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(2);
        }
        b.screenshot("login-to-export");
        System.out.printf(java.util.Locale.ROOT, "login → export: %d clicks, %.1f s, %d warnings ticked%n", clicks, seconds, warnings);
        // Inspector: login, capsule, submit, tick the colleague, save, sign out; colleague: login,
        // validate, confirm, export; and one tick per warning.
        assertThat(clicks).isEqualTo(10 + warnings);
    }

    /** The finished XLSX in the folder, or null while Chromium is still writing it. */
    private static Path xlsxIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
