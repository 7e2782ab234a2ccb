package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An inspector drafts a measures table from findings, edits it and hands it to a colleague, who validates and exports it. */
class UiDraftTableTests extends BrowserTest {

    private static final String EDITED = "Actualiser le plan bleu et le transmettre à l'ARS";

    @Test
    void findingsCanBeUploadedAsASpreadsheetExport() throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("constats-", ".csv");
        java.nio.file.Files.writeString(csv, "N°;Constat;Type\nE1;Absence de plan bleu actualisé;Écart\n"
                + "R1;Le conseil de la vie sociale ne s'est pas réuni;Remarque\n");
        Browser b = browser();
        b.signIn("inspecteur");
        b.open("/capsules/mesures-inspection");
        b.find("#findings-file").sendKeys(csv.toAbsolutePath().toString());
        b.find("#draft-form button[type=submit]").click();
        b.waitUntil(d -> b.path().startsWith("/drafts/"));

        assertThat(b.all(".draft-table tbody tr")).hasSize(2);
        assertThat(b.find(".draft-table tbody tr[data-row='1'] [data-column='numero']").getAttribute("value")).isEqualTo("R1");
    }

    @Test
    void findingsBecomeATableThatIsEditedValidatedAndExported() throws Exception {
        Browser b = browser();
        b.signIn("inspecteur");
        b.open("/capsules/mesures-inspection");
        b.find("#input").sendKeys("E1 - Absence de plan bleu actualisé\nE2 - Contentions sans prescription médicale");
        b.screenshot("draft-findings");
        b.find("#draft-form button[type=submit]").click();
        b.waitUntil(d -> b.path().startsWith("/drafts/"));

        assertThat(b.all(".draft-table tbody tr")).hasSize(2);
        assertThat(b.text(".ai-label")).isEqualTo("Généré par IA — à vérifier");
        assertThat(b.all(".export-links button[disabled]")).hasSize(5);
        WebElement measure = b.find(".draft-table tbody tr[data-row='0'] [data-column='mesure']");
        assertThat(measure.getAttribute("aria-label")).isEqualTo("Mesure, ligne 1");
        measure.clear();
        measure.sendKeys(EDITED);
        b.find("#save").click();
        b.waitUntil(d -> b.text("#draft-message").startsWith("Modifications enregistrées"));
        b.screenshot("draft-table");

        // Four eyes on a table capsule: the inspector hands the validation to a colleague, who alone then sees it too.
        String draftPath = b.path();
        assertThat(b.all("#reviewers label").stream().map(WebElement::getText))
                .contains("Claude Contrôleur", "Romain Référent").doesNotContain("Inès Inspectrice", "Rachid Réclamations");
        b.find("#reviewers input[value='controleur']").click();
        b.find("#reviewers button[type=submit]").click();
        b.waitUntil(d -> b.text("#draft-reviewers").equals("Claude Contrôleur"));
        b.signOut();
        b.signIn("controleur");
        b.open(draftPath);

        b.find("#validate").click();
        WebElement dialog = b.find("#validate-dialog[open]");
        assertThat(dialog.getText()).contains("Je soussigné(e) Claude Contrôleur valide ce brouillon");
        // Every open warning is ticked before "Je valide" can be pressed.
        dialog.findElements(By.cssSelector("input.acknowledge")).forEach(WebElement::click);
        dialog.findElement(By.id("validate-confirm")).click();
        b.waitUntil(d -> b.text("#draft-state").equals("Validé"));
        assertThat(b.text(".ai-label")).startsWith("Généré par IA — validé par Claude Contrôleur");
        assertThat(b.text(".changes")).contains("Ligne 1, Mesure").contains(EDITED);
        b.screenshot("draft-validated");

        String href = b.find(".export-links a[data-format='xlsx']").getAttribute("href");
        HttpResponse<byte[]> xlsx = b.download(java.net.URI.create(href).getRawPath() + "?" + java.net.URI.create(href).getRawQuery());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(cells(workbook.getSheetAt(0))).contains(EDITED);
        }

        b.open("/drafts?status=validated");
        assertThat(b.all("tbody tr[data-status='validated']")).isNotEmpty();
        assertThat(b.all("tbody tr[data-status='generated']")).isEmpty();
        b.screenshot("drafts");
    }

    private static java.util.List<String> cells(Sheet sheet) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                values.add(cell.toString());
            }
        }
        return values;
    }
}
