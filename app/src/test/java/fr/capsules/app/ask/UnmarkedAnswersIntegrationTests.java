package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.SseEvents;
import fr.capsules.app.llm.ChatCall;
import fr.capsules.app.llm.ScriptedReply;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, points 4 and 5, over the real HTTP API: the (fake) model writes no {@code [n]} marker. The passages the
 * answer restates are still its sources, the sentences are attributed to them, and a sentence that drops the
 * passage's negation is flagged, in the blocking answer and in the stream alike.
 */
class UnmarkedAnswersIntegrationTests extends ServiceIntegrationTest {

    private static final String QUESTION =
            "Que faire lorsque la réponse au fond ne peut être apportée dans le délai de deux mois ?";
    private static final String WAITING_LETTER = "ne peut être apportée dans le délai de deux mois";
    private static final String DROPPED_NEGATION = "Lorsque la réponse au fond peut être apportée dans le délai de deux"
            + " mois, le chargé de réclamations adresse au réclamant un courrier d'attente avant l'expiration de ce délai.";

    /** The passage holding the waiting-letter rule, by its number in the prompt. */
    private static int waitingLetterPassage(ChatCall call) {
        return PromptPassages.of(call).entrySet().stream()
                .filter(e -> e.getValue().replaceAll("\\s+", " ").contains(WAITING_LETTER))
                .findFirst().orElseThrow(() -> new AssertionError("passage not in the prompt")).getKey();
    }

    /** A sentence of another passage, copied word for word, and the negation dropped; no marker at all. */
    private static String unmarkedReply(ChatCall call) {
        int other = PromptPassages.of(call).keySet().stream().filter(n -> n != waitingLetterPassage(call))
                .findFirst().orElseThrow();
        return PromptPassages.firstSentence(call, other) + ".\n" + DROPPED_NEGATION;
    }

    @Test
    void anAnswerWithoutMarkersShowsItsSourcesAttributesItsSentencesAndFlagsTheDroppedNegation() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text(unmarkedReply(call)));

        ApiClient.Response response = as("reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        int source = waitingLetterPassage(OLLAMA.lastChatCall());
        assertSourced(response.json(), source);
    }

    @Test
    void theStreamedAnswerEndsWithTheSameSourcesAndWarnings() throws Exception {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.tokens(List.of(unmarkedReply(call))));

        HttpResponse<InputStream> response = SseEvents.open(port, "reclamations", "/api/capsules/reclamations/ask",
                "{\"question\": \"" + QUESTION + "\"}");
        List<SseEvents.Event> events = SseEvents.readAll(response.body());

        int source = waitingLetterPassage(OLLAMA.lastChatCall());
        SseEvents.Event citations = events.stream().filter(e -> e.name().equals("citations")).findFirst().orElseThrow();
        assertThat(citations.data()).extracting(c -> c.get("n").asInt()).contains(source);
        assertThat(events.getLast().name()).isEqualTo("done");
        assertSourced(events.getLast().data(), source);
    }

    @Test
    void anAnswerThatRestatesNoPassageStillListsThePassagesTheModelWasGiven() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text(
                "Le réclamant peut également saisir le Défenseur des droits par un formulaire en ligne dédié."));

        JsonNode answer = as("reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION)).json();

        int given = PromptPassages.of(OLLAMA.lastChatCall()).size();
        assertThat(answer.get("citations")).hasSize(given);
        assertThat(answer.get("citations")).allSatisfy(c -> assertThat(c.get("attribution").asString()).isEqualTo("consulted"));
        assertThat(answer.get("warnings")).extracting(w -> w.get("kind").asString()).containsExactly("uncited");
    }

    private static void assertSourced(JsonNode answer, int source) {
        assertThat(answer.get("mode").asString()).isEqualTo("generative");
        JsonNode citations = answer.get("citations");
        assertThat(citations).as(answer.toString()).hasSize(2);
        assertThat(citations).allSatisfy(c -> assertThat(c.get("attribution").asString()).isEqualTo("restated"));
        assertThat(citations).extracting(c -> c.get("n").asInt()).contains(source);
        String text = answer.get("answer").asString();
        assertThat(text).as("the service marks the sentence with its passage").contains(DROPPED_NEGATION + " [" + source + "]");
        List<String> kinds = answer.get("warnings").valueStream().map(w -> w.get("kind").asString()).toList();
        assertThat(kinds).as(answer.toString()).doesNotContain("uncited").contains("negation-mismatch");
        JsonNode mismatch = answer.get("warnings").valueStream()
                .filter(w -> w.get("kind").asString().equals("negation-mismatch")).findFirst().orElseThrow();
        assertThat(mismatch.get("passage").asInt()).isEqualTo(source);
        assertThat(mismatch.get("sentence").asString()).startsWith("Lorsque la réponse au fond peut être apportée");
        assertThat(mismatch.get("passageExcerpt").asString()).contains(WAITING_LETTER);
    }
}
