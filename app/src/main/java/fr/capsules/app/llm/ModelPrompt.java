package fr.capsules.app.llm;

import java.util.List;

/**
 * What is sent to the model: a system prompt and the conversation, the last message being the
 * user's. {@code model} null means the configured chat model; {@code shape} non-null asks for a
 * JSON answer of that shape (structured output).
 */
public record ModelPrompt(String model, String system, List<Message> messages, JsonShape shape) {

    public ModelPrompt(String model, String system, List<Message> messages) {
        this(model, system, messages, null);
    }


    public ModelPrompt {
        messages = List.copyOf(messages);
        if (messages.isEmpty() || messages.getLast().role() != Role.USER) {
            throw new IllegalArgumentException("a prompt ends with the user's message");
        }
    }

    /** Who wrote a message of the conversation. */
    public enum Role {
        USER,
        ASSISTANT
    }

    /** One message of the conversation. */
    public record Message(Role role, String text) {}
}
