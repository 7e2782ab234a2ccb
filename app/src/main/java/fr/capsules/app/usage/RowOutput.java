package fr.capsules.app.usage;

import fr.capsules.app.llm.ModelUsage;

/**
 * One table row as drafted: by the model (with what its calls cost, a retry included) or by
 * similarity with past tables (no model call, {@link ModelUsage#none()}).
 */
public record RowOutput(boolean byModel, ModelUsage usage) {

    public RowOutput {
        usage = usage == null ? ModelUsage.none() : usage;
    }

    public static RowOutput bySimilarity() {
        return new RowOutput(false, ModelUsage.none());
    }
}
