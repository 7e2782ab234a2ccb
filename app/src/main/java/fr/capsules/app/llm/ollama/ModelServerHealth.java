package fr.capsules.app.llm.ollama;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "ollama": UP when the server answers and has every model,
 * DEGRADED otherwise (the service still answers, extractively), with the fix in the details.
 */
@Component("ollama")
class ModelServerHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "le service répond en mode extractif");

    private final ModelServerStatus status;
    private final OllamaProperties properties;

    ModelServerHealth(ModelServerStatus status, OllamaProperties properties) {
        this.status = status;
        this.properties = properties;
    }

    @Override
    public Health health() {
        ModelServerStatus.Snapshot snapshot = status.snapshot();
        Map<String, Object> models = new LinkedHashMap<>();
        snapshot.models().forEach((name, present) ->
                models.put(name, present ? "présent" : "absent — " + ModelServerStatus.pullHint(name)));
        Health.Builder health = snapshot.reachable() && snapshot.missingModels().isEmpty()
                ? Health.up()
                : Health.status(DEGRADED);
        health.withDetail("baseUrl", properties.baseUrlText())
                .withDetail("reachable", snapshot.reachable())
                .withDetail("models", models);
        if (snapshot.checkedAt() != null) {
            health.withDetail("checkedAt", snapshot.checkedAt().toString());
        }
        if (snapshot.error() != null) {
            health.withDetail("error", snapshot.error());
        }
        return health.build();
    }
}
