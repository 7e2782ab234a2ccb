package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.SseEvents;
import fr.capsules.app.llm.ChatCall;
import fr.capsules.app.llm.ScriptedReply;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Answers written by the (fake) model over the real HTTP API, and every way it can fail. */
class GenerativeAnswersIntegrationTests extends ServiceIntegrationTest {

    private static final String DELAY_QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";

    private JsonNode ask(String user, String capsule, String question) {
        ApiClient.Response response = as(user).postJson("/api/capsules/" + capsule + "/ask", Map.of("question", question));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> warningKinds(JsonNode answer) {
        List<String> kinds = new ArrayList<>();
        answer.get("warnings").forEach(w -> kinds.add(w.get("kind").asString()));
        return kinds;
    }

    @Test
    void aFaithfulAnswerFromTheModelIsCitedAndCarriesNoWarning() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text(PromptPassages.firstSentence(call, 1) + " [1]."));

        JsonNode answer = ask("reclamations", "reclamations", DELAY_QUESTION);

        assertThat(answer.get("mode").asString()).isEqualTo("generative");
        assertThat(answer.get("aiGenerated").asBoolean()).isTrue();
        assertThat(answer.get("label").asString()).isEqualTo("Généré par IA — à vérifier");
        assertThat(answer.get("model").asString()).startsWith("mistral-small3.2");
        assertThat(answer.get("answer").asString()).endsWith("[1].");
        assertThat(answer.get("citations")).hasSize(1);
        JsonNode citation = answer.get("citations").get(0);
        assertThat(citation.get("n").asInt()).isEqualTo(1);
        assertThat(citation.get("title").asString()).isNotBlank();
        assertThat(answer.get("warnings")).as(answer.toString()).isEmpty();
    }

    @Test
    void theModelReceivesTheRulesTheCapsuleInstructionsTheNumberedPassagesAndTheOptions() {
        ask("reclamations", "reclamations", DELAY_QUESTION);

        ChatCall call = OLLAMA.lastChatCall();
        assertThat(call.model()).startsWith("mistral-small3.2");
        assertThat(call.systemPrompt())
                .contains("Réponds uniquement à partir des passages numérotés")
                .contains("Cite chaque affirmation")
                .contains("ne permettent pas de répondre")
                .contains("N'invente jamais de référence");
        assertThat(call.lastUserMessage()).contains("[1] « ").contains("Question : " + DELAY_QUESTION);
        assertThat(PromptPassages.of(call)).isNotEmpty();
        assertThat(call.option("temperature").asDouble()).isEqualTo(0.1);
        assertThat(call.option("num_ctx").asInt()).isEqualTo(8192);
        assertThat(call.option("num_predict").asInt()).as("the output-token cap").isEqualTo(2048);
    }

    @Test
    void aCitationToAPassageThatWasNotGivenIsRemovedAndReported() {
        OLLAMA.enqueue(ScriptedReply.text("Selon la procédure, l'accusé de réception est envoyé rapidement [1][9]."));

        JsonNode answer = ask("reclamations", "reclamations", DELAY_QUESTION);

        assertThat(answer.get("answer").asString()).doesNotContain("[9]").contains("[1]");
        assertThat(answer.get("citations")).extracting(c -> c.get("n").asInt()).containsExactly(1);
        assertThat(warningKinds(answer)).contains("citation-removed");
    }

    @Test
    void anAnswerThatDropsTheSourcesNegationIsFlagged() {
        OLLAMA.withDefaultResponder(call -> {
            int n = PromptPassages.of(call).entrySet().stream()
                    .filter(e -> e.getValue().contains("ne valide pas les productions"))
                    .findFirst().orElseThrow().getKey();
            return ScriptedReply.text("Le référent valide les productions des utilisateurs de la capsule [" + n + "].");
        });

        JsonNode answer = ask("agent", "charte-ia", "Le référent de la capsule valide-t-il les productions des utilisateurs ?");

        JsonNode warning = null;
        for (JsonNode w : answer.get("warnings")) {
            if (w.get("kind").asString().equals("negation-mismatch")) {
                warning = w;
            }
        }
        assertThat(warning).as(answer.toString()).isNotNull();
        assertThat(warning.get("sentence").asString()).contains("Le référent valide les productions");
        assertThat(warning.get("passageExcerpt").asString()).contains("ne valide pas");
        assertThat(warning.get("message").asString()).isNotBlank();
    }

    @Test
    void aFollowUpQuestionCarriesTheEarlierTurnToTheModel() {
        JsonNode first = ask("reclamations", "reclamations", DELAY_QUESTION);
        String conversation = first.get("conversationId").asString();

        ApiClient.Response second = as("reclamations").postJson("/api/capsules/reclamations/ask",
                Map.of("question", "Et pour la réponse sur le fond ?", "conversationId", conversation));

        assertThat(second.json().get("conversationId").asString()).isEqualTo(conversation);
        List<ChatCall.Message> messages = OLLAMA.lastChatCall().messages();
        assertThat(messages).extracting(ChatCall.Message::role).containsExactly("system", "user", "assistant", "user");
        assertThat(messages.get(1).content()).isEqualTo(DELAY_QUESTION);
        assertThat(messages.get(2).content()).isEqualTo(first.get("answer").asString());
        assertThat(messages.get(3).content()).contains("Question : Et pour la réponse sur le fond ?");
    }

    @Test
    void someoneElsesConversationCannotBeContinued() {
        String conversation = ask("reclamations", "reclamations", DELAY_QUESTION).get("conversationId").asString();
        ApiClient.Response response = as("referent").postJson("/api/capsules/reclamations/ask",
                Map.of("question", "Et ensuite ?", "conversationId", conversation));
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void whenNothingRelevantIsFoundTheModelIsNotCalled() {
        JsonNode answer = ask("agent", "charte-ia", "Quelle est la recette de la tarte Tatin aux pommes caramélisées ?");
        assertThat(answer.get("mode").asString()).isEqualTo("abstained");
        assertThat(OLLAMA.chatCalls()).isEmpty();
    }

    @Test
    void theAnswerStreamsTokensThenCitationsThenTheWholeAnswer() throws Exception {
        OLLAMA.enqueue(ScriptedReply.tokens(List.of("L'accusé ", "de réception ", "est ", "envoyé ", "sous ", "8 jours ouvrés ", "[1]."))
                .withTokenDelay(Duration.ofMillis(20)));

        HttpResponse<InputStream> response = SseEvents.open(port, "reclamations", "/api/capsules/reclamations/ask",
                "{\"question\": \"" + DELAY_QUESTION + "\"}");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<SseEvents.Event> events = SseEvents.readAll(response.body());

        List<String> names = events.stream().map(SseEvents.Event::name).toList();
        assertThat(names.subList(0, 7)).containsOnly("token");
        assertThat(names.subList(7, names.size())).containsExactly("citations", "done");
        String streamed = events.stream().filter(e -> e.name().equals("token")).map(e -> e.data().get("text").asString())
                .reduce("", String::concat);
        assertThat(streamed).isEqualTo("L'accusé de réception est envoyé sous 8 jours ouvrés [1].");
        JsonNode done = events.getLast().data();
        assertThat(done.get("mode").asString()).isEqualTo("generative");
        assertThat(done.get("answer").asString()).isEqualTo(streamed);
        assertThat(done.get("aiGenerated").asBoolean()).isTrue();
        assertThat(events.get(7).data().get(0).get("n").asInt()).isEqualTo(1);
        assertThat(OLLAMA.lastChatCall().stream()).isTrue();
    }

    @Test
    void aClientThatLeavesCancelsTheGeneration() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tokens.add("mot" + i + " ");
        }
        OLLAMA.enqueue(ScriptedReply.tokens(tokens).withTokenDelay(Duration.ofMillis(50)));

        HttpResponse<InputStream> response = SseEvents.open(port, "reclamations", "/api/capsules/reclamations/ask",
                "{\"question\": \"" + DELAY_QUESTION + "\"}");
        List<SseEvents.Event> first = SseEvents.read(response.body(), e -> e.name().equals("token"));
        response.body().close();

        assertThat(first).isNotEmpty();
        assertThat(OLLAMA.awaitCancelledStreams(1, Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1);
    }

    static List<ScriptedReply> failures() {
        return List.of(
                ScriptedReply.httpError(500, "llama runner process has terminated"),
                ScriptedReply.invalidJson(),
                ScriptedReply.emptyContent(),
                ScriptedReply.hang(Duration.ofSeconds(6)),
                ScriptedReply.disconnect());
    }

    @ParameterizedTest
    @MethodSource("failures")
    void aFailingModelGivesAnExtractiveAnswerNeverAnError(ScriptedReply failure) {
        OLLAMA.enqueue(failure);

        JsonNode answer = ask("reclamations", "reclamations", DELAY_QUESTION);

        assertThat(answer.get("mode").asString()).isEqualTo("extractive");
        assertThat(answer.get("answer").asString()).startsWith("Réponse extractive").contains("[1] «");
        assertThat(answer.get("citations")).isNotEmpty();
        assertThat(answer.get("aiGenerated").asBoolean()).isTrue();
        assertThat(warningKinds(answer)).contains("model-unavailable");
        assertThat(answer.get("model").isNull()).isTrue();
    }

    /** Failures before any text: a failure after some text gives an incomplete answer (MisbehavingModelIntegrationTests). */
    static List<ScriptedReply> streamFailures() {
        return List.of(
                ScriptedReply.errorMidStream(0, "CUDA error: out of memory"),
                ScriptedReply.invalidJson(),
                ScriptedReply.truncatedStream(0),
                ScriptedReply.httpError(503, "server busy"));
    }

    @ParameterizedTest
    @MethodSource("streamFailures")
    void aStreamThatFailsEndsWithAnExtractiveAnswer(ScriptedReply failure) {
        OLLAMA.enqueue(failure);

        HttpResponse<InputStream> response = SseEvents.open(port, "reclamations", "/api/capsules/reclamations/ask",
                "{\"question\": \"" + DELAY_QUESTION + "\"}");
        List<SseEvents.Event> events = SseEvents.readAll(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        SseEvents.Event done = events.getLast();
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.data().get("mode").asString()).isEqualTo("extractive");
        List<String> names = events.stream().map(SseEvents.Event::name).toList();
        if (names.contains("reset")) {
            // Tokens already shown are voided before the extractive answer replaces them.
            assertThat(names.indexOf("token")).isLessThan(names.indexOf("reset"));
        }
        String lastToken = events.stream().filter(e -> e.name().equals("token")).toList().getLast().data().get("text").asString();
        assertThat(lastToken).isEqualTo(done.data().get("answer").asString());
    }

    @Test
    void aCapsuleCanNameItsOwnModelAndAMissingOneIsReportedWithTheFix() {
        ApiClient referent = as("referent");
        assertThat(referent.postJson("/api/capsules", Map.of(
                "id", "capsule-modele-propre",
                "name", "Capsule au modèle propre",
                "purpose", "Vérifier le choix du modèle par capsule.",
                "referent", "Romain Référent",
                "scope", Map.of("generic", false, "services", List.of("reclamations")),
                "kind", "chat",
                "model", "modele-absent")).status()).isEqualTo(201);
        referent.upload("/api/capsules/capsule-modele-propre/documents", List.of(ApiClient.Part.of("astreinte.txt",
                "Le planning des astreintes de la cellule de veille est publié chaque vendredi.".getBytes())));

        JsonNode answer = ask("reclamations", "capsule-modele-propre", "Quand le planning des astreintes est-il publié ?");

        assertThat(OLLAMA.lastChatCall().model()).isEqualTo("modele-absent");
        assertThat(answer.get("mode").asString()).isEqualTo("extractive");
        assertThat(answer.get("answer").asString()).contains("ollama pull modele-absent");
        referent.delete("/api/capsules/capsule-modele-propre");
    }

    @Test
    void healthReportsTheModelServerAndItsModels() {
        OLLAMA.reset();
        ApiClient.Response health = ApiClient.as(port, "admin", "demo").get("/actuator/health");
        JsonNode ollama = health.json().get("components").get("ollama");
        assertThat(ollama.get("status").asString()).isEqualTo("UP");
        assertThat(ollama.get("details").get("reachable").asBoolean()).isTrue();
        assertThat(ollama.get("details").get("models").get("mistral-small3.2").asString()).isEqualTo("présent");
    }
}
