package fr.capsules.app.usage;

import fr.capsules.app.llm.ModelUsage;

/**
 * Energy and carbon of one generation by the EcoLogits method, version 1.0 of its LLM inference
 * methodology (docs/USAGE.md cites it): GPU energy per generated token grows linearly with the
 * model's active parameters; the rest of the server draws a fixed power for the generation time,
 * shared by the GPUs the model occupies; the room's PUE multiplies both; the grid's carbon
 * intensity turns energy into CO2-equivalent. The generation time is EcoLogits' estimate from the
 * model size, bounded by the time Ollama measured when it reported one. Prompt tokens do not count,
 * as in EcoLogits. Immutable and thread-safe.
 */
final class EcoLogitsMethod {

    /** Wh per output token per billion active parameters, and per output token (EcoLogits' fit). */
    static final double ALPHA = 8.91e-5;
    static final double BETA = 1.43e-3;
    /** Seconds per output token per billion active parameters, and per output token. */
    static final double LATENCY_A = 8.02e-4;
    static final double LATENCY_B = 2.23e-2;
    /** Memory overhead of inference over the weights alone. */
    static final double MEMORY_OVERHEAD = 1.2;

    private final UsageProperties properties;
    private final ModelSizes sizes;

    EcoLogitsMethod(UsageProperties properties) {
        this.properties = properties;
        this.sizes = new ModelSizes(properties);
    }

    Footprint estimate(String model, ModelUsage usage) {
        int tokens = usage.completionTokens();
        if (tokens == 0) {
            return Footprint.NONE;
        }
        double billions = sizes.billionsOf(model);
        int gpus = gpus(billions);
        double gpuWh = tokens * (ALPHA * billions + BETA);
        double seconds = tokens * (LATENCY_A * billions + LATENCY_B);
        if (!usage.total().isZero()) {
            seconds = Math.min(seconds, usage.total().toNanos() / 1e9);
        }
        double serverWh = seconds / 3600 * properties.serverPowerWatts() * gpus / properties.gpusInstalled();
        double energyWh = properties.pue() * (serverWh + gpus * gpuWh);
        return new Footprint(energyWh, energyWh / 1000 * properties.carbonIntensity());
    }

    /** GPUs needed to hold the model: weights at the configured quantisation, with the overhead, per GPU memory. */
    int gpus(double billions) {
        double gigabytes = MEMORY_OVERHEAD * billions * properties.quantizationBits() / 8;
        return Math.max(1, (int) Math.ceil(gigabytes / properties.gpuMemoryGigabytes()));
    }
}
