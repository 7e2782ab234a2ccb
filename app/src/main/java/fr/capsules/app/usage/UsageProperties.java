package fr.capsules.app.usage;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The energy and carbon estimate ({@code capsules.usage.*}); docs/USAGE.md gives the method and the
 * sources of each default.
 *
 * @param carbonIntensity grams of CO2-equivalent per kWh of the grid that powers the model server;
 *     default France's, 81.3 g/kWh (ADEME Base Empreinte, as tabulated by EcoLogits)
 * @param pue power usage effectiveness of the room that hosts it (EcoLogits: 1.2)
 * @param serverPowerWatts power of the server without its GPUs, shared among the GPUs installed
 *     (EcoLogits: 1 kW for 8 GPUs)
 * @param gpusInstalled GPUs in that server (EcoLogits: 8)
 * @param gpuMemoryGigabytes memory of one GPU, to count the GPUs a model needs (EcoLogits: 80)
 * @param quantizationBits bits per weight of the models served (Ollama's default Q4 models: 4)
 * @param defaultParameters billions of parameters assumed for a model whose size is neither
 *     configured nor in its name
 * @param modelParameters billions of (active) parameters by model name, e.g. {@code
 *     "[mistral-small3.2]": 24} (brackets keep the dot in the key); the size tag of a name such as
 *     {@code qwen2.5:7b} is read when the model is not listed
 */
@ConfigurationProperties("capsules.usage")
public record UsageProperties(
        @DefaultValue("81.3") double carbonIntensity,
        @DefaultValue("1.2") double pue,
        @DefaultValue("1000") double serverPowerWatts,
        @DefaultValue("8") int gpusInstalled,
        @DefaultValue("80") double gpuMemoryGigabytes,
        @DefaultValue("4") int quantizationBits,
        @DefaultValue("24") double defaultParameters,
        Map<String, Double> modelParameters) {

    public UsageProperties {
        modelParameters = modelParameters == null ? Map.of() : Map.copyOf(modelParameters);
        if (carbonIntensity < 0 || pue < 1 || serverPowerWatts < 0 || gpusInstalled < 1 || gpuMemoryGigabytes <= 0
                || quantizationBits < 1 || defaultParameters <= 0) {
            throw new IllegalArgumentException("capsules.usage : intensité ≥ 0, PUE ≥ 1, au moins un GPU, mémoire, bits et"
                    + " taille de modèle positifs");
        }
    }
}
