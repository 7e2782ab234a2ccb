package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.SseEvents;
import fr.capsules.app.llm.ScriptedReply;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A model server that misbehaves mid-answer, over the real HTTP API: the generation ends at the first defect, the
 * answer keeps what arrived and says it is incomplete, blocking and streamed alike; a draft made of it must have
 * that warning acknowledged before validation; a client that leaves closes the model's connection at once.
 */
class MisbehavingModelIntegrationTests extends ServiceIntegrationTest {

    private static final String QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";
    private static final String BEFORE = "Selon la procédure, l'accusé de réception est adressé sous dix jours [1]. ";
    private static final String AFTER = "La réponse au fond suit sous deux mois [1].";
    private static final String LOOP = "Le délai court à compter de la réception de la réclamation. ";

    static Stream<Arguments> misbehaviours() {
        return Stream.of(
                Arguments.of("ligne illisible", ScriptedReply.malformedLineBetween(BEFORE, AFTER), "illisible"),
                Arguments.of("UTF-8 invalide", ScriptedReply.invalidUtf8Between(BEFORE, AFTER), "mal encodés"),
                Arguments.of("caractère de remplacement", ScriptedReply.text(BEFORE + "d\uFFFDlai " + AFTER), "mal encodés"),
                Arguments.of("ligne d'erreur", ScriptedReply.text(BEFORE).thenErrorLine("CUDA error: out of memory"),
                        "erreur en cours de réponse"),
                Arguments.of("connexion coupée", ScriptedReply.text(BEFORE).thenCut(), "coupée avant la fin"),
                Arguments.of("plafond de jetons", ScriptedReply.text(BEFORE + AFTER).withDoneReason("length"), "longueur maximale"),
                Arguments.of("répétition sans fin", ScriptedReply.endless(BEFORE, LOOP), "répéter les mêmes mots"));
    }

    private static JsonNode incompleteWarning(JsonNode answer) {
        for (JsonNode warning : answer.get("warnings")) {
            if (warning.get("kind").asString().equals("model-output-incomplete")) {
                return warning;
            }
        }
        throw new AssertionError("no model-output-incomplete warning in " + answer);
    }

    private static void assertIncomplete(JsonNode answer, String name, String why) {
        assertThat(answer.get("mode").asString()).as(name).isEqualTo("generative");
        assertThat(answer.get("incomplete").asBoolean()).as(name).isTrue();
        assertThat(incompleteWarning(answer).get("message").asString()).as(name).startsWith("Réponse incomplète : ").contains(why);
        String text = answer.get("answer").asString();
        assertThat(text).as(name).startsWith("Selon la procédure");
        if (!name.equals("plafond de jetons")) {
            assertThat(text).as(name + ": nothing after the defect").doesNotContain("deux mois");
        }
        assertThat(text.indexOf(LOOP.strip())).as(name + ": a loop kept once at most").isEqualTo(text.lastIndexOf(LOOP.strip()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misbehaviours")
    void aBlockingAnswerKeepsWhatArrivedAndSaysItIsIncomplete(String name, ScriptedReply reply, String why) {
        OLLAMA.enqueue(reply);

        ApiClient.Response response = as("reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertIncomplete(response.json(), name, why);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misbehaviours")
    void aStreamedAnswerEndsAtTheDefectAndItsDoneEventSaysItIsIncomplete(String name, ScriptedReply reply, String why) {
        OLLAMA.enqueue(reply);

        HttpResponse<InputStream> response = SseEvents.open(port, "reclamations", "/api/capsules/reclamations/ask",
                "{\"question\": \"" + QUESTION + "\"}");
        List<SseEvents.Event> events = SseEvents.readAll(response.body());

        List<String> names = events.stream().map(SseEvents.Event::name).toList();
        assertThat(names).as(name).contains("token").doesNotContain("reset");
        assertThat(names.getLast()).isEqualTo("done");
        assertIncomplete(events.getLast().data(), name, why);
    }

    @Test
    void aWholeAnswerSaysItIsComplete() {
        OLLAMA.enqueue(ScriptedReply.text(BEFORE + AFTER));

        JsonNode answer = as("reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION)).json();

        assertThat(answer.get("incomplete").asBoolean()).isFalse();
        assertThat(answer.get("warnings")).noneSatisfy(w -> assertThat(w.get("kind").asString()).isEqualTo("model-output-incomplete"));
    }

    @Test
    void aModelCaughtInALoopHasItsConnectionClosed() {
        OLLAMA.enqueue(ScriptedReply.endless(BEFORE, LOOP));

        as("reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION));

        assertThat(OLLAMA.awaitCancelledStreams(1, Duration.ofSeconds(10))).isEqualTo(1);
    }

    @Test
    void answersThatGoOnPastTheDeadlineAreEndedBlockingAndStreamed() throws Exception {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            words.add(i == 0 ? BEFORE : "mot" + i + " ");
        }
        // Steady enough never to trip the 3 s idle timeout, slow enough to go on for 50 s: the 12 s deadline ends it.
        OLLAMA.withDefaultResponder(call -> ScriptedReply.tokens(words).withTokenDelay(Duration.ofMillis(250)));

        CompletableFuture<JsonNode> blocking = CompletableFuture.supplyAsync(() -> as("reclamations")
                .postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION)).json());
        HttpResponse<InputStream> response = SseEvents.open(port, "reclamations", "/api/capsules/reclamations/ask",
                "{\"question\": \"" + QUESTION + "\"}");
        JsonNode streamed = SseEvents.readAll(response.body()).getLast().data();

        for (JsonNode answer : List.of(blocking.get(60, TimeUnit.SECONDS), streamed)) {
            assertThat(answer.get("incomplete").asBoolean()).isTrue();
            assertThat(incompleteWarning(answer).get("message").asString()).contains("délai maximal");
            assertThat(answer.get("answer").asString()).startsWith("Selon la procédure").doesNotContain("mot199");
        }
        assertThat(OLLAMA.awaitCancelledStreams(2, Duration.ofSeconds(10))).isEqualTo(2);
    }

    @Test
    void aClientThatLeavesWhileTheModelIsStillSilentClosesTheModelsConnectionAtOnce() throws Exception {
        // The model would write its first word only after a minute (loading, say); the client gives up before.
        OLLAMA.enqueue(ScriptedReply.text(BEFORE).withFirstTokenDelay(Duration.ofSeconds(60)));

        HttpResponse<InputStream> response = SseEvents.open(port, "reclamations", "/api/capsules/reclamations/ask",
                "{\"question\": \"" + QUESTION + "\"}");
        OLLAMA.awaitChatCalls(1, Duration.ofSeconds(10));
        response.body().close();

        // A generous bound, far below the minute the fake would otherwise wait before its next write.
        assertThat(OLLAMA.awaitCancelledStreams(1, Duration.ofSeconds(15))).isEqualTo(1);
    }

    @Test
    void aDraftOfAnIncompleteAnswerCanBeEditedButValidatesOnlyOnceTheWarningIsAcknowledged() {
        OLLAMA.enqueue(ScriptedReply.text(BEFORE + AFTER).withDoneReason("length"));
        ApiClient handler = as("reclamations");
        ApiClient.Response created = handler.postJson("/api/capsules/reclamations/drafts", Map.of("question", QUESTION));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        List<String> open = new ArrayList<>();
        JsonNode incomplete = null;
        for (JsonNode warning : created.json().get("openWarnings")) {
            open.add(warning.get("id").asString());
            if (warning.get("message").asString().startsWith("Réponse incomplète : ")) {
                incomplete = warning;
            }
        }
        assertThat(incomplete).as(created.body()).isNotNull();
        assertThat(created.json().get("incomplete").asBoolean()).isTrue();

        assertThat(handler.putJson("/api/drafts/" + id + "/content", Map.of("text", BEFORE + AFTER)).status()).isEqualTo(200);
        ApiClient.Response refused = handler.postJson("/api/drafts/" + id + "/validate", Map.of("acknowledgedWarnings",
                open.stream().filter(w -> !w.equals(open.get(open.indexOf(incompleteId(created.json()))))).toList()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("Réponse incomplète");

        ApiClient.Response validated = handler.postJson("/api/drafts/" + id + "/validate", Map.of("acknowledgedWarnings", open));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(validated.json().get("status").asString()).isEqualTo("validated");
    }

    private static String incompleteId(JsonNode draft) {
        for (JsonNode warning : draft.get("openWarnings")) {
            if (warning.get("message").asString().startsWith("Réponse incomplète : ")) {
                return warning.get("id").asString();
            }
        }
        throw new AssertionError("no incomplete warning");
    }
}
