package fr.capsules.app.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.capsules.app.llm.ModelUsage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimate follows EcoLogits 1.0 step by step; figures worked out by hand in docs/USAGE.md. */
class EcoLogitsMethodTests {

    private static UsageProperties properties(double carbonIntensity, Map<String, Double> sizes) {
        return new UsageProperties(carbonIntensity, 1.2, 1000, 8, 80, 4, 24, sizes);
    }

    private final EcoLogitsMethod method = new EcoLogitsMethod(properties(81.3, Map.of("mistral-small3.2", 24.0)));

    private static ModelUsage generated(int tokens, Duration total) {
        return new ModelUsage(1_500, tokens, Duration.ZERO, Duration.ZERO, Duration.ZERO, total);
    }

    @Test
    void twoHundredTokensOfA24BModelMeasuredAtFiveSecondsCostAboutOneWattHour() {
        Footprint footprint = method.estimate("mistral-small3.2:latest", generated(200, Duration.ofSeconds(5)));

        // GPU: 200 × (8.91e-5 × 24 + 1.43e-3) = 0.71368 Wh; server: 5 s × 1 kW × 1/8 = 0.17361 Wh; × PUE 1.2.
        assertThat(footprint.energyWh()).isCloseTo(1.064749, within(1e-6));
        assertThat(footprint.carbonGrams()).isCloseTo(1.064749 / 1000 * 81.3, within(1e-6));
    }

    @Test
    void theGenerationTimeIsEcoLogitsEstimateWhenTheServerMeasuredLonger() {
        Footprint measuredLong = method.estimate("mistral-small3.2", generated(200, Duration.ofSeconds(60)));
        Footprint unmeasured = method.estimate("mistral-small3.2", generated(200, Duration.ZERO));

        // 200 × (8.02e-4 × 24 + 2.23e-2) = 8.3096 s bounds the 60 s the server took (a loaded, slow machine).
        double expected = 1.2 * (0.71368 + 8.3096 / 3600 * 1000 / 8);
        assertThat(measuredLong.energyWh()).isCloseTo(expected, within(1e-6));
        assertThat(unmeasured.energyWh()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void noGeneratedTokenCostsNothing() {
        assertThat(method.estimate("mistral-small3.2", generated(0, Duration.ofSeconds(3)))).isEqualTo(Footprint.NONE);
    }

    @Test
    void theCarbonFollowsTheConfiguredGrid() {
        EcoLogitsMethod world = new EcoLogitsMethod(properties(590.4, Map.of()));

        Footprint france = method.estimate("mistral-small3.2", generated(100, Duration.ofSeconds(2)));
        Footprint worldwide = world.estimate("mistral-small3.2", generated(100, Duration.ofSeconds(2)));

        assertThat(worldwide.energyWh()).isCloseTo(france.energyWh(), within(1e-9));
        assertThat(worldwide.carbonGrams() / france.carbonGrams()).isCloseTo(590.4 / 81.3, within(1e-9));
    }

    @Test
    void aLargerModelNeedsMoreGpusAndMoreEnergyPerToken() {
        assertThat(method.gpus(24)).isEqualTo(1);
        assertThat(method.gpus(123)).isEqualTo(1);
        assertThat(method.gpus(405)).isEqualTo(4);
        Footprint small = method.estimate("qwen2.5:7b", generated(100, Duration.ZERO));
        Footprint large = method.estimate("llama3.1:70b-instruct-q4_K_M", generated(100, Duration.ZERO));
        assertThat(large.energyWh()).isGreaterThan(small.energyWh() * 3);
    }

    @Test
    void theModelSizeIsConfiguredElseReadFromTheNameElseTheDefault() {
        ModelSizes sizes = new ModelSizes(properties(81.3, Map.of("mistral-small3.2", 24.0)));

        assertThat(sizes.billionsOf("mistral-small3.2:latest")).isEqualTo(24.0);
        assertThat(sizes.billionsOf("qwen2.5:7b")).isEqualTo(7.0);
        assertThat(sizes.billionsOf("llama3.1:8b-instruct-q4_K_M")).isEqualTo(8.0);
        assertThat(sizes.billionsOf("gemma3:270m")).isEqualTo(0.27);
        assertThat(sizes.billionsOf("mistral-nemo")).isEqualTo(24.0);
    }
}
