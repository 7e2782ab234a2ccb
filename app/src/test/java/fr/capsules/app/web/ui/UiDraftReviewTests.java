package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.llm.ScriptedReply;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

/**
 * An inspector reviews a table draft in the editor: reads a long measure whole, moves from cell to cell with the
 * keyboard, sees each row's sources and warnings beside it and a cell's warning at the cell, faces every open warning
 * in the validation dialog (one checkbox each, validation impossible until all are ticked), validates and exports.
 */
class UiDraftReviewTests extends BrowserTest {

    private static final String LONG_MEASURE = "Mettre en place une procédure écrite de mise à jour du plan bleu, la faire"
            + " valider par le médecin coordonnateur, vérifier son affichage dans chaque unité de vie et transmettre à"
            + " l'ARS la version actualisée, accompagnée du compte rendu de l'exercice annuel d'évacuation, dans le"
            + " délai fixé ; le plan sera vérifié lors de la prochaine visite.";
    private static final String CELL_WARNING = "délai à confirmer avec l'établissement";

    /** A table draft whose first row has a long measure and a warning on its deadline cell, made through the API. */
    private String reviewableDraft() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("{\"type\": \"écart\", \"reference\": \"Art. D. 312-160 du"
                + " CASF\", \"mesure\": \"Actualiser le plan bleu.\", \"nature\": \"injonction\", \"delai\": \"1 mois\","
                + " \"sources\": [1]}"));
        ApiClient inspector = as("inspecteur");
        JsonNode draft = inspector.postJson("/api/capsules/mesures-inspection/drafts", Map.of("input",
                "E1 - Le plan bleu n'est pas actualisé depuis 2023.\nR1 - Les menus ne sont pas affichés.")).json();
        String id = draft.get("id").asString();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : draft.get("content").get("rows")) {
            Map<String, Object> cells = new LinkedHashMap<>();
            row.get("cells").properties().forEach(e -> cells.put(e.getKey(), e.getValue().asString()));
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("cells", cells);
            kept.put("citations", row.get("citations"));
            if (rows.isEmpty()) {
                cells.put("mesure", LONG_MEASURE);
                kept.put("cellWarnings", Map.of("delai", List.of(CELL_WARNING)));
            }
            rows.add(kept);
        }
        ApiClient.Response edited = inspector.putJson("/api/drafts/" + id + "/content", Map.of("rows", rows));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        // Four eyes on the table capsule: a colleague who did not write the draft reviews it.
        assertThat(inspector.assign(id, "controleur").status()).isEqualTo(200);
        return id;
    }

    @Test
    void aColleagueReadsMovesByKeyboardFacesEveryWarningThenValidatesAndExports() throws Exception {
        String id = reviewableDraft();
        int openWarnings = as("inspecteur").get("/api/drafts/" + id).json().get("openWarnings").size();
        Browser b = browser();
        b.signIn("controleur");
        b.open("/drafts/" + id);

        // A long measure is read whole: its box grew, nothing hides below a scroll.
        WebElement measure = b.find(".draft-table tbody tr[data-row='0'] textarea[data-column='mesure']");
        b.waitUntil(d -> measure.getAttribute("value").equals(LONG_MEASURE));
        long scrollHeight = (Long) b.script("return arguments[0].scrollHeight;", measure);
        long clientHeight = (Long) b.script("return arguments[0].clientHeight;", measure);
        assertThat(scrollHeight).isLessThanOrEqualTo(clientHeight);
        assertThat(clientHeight).as("several lines tall").isGreaterThan(60);
        WebElement nature = b.find(".draft-table tbody tr[data-row='0'] select[data-column='nature']");
        assertThat((Boolean) b.script("return arguments[0].scrollWidth <= arguments[0].clientWidth;", nature)).isTrue();
        assertThat(nature.getText()).contains("injonction");

        // The cell's warning is at the cell, announced with it; the row's sources are beside the row.
        WebElement deadline = b.find(".draft-table tbody tr[data-row='0'] [data-column='delai']");
        String describedBy = deadline.getAttribute("aria-describedby");
        assertThat(b.find("#" + describedBy).getText()).contains(CELL_WARNING);
        assertThat(deadline.findElement(By.xpath("ancestor::td")).getAttribute("class")).contains("flagged");
        WebElement source = b.find(".draft-table tbody tr[data-row='0'] .row-sources details summary");
        assertThat(source.getText()).matches("\\[1\\] .+");

        // Keyboard only: Tab goes from cell to cell in reading order, with a visible focus.
        b.find(".draft-table tbody tr[data-row='0'] [data-column='numero']").click();
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            new Actions(b.driver).sendKeys(Keys.TAB).perform();
            WebElement focused = b.driver.switchTo().activeElement();
            visited.add(focused.getAttribute("data-column"));
            assertThat((String) b.script("return getComputedStyle(arguments[0]).outlineStyle;", focused)).isNotEqualTo("none");
        }
        assertThat(visited).containsExactly("constat", "type", "reference", "mesure");
        // Enter in a cell adds a line there and sends nothing.
        new Actions(b.driver).sendKeys(Keys.ENTER).perform();
        assertThat(b.path()).isEqualTo("/drafts/" + id);
        assertThat(b.text("#draft-message")).isEqualTo("Modifications non enregistrées.");
        new Actions(b.driver).sendKeys(Keys.BACK_SPACE).perform();
        // The passage behind a source opens from the keyboard.
        b.script("arguments[0].focus();", source);
        new Actions(b.driver).sendKeys(Keys.ENTER).perform();
        assertThat(source.findElement(By.xpath("..")).getAttribute("open")).isNotNull();
        b.screenshot("draft-review-editor");

        // The dialog lists every open warning; "Je valide" waits until each one is ticked.
        b.find("#validate").sendKeys(Keys.ENTER);
        WebElement dialog = b.find("#validate-dialog[open]");
        List<WebElement> boxes = dialog.findElements(By.cssSelector("input.acknowledge"));
        assertThat(boxes).hasSize(openWarnings).hasSizeGreaterThanOrEqualTo(2);
        assertThat(dialog.getText()).contains("Ligne 1, Délai : " + CELL_WARNING).contains("Brouillon : ");
        WebElement confirm = dialog.findElement(By.id("validate-confirm"));
        for (int i = 0; i < boxes.size() - 1; i++) {
            boxes.get(i).sendKeys(Keys.SPACE);
            assertThat(confirm.isEnabled()).isFalse();
        }
        assertThat(b.text("#acknowledge-count")).isEqualTo("Encore 1 avertissement à cocher avant de valider.");
        b.screenshot("draft-review-dialog");
        boxes.getLast().sendKeys(Keys.SPACE);
        assertThat(confirm.isEnabled()).isTrue();
        confirm.click();
        b.waitUntil(d -> b.text("#draft-state").equals("Validé"));

        assertThat(b.text(".acknowledged-warnings table")).contains(CELL_WARNING).contains("Claude Contrôleur");
        assertThat(b.all(".acknowledged-warnings tbody tr")).hasSize(openWarnings);
        b.screenshot("draft-review-validated");

        String href = b.find(".export-links a[data-format='pdf']").getAttribute("href");
        HttpResponse<byte[]> pdf = b.download(URI.create(href).getRawPath() + "?" + URI.create(href).getRawQuery());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("vérifié", "Annexe — avertissements acquittés à la validation",
                    "délai à confirmer", "Claude Contrôleur");
        }
    }
}
