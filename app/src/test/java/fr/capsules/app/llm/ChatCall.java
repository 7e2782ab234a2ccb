package fr.capsules.app.llm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One {@code POST /api/chat} request as {@link FakeOllamaServer} received it, recorded before any
 * reply (even for an unknown model), so tests can check what the service sent: prompts, options,
 * structured-output format, streaming or not.
 *
 * @param model the model name exactly as sent, or {@code null} when missing
 * @param messages the conversation in order
 * @param stream whether a stream was requested; Ollama streams when the field is absent
 * @param format {@code "json"} as a text node, a JSON schema object, or {@code null} when absent
 * @param options the {@code options} object ({@code temperature}, {@code num_ctx}…), empty when absent
 * @param keepAlive {@code keep_alive} as text ({@code "5m"}, {@code "-1"}), or {@code null} when absent
 * @param raw the whole request body
 * @param receivedAt when the request body was read
 */
public record ChatCall(String model, List<Message> messages, boolean stream, JsonNode format, JsonNode options,
        String keepAlive, JsonNode raw, Instant receivedAt) {

    /** One chat message; {@code role} is {@code system}, {@code user}, {@code assistant} or {@code tool}. */
    public record Message(String role, String content) {
    }

    public ChatCall {
        messages = List.copyOf(messages);
    }

    static ChatCall from(JsonNode body, Instant receivedAt) {
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            messages.add(new Message(message.path("role").asString(""), message.path("content").asString("")));
        }
        JsonNode format = body.get("format");
        JsonNode keepAlive = body.get("keep_alive");
        return new ChatCall(
                textOrNull(body.get("model")),
                messages,
                body.path("stream").asBoolean(true),
                format == null || format.isNull() ? null : format,
                body.path("options").isObject() ? body.get("options") : JsonExchange.JSON.createObjectNode(),
                textOrNull(keepAlive),
                body,
                receivedAt);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    /** The content of the first system message, or {@code null} when there is none. */
    public String systemPrompt() {
        return messages.stream().filter(m -> m.role().equals("system")).map(Message::content).findFirst().orElse(null);
    }

    /** The content of the last user message, or {@code null} when there is none. */
    public String lastUserMessage() {
        return messages.stream().filter(m -> m.role().equals("user")).map(Message::content)
                .reduce((first, second) -> second).orElse(null);
    }

    /** One option ({@code "temperature"}, {@code "num_ctx"}…); a missing node when not sent. */
    public JsonNode option(String name) {
        return options.path(name);
    }
}
