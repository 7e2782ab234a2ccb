package fr.capsules.app.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ApiClient.Part;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.SseEvents;
import fr.capsules.app.llm.ScriptedReply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 12, point 4: questions and passages never reach the application logs in clear. The log
 * output is captured during ingestions (a pseudonymised capsule and one in clear, a broken file)
 * asks (answered, model failing, streamed and cut) and a search that carry a NIR and a name, and must hold
 * neither; the audit trail still records who asked what.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyIntegrationTests extends ServiceIntegrationTest {

    private static final String NIR = PseudonymisationIntegrationTests.NIR;
    private static final String NIR_COMPACT = NIR.replace(" ", "");
    private static final String NAME = "Marchand";
    private static final String QUESTION = "Quelle suite donner à la chute de Mme Odette Marchand, NIR " + NIR + " ?";

    private String create(boolean generic) {
        String id = "essai-journal-" + (generic ? "g-" : "s-") + System.nanoTime() % 1_000_000;
        ApiClient.Response created = as("referent").postJson("/api/capsules", Map.of(
                "id", id,
                "name", "Capsule d'essai",
                "purpose", "Vérifier que les journaux ne contiennent pas de données personnelles.",
                "referent", "Romain Référent",
                "scope", generic ? Map.of("generic", true, "services", List.of())
                        : Map.of("generic", false, "services", List.of("inspection")),
                "kind", "chat"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    private void upload(String capsule) {
        ApiClient.Response response = as("referent").upload("/api/capsules/" + capsule + "/documents", List.of(
                Part.of("signalement.txt", PseudonymisationIntegrationTests.SIGNALEMENT.getBytes(StandardCharsets.UTF_8)),
                Part.of("abime.pdf", ("%PDF-1.7\nMme Odette Marchand " + NIR + "\n").getBytes(StandardCharsets.UTF_8)),
                Part.of("abime.docx", ("PK\u0003\u0004 Mme Odette Marchand " + NIR).getBytes(StandardCharsets.UTF_8))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private ApiClient.Response ask(String capsule) {
        ApiClient.Response response = as("admin").postJson("/api/capsules/" + capsule + "/ask", Map.of("question", QUESTION));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void neitherQuestionsNorPassagesAppearInTheLogsOfIngestionsAndAsks(CapturedOutput output) throws IOException {
        String inClear = create(true);
        String pseudonymised = create(false);
        upload(inClear);
        upload(pseudonymised);

        OLLAMA.enqueue(ScriptedReply.text("La chute de Mme Odette Marchand (NIR " + NIR + ") doit être déclarée [1]."));
        ask(inClear);
        OLLAMA.enqueue(ScriptedReply.httpError(500, "le modèle a échoué"));
        assertThat(ask(inClear).json().get("mode").asString()).isEqualTo("extractive");
        OLLAMA.enqueue(ScriptedReply.invalidJson());
        ask(pseudonymised);
        OLLAMA.enqueue(ScriptedReply.errorMidStream(3, "coupure"));
        try (InputStream stream = SseEvents.open(port, "admin", "/api/capsules/" + inClear + "/ask",
                "{\"question\": \"" + QUESTION + "\"}").body()) {
            assertThat(SseEvents.read(stream, e -> e.name().equals("done"))).isNotEmpty();
        }

        ApiClient.Response search = as("admin").postJson("/api/capsules/" + inClear + "/search", Map.of("question", QUESTION));
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.body()).contains(NAME); // the caller gets the passages; the log does not

        // The capture works: the ingestion and the fallback were logged…
        assertThat(output.getAll()).contains("réponse extractive");
        // …without the question, the passages or the answer.
        assertThat(output.getAll()).doesNotContain(NAME, "Odette", NIR, NIR_COMPACT, "350 043", "06 12 34 56 78",
                "Quelle suite donner");
        // Accountability: the audit trail still says who asked what of which capsule.
        ApiClient.Response audit = as("admin").get("/api/audit?action=ask&capsule=" + inClear);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.body()).contains("admin", "Quelle suite donner");
    }
}
