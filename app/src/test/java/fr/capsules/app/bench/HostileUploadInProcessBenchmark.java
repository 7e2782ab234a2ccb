package fr.capsules.app.bench;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link HostileUploadBenchmark} with the parsing on threads of the service (capsules.ingestion.parse-sandbox=false). */
class HostileUploadInProcessBenchmark extends HostileUploadBenchmark {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws java.io.IOException {
        common(registry, false);
    }

    @Override
    String name() {
        return "in-process";
    }
}
