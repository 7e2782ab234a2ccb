package fr.capsules.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.llm.ScriptedReply;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser edge: CSRF on every request a browser could be made to send (cross-site forms with cached Basic
 * credentials, sessions whatever headers they add), the headers that confine pages (Content-Security-Policy,
 * nosniff, Referrer-Policy, frame denial) on every page, and uploaded originals served back as inert attachments.
 */
class BrowserEdgeIntegrationTests extends ServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String EVIL = "https://site-malveillant.example";

    private final HttpClient http = HttpClient.newHttpClient();

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String textDraft(String username, String capsule) {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("Le délai de réponse est de deux mois [1]."));
        ApiClient.Response created = as(username).postJson("/api/capsules/" + capsule + "/drafts",
                Map.of("question", "Quel est le délai de réponse à une réclamation ?"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String status(String username, String draftId) {
        return as(username).get("/api/drafts/" + draftId).json().get("status").asString();
    }

    /** What a page of another site can make the browser send: a simple POST with the browser's cached credentials. */
    private HttpResponse<String> crossSitePost(String path, String username, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", basic(username))
                .header("Origin", EVIL)
                .header("Referer", EVIL + "/piege.html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(http, request.build());
    }

    @Test
    void aCrossSiteFormWithCachedBasicCredentialsCannotValidateADraft() throws Exception {
        String draft = textDraft("reclamations", "reclamations");
        String path = "/api/drafts/" + draft + "/validate";

        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x",
                "TEXT/PLAIN; charset=UTF-8", null}) {
            HttpResponse<String> forged = crossSitePost(path, "reclamations", type, type == null ? "" : "acknowledgedWarnings=");
            assertThat(forged.statusCode()).as("content type %s", type).isEqualTo(403);
        }
        assertThat(status("reclamations", draft)).isNotEqualTo("validated");
    }

    @Test
    void aCrossSiteMultipartUploadWithCachedBasicCredentialsIsRefused() throws Exception {
        String body = "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"piege.txt\"\r\n\r\nTexte injecté.\r\n--x--\r\n";

        HttpResponse<String> forged = crossSitePost("/api/capsules/reclamations/documents", "referent",
                "multipart/form-data; boundary=x", body);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(as("referent").get("/api/capsules/reclamations/documents").body()).doesNotContain("piege.txt");
        // Said as what it is, not as a lack of rights, in the same problem document as every other refusal.
        JsonNode problem = JSON.readTree(forged.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://capsules.local/problems/forbidden");
        assertThat(problem.get("detail").asString()).contains("jeton CSRF").contains("jeton d'API").doesNotContain("droits");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/capsules/reclamations/documents");
        assertThat(problem.has("properties")).isFalse();
    }

    @Test
    void aScriptWithBasicCredentialsStillSendsJsonWithoutAToken() {
        String draft = textDraft("reclamations", "reclamations");

        ApiClient.Response validated = as("reclamations").validateAcknowledgingEveryWarning(draft);

        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(status("reclamations", draft)).isEqualTo("validated");
    }

    @Test
    void aSessionNeedsTheTokenEvenWithCredentialsOrAJsonBody() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        signIn(browser, "reclamations");
        String draft = textDraft("reclamations", "reclamations");

        HttpResponse<String> withBasic = send(browser, HttpRequest.newBuilder(uri("/api/drafts/" + draft + "/validate"))
                .header("Authorization", basic("reclamations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"acknowledgedWarnings\": []}")).build());
        HttpResponse<String> withBearer = send(browser, HttpRequest.newBuilder(uri("/api/drafts/" + draft + "/reject"))
                .header("Authorization", "Bearer jeton-quelconque")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"hors sujet\"}")).build());

        assertThat(withBasic.statusCode()).isEqualTo(403);
        assertThat(withBearer.statusCode()).isEqualTo(403);
        assertThat(status("reclamations", draft)).isEqualTo("generated");
    }

    private void signIn(HttpClient browser, String username) throws Exception {
        String login = send(browser, HttpRequest.newBuilder(uri("/login")).GET().build()).body();
        String form = "username=" + username + "&password=demo&_csrf=" + URLEncoder.encode(csrf(login), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(signedIn.statusCode()).isEqualTo(302);
    }

    private static String csrf(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    @Test
    void everyPageAndResponseCarriesTheConfiningHeaders() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String draft = textDraft("admin", "reclamations");
        List<String> anonymous = List.of("/login", "/css/capsules.css", "/js/common.js");
        for (String path : anonymous) {
            assertConfined(path, send(browser, HttpRequest.newBuilder(uri(path)).GET().build()).headers());
        }
        signIn(browser, "admin");
        List<String> pages = List.of("/", "/drafts", "/drafts/" + draft, "/register", "/admin/audit", "/capsules/new",
                "/capsules/reclamations", "/capsules/mesures-inspection", "/capsules/reclamations/edit",
                "/capsules/reclamations/documents", "/capsules/inexistante", "/api/capsules", "/api/drafts/inconnu");
        for (String path : pages) {
            HttpResponse<String> page = send(browser, HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
            assertConfined(path, page.headers());
            assertThat(page.body()).as("inline script or style in %s", path)
                    .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                    .doesNotContainPattern("\\sstyle=\"")
                    .doesNotContain("<style");
        }
    }

    private static void assertConfined(String path, HttpHeaders headers) {
        String policy = headers.firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).as("CSP of %s", path)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                        "base-uri 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        assertThat(headers.firstValue("X-Content-Type-Options")).as("nosniff on %s", path).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).as("Referrer-Policy of %s", path).hasValue("same-origin");
        assertThat(headers.firstValue("X-Frame-Options")).as("frame denial on %s", path).hasValue("DENY");
    }

    @Test
    void anUploadedHtmlFileComesBackAsAnInertAttachmentWithSanitisedNames() throws Exception {
        String name = "<img src=x onerror=alert(1)>\"; filename=piege.exe; Procédure \u2067fdp.html";
        ApiClient.Response uploaded = as("referent").upload("/api/capsules/reclamations/documents",
                List.of(ApiClient.Part.of(name, ("<html><body><h1>Procédure de réclamation</h1><p>Le délai de réponse est de"
                        + " deux mois à compter de la réception.</p><script>alert(document.cookie)</script></body></html>")
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        String documentId = uploaded.json().get("results").get(0).get("documentId").asString();

        // The referent: the capsule is pseudonymised, so its originals go to its maintainers only.
        ApiClient.Download file = as("referent").download("/api/capsules/reclamations/documents/" + documentId + "/file");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment; filename=\"").contains("; filename*=UTF-8''");
        String plain = disposition.substring("attachment; filename=\"".length(), disposition.indexOf("\"; filename*="));
        assertThat(plain).matches("[\\x20-\\x7E]+").doesNotContain("<", ">", "\"", "\\", ";", "/").endsWith(".html");
        String extended = decoded(disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17));
        assertThat(extended).contains("Procédure").doesNotContain("<", ">", "\"", ";", "\u2067").endsWith(".html");
        assertThat(disposition.substring(disposition.indexOf("filename*="))).matches("filename\\*=UTF-8''[A-Za-z0-9%._~!-]+");
    }

    private static String decoded(String encoded) {
        return java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Test
    void aPdfOriginalKeepsItsType() {
        String documentId = null;
        for (var document : as("admin").get("/api/capsules/reclamations/documents").json()) {
            if (document.get("file").asString().endsWith(".pdf")) {
                documentId = document.get("documentId").asString();
            }
        }
        assertThat(documentId).as("a PDF in the catalogue's complaints capsule").isNotNull();

        ApiClient.Download file = as("admin").download("/api/capsules/reclamations/documents/" + documentId + "/file");

        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    }
}
