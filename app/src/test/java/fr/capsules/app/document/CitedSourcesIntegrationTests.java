package fr.capsules.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A citation opens the original at its page for whoever the capsule lets open originals; the
 * others read the passage and its neighbours, and the file is refused to them over HTTP.
 */
class CitedSourcesIntegrationTests extends ServiceIntegrationTest {

    static final String CAPSULE = "sources-restreintes";
    static final String[] PAGES = {
        "Contrôle des EHPAD. Le registre des plaintes est tenu à jour par la direction de l'établissement.",
        "Contention physique. Toute contention fait l'objet d'une prescription médicale motivée et réévaluée.",
        "Circuit du médicament. La préparation des piluliers est réalisée par une infirmière diplômée d'État."
    };

    private String documentId;

    @BeforeEach
    void capsuleWithAPdfWhoseOriginalsAreForMaintainers() throws Exception {
        ApiClient referent = as("referent");
        if (referent.get("/api/capsules/" + CAPSULE).status() == 404) {
            ApiClient.Response created = referent.postJson("/api/capsules", Map.of(
                    "id", CAPSULE,
                    "name", "Rapports d'inspection (passages seuls)",
                    "purpose", "Vérifier que les originaux ne sont ouverts qu'aux référents.",
                    "referent", "Romain Référent",
                    "scope", Map.of("generic", true, "services", List.of()),
                    "kind", "chat",
                    "originals", "maintainers"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ApiClient.Response uploaded = referent.upload("/api/capsules/" + CAPSULE + "/documents",
                    List.of(ApiClient.Part.of("rapport.pdf", Fixtures.pdf(PAGES))));
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        }
        documentId = referent.get("/api/capsules/" + CAPSULE + "/documents").json().get(0).get("documentId").asString();
    }

    @Test
    void theDefinitionSaysWhoMayOpenOriginals() {
        JsonNode capsule = as("agent").get("/api/capsules/" + CAPSULE).json();
        assertThat(capsule.get("originals").asString()).isEqualTo("maintainers");
    }

    @Test
    void anAgentReadsTheCitedPassageAndItsNeighboursButNeverTheFile() {
        ApiClient agent = as("agent");

        ApiClient.Response page = agent.get("/capsules/" + CAPSULE + "/documents/" + documentId + "/passages/1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Passage cité").contains("Contention physique")
                .contains("registre des plaintes").contains("Circuit du médicament")
                .doesNotContain("/file");

        assertThat(agent.download("/api/capsules/" + CAPSULE + "/documents/" + documentId + "/file").status()).isEqualTo(403);
        assertThat(agent.download("/api/capsules/" + CAPSULE + "/documents/" + documentId + "/file?inline=true").status())
                .isEqualTo(403);
        ApiClient.Response text = agent.get("/capsules/" + CAPSULE + "/documents/" + documentId + "/text");
        assertThat(text.status()).isEqualTo(403);
        assertThat(text.body()).doesNotContain("Contention physique");
    }

    @Test
    void aReferentIsSentToThePdfAtTheCitedPageShownInline() {
        ApiClient.Download redirect = as("referent").download("/capsules/" + CAPSULE + "/documents/" + documentId + "/passages/1");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow())
                .endsWith("/api/capsules/" + CAPSULE + "/documents/" + documentId + "/file?inline=true#page=2");

        ApiClient.Download pdf = as("referent").download("/api/capsules/" + CAPSULE + "/documents/" + documentId + "/file?inline=true");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void aDocumentWithoutPagesOpensAsItsTextAtTheCitedPassage() {
        // The referent: the capsule is pseudonymised, so its documents open to its maintainers only.
        ApiClient handler = as("referent");
        JsonNode faq = handler.get("/api/capsules/reclamations/documents").json().valueStream()
                .filter(d -> d.get("file").asString().endsWith(".md")).findFirst().orElseThrow();
        String id = faq.get("documentId").asString();

        ApiClient.Download redirect = handler.download("/capsules/reclamations/documents/" + id + "/passages/1");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow())
                .endsWith("/capsules/reclamations/documents/" + id + "/text#passage-1");
        ApiClient.Response text = handler.get("/capsules/reclamations/documents/" + id + "/text");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.body()).contains("id=\"passage-1\"");
        // A non-PDF original is always saved, never shown as a page of the service.
        assertThat(handler.download("/api/capsules/reclamations/documents/" + id + "/file?inline=true").headers()
                .firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
    }

    @Test
    void aPassageOfACapsuleOutOfScopeIsNotFound() {
        assertThat(as("agent").get("/capsules/reclamations/documents/x/passages/0").status()).isEqualTo(404);
        assertThat(as("agent").get("/capsules/" + CAPSULE + "/documents/" + documentId + "/passages/99").status()).isEqualTo(404);
    }
}
