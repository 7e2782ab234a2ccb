package fr.capsules.app.ask;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.capsules.app.provenance.Provenance;
import fr.capsules.app.usage.Consumption;
import java.util.List;

/**
 * The response to a question ({@code ../shared/API.md}, "Asking"). Always marked AI-generated.
 *
 * @param usage what the model's answer cost (tokens, durations, energy and carbon estimate); null
 *     when no model wrote it
 * @param evidence how well the capsule's documents support the answer (docs/ABSTENTION.md):
 *     {@code supported} for an answer from the passages, {@code weak} when only the closest passages
 *     are shown (labelled "Passages les plus proches — à vérifier"), {@code none} for a refusal
 * @param provenance the capsule version and the model digest the answer came from (issue 11); null until the answer
 *     is recorded
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
        Consumption usage,
        Evidence.Level evidence,
        Provenance provenance) {

    public static final String LABEL = "Généré par IA — à vérifier";

    public Answer {
        citations = List.copyOf(citations);
        warnings = List.copyOf(warnings);
        if (evidence == null) {
            evidence = mode == AnswerMode.ABSTAINED ? Evidence.Level.NONE : Evidence.Level.SUPPORTED;
        }
    }

    /** An answer whose provenance is not resolved yet. */
    public Answer(String answer, AnswerMode mode, boolean aiGenerated, String label, List<Citation> citations, String model,
            int capsuleVersion, String conversationId, List<AnswerWarning> warnings, Consumption usage,
            Evidence.Level evidence) {
        this(answer, mode, aiGenerated, label, citations, model, capsuleVersion, conversationId, warnings, usage, evidence,
                null);
    }

    /** An answer whose evidence follows from its mode (a refusal: none; otherwise: supported). */
    public Answer(String answer, AnswerMode mode, boolean aiGenerated, String label, List<Citation> citations, String model,
            int capsuleVersion, String conversationId, List<AnswerWarning> warnings, Consumption usage) {
        this(answer, mode, aiGenerated, label, citations, model, capsuleVersion, conversationId, warnings, usage, null);
    }

    /** An answer whose cost is not known (yet). */
    public Answer(String answer, AnswerMode mode, boolean aiGenerated, String label, List<Citation> citations, String model,
            int capsuleVersion, String conversationId, List<AnswerWarning> warnings) {
        this(answer, mode, aiGenerated, label, citations, model, capsuleVersion, conversationId, warnings, null, null);
    }

    /** The same answer with {@code more} warnings after its own. */
    public Answer withWarnings(List<AnswerWarning> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<AnswerWarning> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Answer(answer, mode, aiGenerated, label, citations, model, capsuleVersion, conversationId, all, usage,
                evidence, provenance);
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
        return new Answer(answer, mode, aiGenerated, label, citations, model, capsuleVersion, conversationId, warnings, cost,
                evidence, provenance);
    }

    /** The same answer with where it came from. */
    public Answer withProvenance(Provenance resolved) {
        return new Answer(answer, mode, aiGenerated, label, citations, model, capsuleVersion, conversationId, warnings, usage,
                evidence, resolved);
    }
}
