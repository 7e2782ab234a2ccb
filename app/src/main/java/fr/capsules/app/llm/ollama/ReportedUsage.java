package fr.capsules.app.llm.ollama;

import fr.capsules.app.llm.ModelUsage;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the figures Ollama reports on the last object of each {@code /api/chat} response: token counts
 * ({@code prompt_eval_count}, {@code eval_count}) and durations in nanoseconds. {@link ChatStream} hands it the
 * final line of the very response it read, so each call gets its own figures whatever runs beside it.
 */
final class ReportedUsage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportedUsage() {}

    /** The figures of a final chat object, null when {@code json} is not one. */
    static ModelUsage parse(String json) {
        if (json == null || !json.contains("\"total_duration\"")) {
            return null;
        }
        try {
            return parse(JSON.readTree(json));
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The figures of a final chat object, null when {@code node} is not one. */
    static ModelUsage parse(JsonNode node) {
        if (node == null || !node.path("done").asBoolean(false)) {
            return null;
        }
        try {
            return new ModelUsage(
                    Math.max(0, node.path("prompt_eval_count").asInt(0)), Math.max(0, node.path("eval_count").asInt(0)),
                    nanos(node, "prompt_eval_duration"), nanos(node, "eval_duration"), nanos(node, "load_duration"),
                    nanos(node, "total_duration"));
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Duration nanos(JsonNode node, String field) {
        return Duration.ofNanos(Math.max(0, node.path(field).asLong(0)));
    }
}
