package fr.capsules.app.bench;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link FloodBenchmark} without a per-person limit: the plain first-come first-served queue alone. */
class FairUseOffBenchmark extends FloodBenchmark {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws java.io.IOException {
        common(registry, "1000");
    }

    @Override
    String name() {
        return "no per-person limit";
    }
}
