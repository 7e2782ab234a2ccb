package fr.capsules.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ApiClient.Part;
import fr.capsules.app.CapsulesProperties;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.access.UserAccounts;
import fr.capsules.ingest.Bombs;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.Sha256;
import fr.capsules.ingest.parse.sandbox.ParserChild;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DocumentUploadIntegrationTests extends ServiceIntegrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private String capsule;

    @Autowired
    DocumentMaintenance maintenance;

    @Autowired
    UserAccounts accounts;

    @Autowired
    CapsulesProperties properties;

    private CapsulesUser user(String username) {
        return accounts.find(username).orElseThrow().toUser();
    }

    /** An uploaded file that counts how many times it is opened. */
    private static Upload counted(String name, byte[] bytes, AtomicInteger opens) {
        return new Upload(name, bytes.length, () -> {
            opens.incrementAndGet();
            return new ByteArrayInputStream(bytes);
        });
    }

    @BeforeEach
    void createCapsule() {
        capsule = "essai-depot-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        ApiClient.Response created =
                as("referent")
                        .postJson("/api/capsules", Map.of(
                                "id", capsule,
                                "name", "Capsule d'essai",
                                "purpose", "Vérifier le dépôt de documents.",
                                "referent", "Romain Référent",
                                "scope", Map.of("generic", false, "services", List.of("reclamations")),
                                "kind", "chat"));
        assertThat(created.status()).isEqualTo(201);
    }

    private Map<String, JsonNode> byFile(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> results = new HashMap<>();
        response.json().get("results").forEach(r -> results.put(r.get("file").asString(), r));
        return results;
    }

    @Test
    void everyFileOfAMixedUploadGetsItsOwnResultAndTheGoodOnesAreIndexed() throws Exception {
        byte[] pdf = Fixtures.pdf(
                "Procédure de traitement des signalements\nTout signalement reçu est enregistré le jour même.",
                "Le référent qualité répond sous quinze jours ouvrés.");
        List<Part> parts = List.of(
                Part.of("procedure-signalements.pdf", pdf),
                Part.of("note.docx", Fixtures.docx("Note de service", "Les permanences téléphoniques ont lieu le mardi matin.")),
                Part.of("faq.md", Fixtures.text("# FAQ\n\nLe formulaire de réclamation est disponible à l'accueil.\n")),
                Part.of("casse.pdf", java.util.Arrays.copyOf(pdf, pdf.length / 3)),
                Part.of("protege.pdf", Fixtures.encryptedPdf()),
                Part.of("vide.pdf", new byte[0]),
                Part.of("photo.pdf", Fixtures.png()),
                Part.of("archive.zip", Fixtures.zip(List.of(
                        new Fixtures.Entry("annexes/horaires.txt", Fixtures.text("Horaires d'ouverture du service : de 9 h à 17 h.")),
                        new Fixtures.Entry("../../etc/passwd", Fixtures.text("root:x:0:0"))))),
                Part.of("bombe.zip", Fixtures.zipBomb()),
                Part.of("x".repeat(300) + ".txt", Fixtures.text("nom trop long")),
                Part.of("dossier/../secret.txt", Fixtures.text("chemin")));

        Map<String, JsonNode> results = byFile(as("referent").upload("/api/capsules/" + capsule + "/documents", parts));

        assertThat(results.get("procedure-signalements.pdf").get("status").asString()).isEqualTo("indexed");
        assertThat(results.get("procedure-signalements.pdf").get("pages").asInt()).isEqualTo(2);
        assertThat(results.get("procedure-signalements.pdf").get("chunks").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(results.get("note.docx").get("status").asString()).isEqualTo("indexed");
        assertThat(results.get("faq.md").get("status").asString()).isEqualTo("indexed");
        assertThat(results.get("archive.zip/annexes/horaires.txt").get("status").asString()).isEqualTo("indexed");
        assertThat(results.get("casse.pdf").get("status").asString()).isEqualTo("failed");
        assertThat(results.get("casse.pdf").get("error").asString()).isNotBlank();
        assertThat(results.get("protege.pdf").get("status").asString()).isEqualTo("rejected");
        assertThat(results.get("protege.pdf").get("error").asString()).containsIgnoringCase("mot de passe");
        assertThat(results.get("vide.pdf").get("status").asString()).isEqualTo("rejected");
        assertThat(results.get("vide.pdf").get("error").asString()).contains("vide");
        assertThat(results.get("photo.pdf").get("status").asString()).isEqualTo("rejected");
        assertThat(results.get("photo.pdf").get("error").asString()).containsIgnoringCase("png");
        assertThat(results.get("archive.zip/../../etc/passwd").get("status").asString()).isEqualTo("rejected");
        assertThat(results.get("bombe.zip").get("status").asString()).isEqualTo("rejected");
        assertThat(results.get("bombe.zip").get("error").asString()).contains("bombe zip");
        assertThat(results.values().stream().filter(r -> r.get("file").asString().startsWith("xxxx")).findFirst().orElseThrow()
                        .get("error").asString()).contains("trop long");
        assertThat(results.get("dossier/../secret.txt").get("status").asString()).isEqualTo("rejected");
        assertThat(results).hasSize(12);

        JsonNode listed = as("referent").get("/api/capsules/" + capsule + "/documents").json();
        List<String> files = new ArrayList<>();
        listed.forEach(d -> files.add(d.get("file").asString()));
        assertThat(files).containsExactlyInAnyOrder("procedure-signalements.pdf", "note.docx", "faq.md", "archive.zip/annexes/horaires.txt");
        JsonNode pdfDoc = null;
        for (JsonNode d : listed) {
            if (d.get("file").asString().equals("procedure-signalements.pdf")) {
                pdfDoc = d;
            }
        }
        assertThat(pdfDoc.get("sha256").asString()).hasSize(64);
        assertThat(pdfDoc.get("pages").asInt()).isEqualTo(2);
        assertThat(pdfDoc.get("title").asString()).isNotBlank();
    }

    @Test
    void anIndexedDocumentOfAServiceCapsuleIsDownloadedByItsReferentsSinceItIsPseudonymised() throws Exception {
        byte[] pdf = Fixtures.pdf("Protocole d'accueil téléphonique des usagers.");
        JsonNode result = byFile(as("referent").upload("/api/capsules/" + capsule + "/documents",
                List.of(Part.of("protocole.pdf", pdf)))).get("protocole.pdf");
        String path = "/api/capsules/" + capsule + "/documents/" + result.get("documentId").asString() + "/file";

        ApiClient.Download file = as("referent").download(path);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.bytes()).isEqualTo(pdf);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("protocole.pdf");
        // A service capsule is pseudonymised by default: its originals hold personal data in clear.
        assertThat(as("reclamations").download(path).status()).isEqualTo(403);
        assertThat(as("inspecteur").download(path).status()).isEqualTo(404);
        assertThat(as("referent").download("/api/capsules/" + capsule + "/documents/inconnu/file").status()).isEqualTo(404);
    }

    @Test
    void aCatalogueDocumentIsServedFromTheCatalogue() {
        JsonNode first = as("agent").get("/api/capsules/charte-ia/documents").json().get(0);
        ApiClient.Download file = as("agent").download("/api/capsules/charte-ia/documents/" + first.get("documentId").asString() + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.bytes()).isNotEmpty();
    }

    @Test
    void theSameFileUploadedTwiceIsReportedAsDuplicate() throws Exception {
        byte[] pdf = Fixtures.pdf("Circuit de validation des courriers de réponse aux usagers.");
        String path = "/api/capsules/" + capsule + "/documents";
        assertThat(byFile(as("referent").upload(path, List.of(Part.of("circuit.pdf", pdf)))).get("circuit.pdf").get("status").asString())
                .isEqualTo("indexed");
        JsonNode again = byFile(as("referent").upload(path, List.of(Part.of("circuit-copie.pdf", pdf)))).get("circuit-copie.pdf");
        assertThat(again.get("status").asString()).isEqualTo("duplicate");
        assertThat(again.get("warnings").get(0).asString()).contains("circuit.pdf");
        assertThat(as("referent").get(path).json().size()).isEqualTo(1);
    }

    @Test
    void aPdfBombIsParsedInTheSandboxAndFailsAsTooLargeWhileTheOtherFileIsIndexed() throws Exception {
        Part bomb = Part.of("bombe.pdf", Bombs.pdf(1100L * 1024 * 1024));
        Part small = Part.of("astreinte.txt", Fixtures.text("Le planning d'astreinte est publié chaque vendredi."));
        Map<String, JsonNode> results = byFile(as("referent").upload("/api/capsules/" + capsule + "/documents", List.of(bomb, small)));
        assertThat(results.get("bombe.pdf").get("status").asString()).isEqualTo("failed");
        assertThat(results.get("bombe.pdf").get("failure").asString()).isEqualTo("too-large");
        assertThat(results.get("bombe.pdf").get("error").asString())
                .isEqualTo("fichier trop volumineux une fois décompressé (plus de 512 Mo)");
        assertThat(results.get("astreinte.txt").get("status").asString()).isEqualTo("indexed");
        assertThat(ProcessHandle.current().children().map(DocumentUploadIntegrationTests::commandLine)
                .anyMatch(line -> line.contains(ParserChild.class.getName())))
                .as("the service parses in a child JVM by default").isTrue();
    }

    /** The whole command line (ProcessHandle.Info cuts long ones), from /proc. */
    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return process.info().commandLine().orElse("");
        }
    }

    @Test
    void aTwoHundredMegabyteFileIsRejectedAloneWhileTheOtherFileIsIndexed() {
        long size = 200L * 1024 * 1024;
        Part huge = new Part("enorme.pdf", () -> new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        });
        Part small = Part.of("petit.txt", Fixtures.text("Le registre des réclamations est tenu par le secrétariat."));
        Map<String, JsonNode> results = byFile(as("referent").upload("/api/capsules/" + capsule + "/documents", List.of(huge, small)));
        assertThat(results.get("enorme.pdf").get("status").asString()).isEqualTo("rejected");
        assertThat(results.get("enorme.pdf").get("error").asString()).contains("trop volumineux").contains("200,0 Mo");
        assertThat(results.get("petit.txt").get("status").asString()).isEqualTo("indexed");
    }

    @Test
    void aDeletedDocumentLeavesTheIndexAndSearch() throws Exception {
        String path = "/api/capsules/" + capsule + "/documents";
        JsonNode result = byFile(as("referent").upload(path, List.of(Part.of("astreinte.txt",
                Fixtures.text("Le planning des astreintes de la cellule de veille est publié chaque vendredi."))))).get("astreinte.txt");
        String question = "Quand le planning des astreintes de la cellule de veille est-il publié ?";
        assertThat(as("referent").postJson("/api/capsules/" + capsule + "/ask", Map.of("question", question)).json().get("mode").asString())
                .isEqualTo("generative");

        assertThat(as("referent").delete(path + "/" + result.get("documentId").asString()).status()).isEqualTo(204);

        assertThat(as("referent").get(path).json().size()).isZero();
        assertThat(as("referent").postJson("/api/capsules/" + capsule + "/ask", Map.of("question", question)).json().get("mode").asString())
                .isEqualTo("abstained");
        assertThat(as("referent").delete(path + "/" + result.get("documentId").asString()).status()).isEqualTo(404);
    }

    @Test
    void reindexingRebuildsFromTheStoredDocumentsWithoutDuplicates() throws Exception {
        String path = "/api/capsules/" + capsule + "/documents";
        as("referent").upload(path, List.of(
                Part.of("a.txt", Fixtures.text("Première note sur la gestion des plaintes écrites.")),
                Part.of("b.md", Fixtures.text("# Seconde note\n\nLes plaintes orales sont consignées par l'agent d'accueil."))));

        ApiClient.Response report = as("referent").postJson("/api/capsules/" + capsule + "/reindex", "");

        assertThat(report.status()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        report.json().get("results").forEach(r -> statuses.add(r.get("status").asString()));
        assertThat(statuses).containsExactly("indexed", "indexed");
        assertThat(as("referent").get(path).json().size()).isEqualTo(2);
    }

    @Test
    void aReferentReadsWhatWasUnderstoodOfEachFileByPageOrBySection() throws Exception {
        String path = "/api/capsules/" + capsule + "/documents";
        String note = """
                # Astreinte du pôle réclamations

                ## Organisation

                L'astreinte est assurée du lundi au vendredi de 18 h à 8 h par un cadre du pôle.

                ## Signalements urgents

                Un signalement de maltraitance reçu pendant l'astreinte est transmis sans délai au directeur de garde.
                """;
        Map<String, JsonNode> results = byFile(as("referent").upload(path, List.of(
                Part.of("astreinte.md", note.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Part.of("circuit.pdf", Fixtures.pdf("Circuit des réclamations : enregistrement le jour même.",
                        "Accusé de réception sous huit jours ouvrés.")))));
        String markdown = results.get("astreinte.md").get("documentId").asString();
        String pdf = results.get("circuit.pdf").get("documentId").asString();

        JsonNode md = as("referent").get(path + "/" + markdown).json();
        assertThat(md.get("paginated").asBoolean()).isFalse();
        assertThat(md.get("headings")).extracting(JsonNode::asString).containsExactly(
                "Astreinte du pôle réclamations",
                "Astreinte du pôle réclamations › Organisation",
                "Astreinte du pôle réclamations › Signalements urgents");
        List<String> groups = new ArrayList<>();
        md.get("groups").forEach(g -> groups.add(g.get("label").asString()));
        assertThat(groups).contains("Astreinte du pôle réclamations › Signalements urgents").noneMatch(l -> l.startsWith("Page"));
        assertThat(md.toString()).contains("transmis sans délai au directeur de garde");

        JsonNode paged = as("referent").get(path + "/" + pdf).json();
        assertThat(paged.get("paginated").asBoolean()).isTrue();
        assertThat(paged.get("document").get("pages").asInt()).isEqualTo(2);
        List<String> pages = new ArrayList<>();
        paged.get("groups").forEach(g -> pages.add(g.get("label").asString()));
        assertThat(pages).containsExactly("Page 1", "Page 2");

        String page = as("referent").get("/capsules/" + capsule + "/documents/" + markdown).body();
        assertThat(page).contains("sans pagination").contains("Titres reconnus").contains("Signalements urgents")
                .contains("section par section");
        assertThat(as("referent").get("/capsules/" + capsule + "/documents").body()).contains("sans pagination");
        assertThat(as("reclamations").get(path + "/" + markdown).status()).isEqualTo(403);
        assertThat(as("referent").get(path + "/inconnu").status()).isEqualTo(404);
    }

    @Test
    void anUploadWithoutFilesIsABadRequest() {
        ApiClient.Response response = as("referent").upload("/api/capsules/" + capsule + "/documents", List.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void eachUploadedFileIsReadOnceAndItsOriginalIsTheBytesSent() throws Exception {
        byte[] note = Fixtures.text("Les consignes d'accueil téléphonique sont affichées au standard.");
        byte[] zip = Fixtures.zip(List.of(new Fixtures.Entry("annexes/horaires.txt",
                Fixtures.text("Le standard est ouvert de 9 h à 17 h du lundi au vendredi."))));
        AtomicInteger noteOpens = new AtomicInteger();
        AtomicInteger zipOpens = new AtomicInteger();

        List<IngestionResult> results = maintenance.upload(capsule,
                List.of(counted("consignes.txt", note, noteOpens), counted("annexes.zip", zip, zipOpens)), user("referent"));

        assertThat(results).extracting(IngestionResult::status).containsOnly(IngestionStatus.INDEXED);
        assertThat(noteOpens).hasValue(1);
        assertThat(zipOpens).hasValue(1);
        ApiClient.Download original = as("referent")
                .download("/api/capsules/" + capsule + "/documents/" + results.get(0).documentId() + "/file");
        assertThat(original.bytes()).isEqualTo(note);
    }

    @Test
    void aFileWhoseOriginalCannotBeKeptFailsWithItsReasonAndStaysOutOfTheCapsule() throws Exception {
        byte[] note = Fixtures.text("La procédure de signalement des événements indésirables graves est révisée chaque année.");
        Path documentFolder = properties.uploadedDocumentsDir().resolve(capsule).resolve(Sha256.hex(note).substring(0, 20));
        Files.createDirectories(documentFolder.getParent());
        Files.writeString(documentFolder, "un fichier à la place du dossier du document");
        String path = "/api/capsules/" + capsule + "/documents";

        JsonNode result = byFile(as("referent").upload(path, List.of(Part.of("procedure-eig.txt", note)))).get("procedure-eig.txt");

        assertThat(result.get("status").asString()).isEqualTo("failed");
        assertThat(result.get("failure").asString()).isEqualTo("original-not-kept");
        assertThat(result.get("error").asString()).contains("l'original n'a pas pu être conservé");
        assertThat(as("referent").get(path).json().size()).isZero();
    }

    @Test
    void theUseCaseItselfRefusesChangesFromSomeoneWhoDoesNotMaintainCapsules() {
        CapsulesUser agent = user("reclamations");
        List<Upload> uploads = List.of(new Upload("note.txt", 4, () -> new ByteArrayInputStream("note".getBytes())));

        assertThatThrownBy(() -> maintenance.upload(capsule, uploads, agent)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> maintenance.reindex(capsule, agent)).isInstanceOf(ForbiddenException.class);
        assertThat(as("referent").get("/api/capsules/" + capsule + "/documents").json().size()).isZero();
    }
}
