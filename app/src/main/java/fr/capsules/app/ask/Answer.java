package fr.capsules.app.ask;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.capsules.app.usage.Consumption;
import java.util.List;

/**
 * The response to a question ({@code ../shared/API.md}, "Asking"). Always marked AI-generated.
 *
 * @param usage what the model's answer cost (tokens, durations, energy and carbon estimate); null
 *     when no model wrote it
 */
@JsonIgnoreProperties(value = "incomplete", allowGetters = true)
public record Answer(
        String answer,
        AnswerMode mode,
        boolean aiGenerated,
        String label,
        List<Citation> citations,
        String model,
        int capsuleVersion,
        String conversationId,
        List<AnswerWarning> warnings,
        Consumption usage) {

    public static final String LABEL = "Généré par IA — à vérifier";

    public Answer {
        citations = List.copyOf(citations);
        warnings = List.copyOf(warnings);
    }

    /** An answer whose cost is not known (yet). */
    public Answer(String answer, AnswerMode mode, boolean aiGenerated, String label, List<Citation> citations, String model,
            int capsuleVersion, String conversationId, List<AnswerWarning> warnings) {
        this(answer, mode, aiGenerated, label, citations, model, capsuleVersion, conversationId, warnings, null);
    }

    /**
     * Whether the model's output did not arrive whole (a malformed or invalid stream, an error line, a cut
     * connection, the token cap, the deadline, a loop): then a {@link AnswerWarning#INCOMPLETE} warning says why.
     */
    @JsonProperty("incomplete")
    public boolean incomplete() {
        return warnings.stream().anyMatch(w -> AnswerWarning.INCOMPLETE.equals(w.kind()));
    }

    /** The same answer with its cost. */
    public Answer withUsage(Consumption cost) {
        return new Answer(answer, mode, aiGenerated, label, citations, model, capsuleVersion, conversationId, warnings, cost);
    }
}
