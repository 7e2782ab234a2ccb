package fr.capsules.app.llm;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One {@code POST /api/embed} request as {@link FakeOllamaServer} received it.
 *
 * @param model the model name exactly as sent, or {@code null} when missing
 * @param inputs the texts to embed; a single string {@code input} becomes a list of one
 * @param raw the whole request body
 * @param receivedAt when the request body was read
 */
public record EmbedCall(String model, List<String> inputs, JsonNode raw, Instant receivedAt) {

    public EmbedCall {
        inputs = List.copyOf(inputs);
    }
}
