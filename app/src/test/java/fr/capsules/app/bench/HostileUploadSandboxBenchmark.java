package fr.capsules.app.bench;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link HostileUploadBenchmark} with the parsing in child JVMs (the service's default). */
class HostileUploadSandboxBenchmark extends HostileUploadBenchmark {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws java.io.IOException {
        common(registry, true);
    }

    @Override
    String name() {
        return "sandbox";
    }
}
