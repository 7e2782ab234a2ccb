package fr.capsules.app.bench;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link FloodBenchmark} with the per-person limit: two questions in flight. */
class FairUseOnBenchmark extends FloodBenchmark {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws java.io.IOException {
        common(registry, "2");
    }

    @Override
    String name() {
        return "per-person limit 2 in flight";
    }
}
