package fr.capsules.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditIntegrationTests extends ServiceIntegrationTest {

    private static String someone() {
        return "intrus-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode entries(String query) {
        ApiClient.Response response = as("admin").get("/api/audit?" + query);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    @Test
    void aWrongPasswordIsRecordedAsALoginFailureThatTheAdminCanSee() {
        String username = someone();
        assertThat(ApiClient.as(port, username, "mauvais").get("/api/capsules").status()).isEqualTo(401);

        JsonNode entries = entries("action=login-failed&user=" + username);

        assertThat(entries.size()).isEqualTo(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("actor").asString()).isEqualTo(username);
        assertThat(entry.get("action").asString()).isEqualTo("login-failed");
        assertThat(entry.get("details").get("reason").asString()).isEqualTo("bad-credentials");
        assertThat(entry.get("details").get("remoteAddress").asString()).isNotBlank();
        assertThat(entry.get("hash").asString()).matches("[0-9a-f]{64}");
        assertThat(entry.get("seq").asLong()).isPositive();
    }

    @Test
    void aFailedLoginThroughTheFormIsRecordedToo() throws Exception {
        String username = someone();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String loginPage = browser.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("CSRF token in the login page").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=mauvais&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);

        HttpResponse<String> response = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("error");
        assertThat(entries("action=login-failed&user=" + username).size()).isEqualTo(1);
    }

    @Test
    void aNonAdminIsRefusedTheAuditTrailAndTheRefusalIsItselfRecorded() {
        int before = entries("action=access-denied&user=agent&limit=10000").size();

        ApiClient.Response refused = as("agent").get("/api/audit");
        ApiClient.Response refusedVerify = as("agent").get("/api/audit/verify");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/forbidden");
        assertThat(refusedVerify.status()).isEqualTo(403);
        JsonNode denied = entries("action=access-denied&user=agent&limit=10000");
        assertThat(denied.size()).isEqualTo(before + 2);
        JsonNode latest = denied.get(1);
        assertThat(latest.get("details").get("method").asString()).isEqualTo("GET");
        assertThat(latest.get("details").get("path").asString()).isEqualTo("/api/audit");
        assertThat(latest.get("details").get("reason").asString()).contains("administrateurs");
    }

    @Test
    void aRefusalOnACapsuleIsRecordedWithThatCapsule() {
        ApiClient.Response refused = as("agent").delete("/api/capsules/charte-ia");
        assertThat(refused.status()).isEqualTo(403);

        JsonNode entry = entries("action=access-denied&user=agent&capsule=charte-ia&limit=1").get(0);
        assertThat(entry.get("capsuleId").asString()).isEqualTo("charte-ia");
        assertThat(entry.get("details").get("method").asString()).isEqualTo("DELETE");
    }

    @Test
    void theCsvExportHasAHeaderRowAndNeutralisesFormulas() throws Exception {
        // A username tried at login is attacker-chosen: it must not run as a formula in a spreadsheet.
        String formula = "=HYPERLINK(\"x\";\"y\")-" + UUID.randomUUID().toString().substring(0, 4);
        ApiClient.as(port, formula, "mauvais").get("/api/capsules");

        String basic = Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/audit?format=csv&action=login-failed"))
                        .header("Authorization", "Basic " + basic)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment")
                .contains("journal-audit-")
                .contains(".csv");
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF" + "seq;recordedAt;actor;action;capsule;capsuleVersion;details;hash\r\n");
        assertThat(csv).contains(";\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")-").doesNotContain(";=HYPERLINK");
        assertThat(csv.lines().skip(1)).allMatch(line -> line.contains(";login-failed;"));
    }

    @Test
    void theChainVerifies() {
        as("agent").get("/api/audit");

        ApiClient.Response response = as("admin").get("/api/audit/verify");

        assertThat(response.status()).isEqualTo(200);
        JsonNode verification = response.json();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isPositive();
        assertThat(verification.get("firstBrokenSeq").isNull()).isTrue();
        assertThat(verification.get("lastHash").asString()).matches("[0-9a-f]{64}");
    }

    @Test
    void anUnknownActionIsABadRequestInFrench() {
        ApiClient.Response response = as("admin").get("/api/audit?action=connexion");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/invalid-request");
        assertThat(response.json().get("detail").asString()).contains("« connexion »", "inconnue", "login-failed");
    }

    @Test
    void anUnreadableDateOrLimitIsABadRequest() {
        assertThat(as("admin").get("/api/audit?from=14/03/2025").status()).isEqualTo(400);
        assertThat(as("admin").get("/api/audit?from=14/03/2025").json().get("detail").asString()).contains("n'est pas une date");
        assertThat(as("admin").get("/api/audit?limit=20000").status()).isEqualTo(400);
        assertThat(as("admin").get("/api/audit?limit=beaucoup").status()).isEqualTo(400);
        assertThat(as("admin").get("/api/audit?format=xml").status()).isEqualTo(400);
    }

    @Test
    void aTimeRangeSelectsByDayInTheAgencysTimeZone() {
        String username = someone();
        ApiClient.as(port, username, "mauvais").get("/api/capsules");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusDays(1).toString();

        assertThat(entries("user=" + username + "&from=" + today + "&to=" + today).size()).isEqualTo(1);
        assertThat(entries("user=" + username + "&to=" + yesterday).size()).isZero();
    }
}
