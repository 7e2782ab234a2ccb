package fr.capsules.app.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ApiClient.Part;
import fr.capsules.app.CapsulesProperties;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.capsule.CapsuleId;
import fr.capsules.app.document.CapsuleIndexes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Pseudonymisation through the service: on by default for a service capsule, what reaches the
 * index and the search results, the counts of each file's result, the encrypted table, and who may
 * read the table and download the originals.
 */
class PseudonymisationIntegrationTests extends ServiceIntegrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    static final String NIR = "2 69 03 49 350 043 27";
    static final String SIGNALEMENT = """
            Signalement d'une chute à l'EHPAD Les Glycines

            La résidente Mme Odette Marchand (NIR %s), née le 02/03/1969, a chuté dans sa chambre le 4 mars 2024.
            Sa fille, Mme Sylvie Marchand, a été prévenue au 06 12 34 56 78. L'article L. 311-3 du CASF est rappelé.
            Mme Marchand demande une réévaluation du plan de soins.
            """.formatted(NIR);

    @Autowired
    CapsulesProperties properties;

    @Autowired
    CapsuleIndexes indexes;

    private String create(boolean generic, Map<String, Object> pseudonymisation) {
        String id = "essai-pseudo-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        Map<String, Object> definition = new HashMap<>(Map.of(
                "id", id,
                "name", "Capsule d'essai",
                "purpose", "Vérifier la pseudonymisation.",
                "referent", "Romain Référent",
                "scope", generic ? Map.of("generic", true, "services", List.of())
                        : Map.of("generic", false, "services", List.of("inspection")),
                "kind", "chat"));
        if (pseudonymisation != null) {
            definition.put("pseudonymisation", pseudonymisation);
        }
        ApiClient.Response created = as("referent").postJson("/api/capsules", definition);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    private JsonNode upload(String capsule, String file, String text) {
        ApiClient.Response response = as("referent").upload("/api/capsules/" + capsule + "/documents",
                List.of(Part.of(file, text.getBytes(StandardCharsets.UTF_8))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("results").get(0);
    }

    /** The titles and texts of the passages the capsule's index gives for the question. */
    private String searched(String capsule, String question) {
        List<String> texts = new ArrayList<>();
        indexes.read(new CapsuleId(capsule), index -> index.search(question, 10))
                .forEach(hit -> texts.add(hit.title() + "\n" + hit.text()));
        return String.join("\n", texts);
    }

    @Test
    void aServiceCapsuleIsPseudonymisedByDefaultAndEachFileCountsWhatWasReplaced() {
        String capsule = create(false, null);
        assertThat(as("referent").get("/api/capsules/" + capsule).json().get("pseudonymised").asBoolean()).isTrue();

        JsonNode result = upload(capsule, "signalement.txt", SIGNALEMENT);

        assertThat(result.get("status").asString()).isEqualTo("indexed");
        JsonNode counts = result.get("counts");
        assertThat(counts.get("NIR remplacés").asInt()).isEqualTo(1);
        assertThat(counts.get("téléphones remplacés").asInt()).isEqualTo(1);
        assertThat(counts.get("dates de naissance remplacées").asInt()).isEqualTo(1);
        assertThat(counts.get("personnes remplacées").asInt()).isEqualTo(3);
        String found = searched(capsule, "chute résidente chambre plan de soins");
        assertThat(found).contains("[NIR 1]", "[PERSONNE 1]", "[PERSONNE 2]", "[TÉLÉPHONE 1]")
                .doesNotContain("Marchand", "Odette", "350 043", "06 12 34", "1969")
                .contains("EHPAD Les Glycines", "L. 311-3", "4 mars 2024");
    }

    @Test
    void theTableOnDiskIsEncryptedAndReadableByTheCapsulesReferentsAndAdminsOnly() throws Exception {
        String capsule = create(false, null);
        upload(capsule, "signalement.txt", SIGNALEMENT);

        Path table = properties.dataDir().resolve("pseudonyms").resolve(capsule).resolve("table.cpspt");
        String onDisk = new String(Files.readAllBytes(table), StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain("Marchand", "MARCHAND", "2690349350043", "0612345678", "PERSONNE");

        ApiClient.Response read = as("referent").get("/api/capsules/" + capsule + "/pseudonyms");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        Map<String, JsonNode> byPseudonym = new HashMap<>();
        read.json().forEach(e -> byPseudonym.put(e.get("pseudonym").asString(), e));
        assertThat(byPseudonym.get("[NIR 1]").get("category").asString()).isEqualTo("nir");
        assertThat(byPseudonym.get("[NIR 1]").get("originals").get(0).asString()).isEqualTo(NIR);
        assertThat(byPseudonym.get("[PERSONNE 1]").get("originals").toString()).contains("Mme Odette Marchand");
        assertThat(as("admin").get("/api/capsules/" + capsule + "/pseudonyms").status()).isEqualTo(200);

        ApiClient.Response agent = as("inspecteur").get("/api/capsules/" + capsule + "/pseudonyms");
        assertThat(agent.status()).isEqualTo(403);
        assertThat(agent.contentType()).startsWith("application/problem+json");
        assertThat(agent.json().get("detail").asString()).contains("seuls les administrateurs et les référents");
        assertThat(agent.body()).doesNotContain("Marchand");
        assertThat(as("reclamations").get("/api/capsules/" + capsule + "/pseudonyms").status()).isEqualTo(404);
    }

    @Test
    void originalsOfAPseudonymisedCapsuleAreForItsReferentsAndAdminsOnly() {
        String capsule = create(false, null);
        String documentId = upload(capsule, "signalement.txt", SIGNALEMENT).get("documentId").asString();
        String path = "/api/capsules/" + capsule + "/documents/" + documentId + "/file";

        ApiClient.Download byReferent = as("referent").download(path);
        assertThat(byReferent.status()).isEqualTo(200);
        assertThat(new String(byReferent.bytes(), StandardCharsets.UTF_8)).contains("Odette Marchand");
        assertThat(as("admin").download(path).status()).isEqualTo(200);

        ApiClient.Response byAgent = as("inspecteur").get(path);
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.json().get("detail").asString())
                .contains("pseudonymisés", "ne peuvent être téléchargés que par les référents");
        assertThat(as("reclamations").get(path).status()).isEqualTo(404);
    }

    @Test
    void aGenericCapsuleIsNotPseudonymisedUnlessItsDefinitionSaysSoAndItsOriginalsStayOpen() {
        String generic = create(true, null);
        JsonNode result = upload(generic, "signalement.txt", SIGNALEMENT);
        assertThat(result.get("counts").size()).isZero();
        assertThat(searched(generic, "chute résidente chambre")).contains("Odette Marchand");
        assertThat(as("agent").download("/api/capsules/" + generic + "/documents/" + result.get("documentId").asString()
                + "/file").status()).isEqualTo(200);

        String switchedOn = create(true, Map.of("enabled", true));
        assertThat(upload(switchedOn, "signalement.txt", SIGNALEMENT).get("counts").get("NIR remplacés").asInt()).isEqualTo(1);
    }

    @Test
    void aServiceCapsuleMaySwitchPseudonymisationOffOrKeepChosenTerms() {
        String off = create(false, Map.of("enabled", false));
        assertThat(upload(off, "signalement.txt", SIGNALEMENT).get("counts").size()).isZero();
        assertThat(searched(off, "chute résidente chambre")).contains("Odette Marchand");

        String keeping = create(false, Map.of("keptTerms", List.of("Sylvie Marchand")));
        upload(keeping, "signalement.txt", SIGNALEMENT);
        assertThat(searched(keeping, "chute résidente chambre")).contains("Sylvie Marchand").doesNotContain("Odette");
    }
}
