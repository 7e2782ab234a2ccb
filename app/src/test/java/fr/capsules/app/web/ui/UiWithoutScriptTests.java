package fr.capsules.app.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.llm.ScriptedReply;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pages without JavaScript, as a plain HTTP client sees them: sign in with the form, ask with
 * the form, and the answer rendered by the server, escaped, with its label, mode and sources.
 */
class UiWithoutScriptTests extends ServiceIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private void signIn(String username) throws Exception {
        String login = get("/login").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", "demo");
        form.put("_csrf", csrf(login));
        HttpResponse<String> signedIn = post("/login", form);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
    }

    @Test
    void theQuestionFormIsAnsweredByTheServerWithTheAnswerEscaped() throws Exception {
        OLLAMA.enqueue(ScriptedReply.text("<script>window.pwned=1</script> L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        signIn("reclamations");
        String page = get("/capsules/reclamations").body();

        HttpResponse<String> answered = post("/capsules/reclamations",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?", "conversationId", "",
                        "_csrf", csrf(page)));

        assertThat(answered.statusCode()).isEqualTo(200);
        String html = answered.body();
        assertThat(html).contains("Généré par IA — à vérifier")
                .contains("Réponse rédigée par le modèle")
                .contains("&lt;script&gt;window.pwned=1&lt;/script&gt;")
                .doesNotContain("<script>window.pwned")
                .contains("data-n=\"1\"");
        assertThat(html).containsPattern("name=\"conversationId\" value=\"[0-9a-f-]{36}\"");
    }

    @Test
    void aWrongPasswordComesBackToTheLoginPageWithAnError() throws Exception {
        String login = get("/login").body();
        HttpResponse<String> refused = post("/login", Map.of("username", "agent", "password", "non", "_csrf", csrf(login)));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(get("/login?error").body()).contains("Identifiant ou mot de passe incorrect.");
    }
}
