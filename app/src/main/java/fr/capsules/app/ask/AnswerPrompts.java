package fr.capsules.app.ask;

import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.llm.ModelPrompt;
import fr.capsules.ingest.index.PassageHit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds the model's prompt from the French templates in {@code prompts/}: the capsule's
 * instructions and the house rules as the system message, the earlier turns, then the numbered
 * passages (title, page, heading path) and the question. Passage numbers are the citation numbers.
 */
@Component
class AnswerPrompts {

    private final String system = PromptTemplates.load("prompts/answer-system.txt");
    private final String user = PromptTemplates.load("prompts/answer-user.txt");

    /** The prompt for {@code model}, the one that serves the capsule. */
    ModelPrompt prompt(String model, CapsuleDefinition capsule, List<PassageHit> passages, List<Turn> history, String question) {
        String instructions = capsule.instructions().isBlank() ? "(aucune)" : capsule.instructions().strip();
        String systemText = system.replace("{{capsuleName}}", capsule.name()).replace("{{instructions}}", instructions);
        List<ModelPrompt.Message> messages = new ArrayList<>();
        for (Turn turn : history) {
            messages.add(new ModelPrompt.Message(ModelPrompt.Role.USER, turn.question()));
            messages.add(new ModelPrompt.Message(ModelPrompt.Role.ASSISTANT, turn.answer()));
        }
        String userText = user.replace("{{passages}}", numbered(passages)).replace("{{question}}", question);
        messages.add(new ModelPrompt.Message(ModelPrompt.Role.USER, userText));
        return new ModelPrompt(model, systemText, messages);
    }

    static String numbered(List<PassageHit> passages) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            PassageHit hit = passages.get(i);
            text.append('[').append(i + 1).append("] « ").append(hit.title()).append(" »");
            if (hit.page() > 0) {
                text.append(", page ").append(hit.page());
            }
            if (!hit.headingPath().isEmpty()) {
                text.append(", section : ").append(String.join(" > ", hit.headingPath()));
            }
            text.append('\n').append(hit.text().strip()).append("\n\n");
        }
        return text.toString().strip();
    }
}
