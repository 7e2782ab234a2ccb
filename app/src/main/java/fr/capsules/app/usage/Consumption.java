package fr.capsules.app.usage;

import fr.capsules.app.llm.ModelUsage;

/**
 * What one answer or table row cost, as shown under it and in the ask response ({@code usage}):
 * the figures the model server reported and the estimate of docs/USAGE.md.
 *
 * @param model the model that generated it
 * @param promptEvalMs milliseconds spent reading the prompt; likewise {@code evalMs} (writing),
 *     {@code loadMs} (loading the model first) and {@code totalMs} (the whole request on the server)
 * @param energyWh estimated watt-hours
 * @param carbonGrams estimated grams of CO2-equivalent
 */
public record Consumption(String model, int promptTokens, int completionTokens, long promptEvalMs, long evalMs,
        long loadMs, long totalMs, double energyWh, double carbonGrams) {

    static Consumption of(String model, ModelUsage usage, Footprint footprint) {
        return new Consumption(model, usage.promptTokens(), usage.completionTokens(), usage.promptEval().toMillis(),
                usage.eval().toMillis(), usage.load().toMillis(), usage.total().toMillis(), footprint.energyWh(),
                footprint.carbonGrams());
    }
}
