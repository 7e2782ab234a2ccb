package fr.capsules.app.llm.ollama;

import fr.capsules.app.llm.JsonShape;
import fr.capsules.app.llm.ModelPrompt;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of one {@code POST /api/chat}: always streamed, so that every misbehaviour of the model is seen as it
 * happens (the blocking call of the port reads the same stream to its end); the options the service sets
 * ({@code temperature}, {@code num_ctx}, {@code num_predict}) and, for structured output, the JSON schema as
 * {@code format}.
 */
final class ChatRequestBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChatRequestBody() {}

    static String of(ModelPrompt prompt, String model, OllamaProperties properties) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", true);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.system());
        for (ModelPrompt.Message message : prompt.messages()) {
            messages.addObject()
                    .put("role", message.role() == ModelPrompt.Role.USER ? "user" : "assistant")
                    .put("content", message.text());
        }
        body.putObject("options")
                .put("temperature", properties.temperature())
                .put("num_ctx", properties.contextSize())
                .put("num_predict", properties.maxOutputTokens());
        body.put("keep_alive", properties.keepAlive().toSeconds() + "s");
        if (prompt.shape() != null) {
            body.set("format", schema(prompt.shape()));
        }
        return JSON.writeValueAsString(body);
    }

    private static ObjectNode schema(JsonShape shape) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (JsonShape.Property property : shape.properties()) {
            ObjectNode node = properties.putObject(property.name());
            if (property.integerList()) {
                node.put("type", "array").putObject("items").put("type", "integer");
            } else {
                node.put("type", "string");
                if (!property.allowedValues().isEmpty()) {
                    ArrayNode values = node.putArray("enum");
                    property.allowedValues().forEach(values::add);
                }
            }
            if (property.description() != null && !property.description().isBlank()) {
                node.put("description", property.description());
            }
            required.add(property.name());
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
