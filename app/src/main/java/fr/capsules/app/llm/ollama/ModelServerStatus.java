package fr.capsules.app.llm.ollama;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import fr.capsules.app.llm.CapsuleModels;
import fr.capsules.app.llm.ModelAvailability;
import fr.capsules.app.llm.ModelUnavailableException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the model server at start and then every {@code capsules.ollama.health-interval}: is it
 * reachable ({@code /api/tags}), and is every model the service needs installed. Logs changes
 * once, with the command that fixes a missing model. Thread-safe: readers get an immutable
 * snapshot.
 */
@Component
class ModelServerStatus {

    private static final Logger log = LoggerFactory.getLogger(ModelServerStatus.class);

    private final OllamaProperties properties;
    // A provider: the capsules' models are only asked for at check time (the models need this
    // status, through the port, to be built).
    private final ObjectProvider<CapsuleModels> capsuleModels;
    private final OllamaModels models;
    private volatile Snapshot snapshot;

    ModelServerStatus(OllamaProperties properties, ObjectProvider<CapsuleModels> capsuleModels) {
        this.properties = properties;
        this.capsuleModels = capsuleModels;
        this.models = OllamaModels.builder()
                .httpClientBuilder(new JdkHttpClientBuilder().connectTimeout(properties.connectTimeout()))
                .baseUrl(properties.baseUrlText())
                .timeout(properties.connectTimeout().multipliedBy(3))
                .maxRetries(0)
                .build();
        this.snapshot = new Snapshot(false, false, Map.of(), null, "pas encore vérifié", Map.of());
    }

    /**
     * The state of the server and models.
     *
     * @param checked false before the first check
     * @param models model name → installed
     * @param error why the server is unreachable, null when it is reachable
     * @param digests installed model name (as the server spells it) → digest reported by {@code /api/tags}
     */
    record Snapshot(boolean checked, boolean reachable, Map<String, Boolean> models, Instant checkedAt, String error,
            Map<String, String> digests) {

        /** The digest of the installed model {@code model} names, when the last check saw it. */
        java.util.Optional<String> digestOf(String model) {
            return digests.entrySet().stream().filter(e -> sameModel(e.getKey(), model)).map(Map.Entry::getValue)
                    .findFirst();
        }

        /** Whether the named model can be used now, as far as the last check knows. */
        public boolean canServe(String model) {
            return !checked || (reachable && models.getOrDefault(model, true));
        }

        public List<String> missingModels() {
            return models.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        }
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Whether {@code model} can answer, as the last check saw; the remedy names the Ollama command. */
    ModelAvailability availability(String model) {
        Snapshot current = snapshot;
        if (current.canServe(model)) {
            return ModelAvailability.available();
        }
        if (!current.reachable()) {
            return ModelAvailability.unavailable(ModelUnavailableException.Reason.UNREACHABLE, null);
        }
        return ModelAvailability.unavailable(ModelUnavailableException.Reason.MODEL_MISSING, pullHint(model));
    }

    /** What installs a missing model. */
    static String pullHint(String model) {
        return "exécutez : ollama pull " + model;
    }

    /** The names the service needs: chat model, embedding model, the capsules' own models. */
    Set<String> requiredModels() {
        Set<String> names = new TreeSet<>();
        names.add(properties.chatModel());
        if (properties.hasEmbeddingModel()) {
            names.add(properties.embeddingModel());
        }
        CapsuleModels capsules = capsuleModels.getIfAvailable();
        if (capsules != null) {
            names.addAll(capsules.inService());
        }
        return names;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${capsules.ollama.health-interval:30s}")
    public void check() {
        Snapshot previous = snapshot;
        Snapshot current;
        try {
            List<OllamaModel> installed = models.availableModels().content();
            Map<String, Boolean> present = new LinkedHashMap<>();
            for (String name : requiredModels()) {
                present.put(name, installed.stream().anyMatch(m -> sameModel(m.getName(), name)));
            }
            Map<String, String> digests = new LinkedHashMap<>();
            installed.stream().filter(m -> m.getName() != null && m.getDigest() != null)
                    .forEach(m -> digests.put(m.getName(), m.getDigest()));
            current = new Snapshot(true, true, Map.copyOf(present), Instant.now(), null, Map.copyOf(digests));
        } catch (RuntimeException e) {
            ModelUnavailableException failure = FailureClassifier.classify(e, properties.chatModel());
            current = new Snapshot(true, false, Map.of(), Instant.now(), failure.getMessage(), Map.of());
        }
        snapshot = current;
        logChange(previous, current);
    }

    /** Ollama names {@code mistral} and {@code mistral:latest} the same model. */
    static boolean sameModel(String installed, String wanted) {
        return normalise(installed).equals(normalise(wanted));
    }

    private static String normalise(String name) {
        return name.contains(":") ? name : name + ":latest";
    }

    private void logChange(Snapshot previous, Snapshot current) {
        if (!current.reachable() && (previous.reachable() || !previous.checked())) {
            log.warn(
                    "Serveur de modèles injoignable à {} ({}) : les réponses seront extractives. Démarrez Ollama ou"
                            + " réglez CAPSULES_OLLAMA_BASE_URL.",
                    properties.baseUrlText(), current.error());
        } else if (current.reachable() && !previous.reachable()) {
            log.info("Serveur de modèles joignable à {}", properties.baseUrlText());
        }
        if (current.reachable() && !current.missingModels().equals(previous.missingModels())) {
            current.missingModels().forEach(m -> log.warn("Modèle « {} » absent du serveur : exécutez « ollama pull {} »", m, m));
        }
    }
}
