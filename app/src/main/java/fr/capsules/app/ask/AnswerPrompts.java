package fr.capsules.app.ask;

import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.llm.ModelPrompt;
import fr.capsules.app.llm.PassageFence;
import fr.capsules.ingest.index.PassageHit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds the model's prompt from the French templates in {@code prompts/}: the capsule's
 * instructions and the house rules as the system message, the earlier turns, then the numbered
 * passages (title, page, heading path) and the question. Passage numbers are the citation numbers.
 *
 * <p>Each passage is sent inside delimiters drawn anew for each prompt ({@link PassageFence}), which
 * the system message names as data, never instructions.
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
        PassageFence fence = PassageFence.random();
        String userText = user.replace("{{fence}}", fence.code()).replace("{{passages}}", numbered(passages, fence))
                .replace("{{question}}", PassageFence.neutralise(question));
        messages.add(new ModelPrompt.Message(ModelPrompt.Role.USER, userText));
        return new ModelPrompt(model, systemText, messages);
    }

    static String numbered(List<PassageHit> passages, PassageFence fence) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            PassageHit hit = passages.get(i);
            StringBuilder passage = new StringBuilder();
            passage.append('[').append(i + 1).append("] « ").append(hit.title()).append(" »");
            if (hit.page() > 0) {
                passage.append(", page ").append(hit.page());
            }
            if (!hit.headingPath().isEmpty()) {
                passage.append(", section : ").append(String.join(" > ", hit.headingPath()));
            }
            passage.append('\n').append(hit.text().strip());
            text.append(fence.wrap(i + 1, passage.toString())).append("\n\n");
        }
        return text.toString().strip();
    }
}
