package fr.capsules.app.llm;

import java.time.Duration;

/**
 * What one generation cost, as the model server reported it (Ollama's {@code prompt_eval_count},
 * {@code eval_count}, {@code prompt_eval_duration}, {@code eval_duration}, {@code load_duration},
 * {@code total_duration}). A figure the server did not report is zero.
 *
 * @param promptTokens tokens of the prompt the model evaluated (a prompt prefix cached by the
 *     server is not counted again)
 * @param completionTokens tokens the model generated
 * @param promptEval time spent evaluating the prompt
 * @param eval time spent generating
 * @param load time spent loading the model before the request could start
 * @param total the whole request on the server, loading included
 */
public record ModelUsage(int promptTokens, int completionTokens, Duration promptEval, Duration eval, Duration load,
        Duration total) {

    private static final ModelUsage NONE = new ModelUsage(0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public ModelUsage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts are never negative");
        }
        promptEval = nonNegative(promptEval);
        eval = nonNegative(eval);
        load = nonNegative(load);
        total = nonNegative(total);
    }

    /** Nothing reported (no model call, or a server that reports nothing). */
    public static ModelUsage none() {
        return NONE;
    }

    /** The sum of two generations, e.g. a table row's first answer and its retry. */
    public ModelUsage plus(ModelUsage other) {
        return new ModelUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                promptEval.plus(other.promptEval), eval.plus(other.eval), load.plus(other.load), total.plus(other.total));
    }

    private static Duration nonNegative(Duration duration) {
        return duration == null || duration.isNegative() ? Duration.ZERO : duration;
    }
}
