package fr.capsules.app.web.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.AnswerMode;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.ask.Citation;
import fr.capsules.app.provenance.Provenance;
import java.util.List;

/** OpenAI's response shapes for chat completions, with the {@code capsules} extension. */
final class Completions {

    private Completions() {}

    /**
     * What the answer is beyond its text ({@code ../shared/API.md}, "OpenAI-compatible API"):
     * label, mode, citations, warnings, capsule version, and the answer without the label and sources; and, added,
     * the published version and model digest the answer came from ({@code provenance}).
     */
    record CapsulesExtension(
            String label, AnswerMode mode, List<Citation> citations, List<AnswerWarning> warnings, int capsuleVersion,
            String answer, Provenance provenance) {

        static CapsulesExtension of(Answer answer) {
            return new CapsulesExtension(answer.label(), answer.mode(), answer.citations(), answer.warnings(),
                    answer.capsuleVersion(), answer.answer(), answer.provenance());
        }
    }

    /** {@code chat.completion}: the whole answer. */
    record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, CapsulesExtension capsules) {

        static ChatCompletion of(String id, long created, String model, Answer answer) {
            return new ChatCompletion(id, "chat.completion", created, model,
                    List.of(new Choice(0, new Message("assistant", AnswerMarkdown.of(answer), null), null, "stop")),
                    CapsulesExtension.of(answer));
        }
    }

    record Choice(int index, Message message, Object logprobs, @JsonProperty("finish_reason") String finishReason) {}

    record Message(String role, String content, String refusal) {}

    /** {@code chat.completion.chunk}: one piece of a streamed answer; the last one carries the extension. */
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
            @JsonInclude(JsonInclude.Include.NON_NULL) CapsulesExtension capsules) {

        static Chunk of(String id, long created, String model, Delta delta, String finishReason, CapsulesExtension capsules) {
            return new Chunk(id, "chat.completion.chunk", created, model, List.of(new ChunkChoice(0, delta, null, finishReason)),
                    capsules);
        }
    }

    record ChunkChoice(int index, Delta delta, Object logprobs, @JsonProperty("finish_reason") String finishReason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {}
}
