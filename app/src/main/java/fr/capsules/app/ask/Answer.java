package fr.capsules.app.ask;

import java.util.List;

/** The response to a question ({@code ../shared/API.md}, "Asking"). Always marked AI-generated. */
public record Answer(
        String answer,
        AnswerMode mode,
        boolean aiGenerated,
        String label,
        List<Citation> citations,
        String model,
        int capsuleVersion,
        String conversationId,
        List<AnswerWarning> warnings) {

    public static final String LABEL = "Généré par IA — à vérifier";

    public Answer {
        citations = List.copyOf(citations);
        warnings = List.copyOf(warnings);
    }
}
