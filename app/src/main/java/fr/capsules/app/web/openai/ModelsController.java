package fr.capsules.app.web.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleHistory;
import fr.capsules.app.capsule.CapsuleStatus;
import fr.capsules.app.capsule.Capsules;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/models}: the capsules the caller may ask (visible and not retired), each as an
 * OpenAI model whose id is the capsule's id; {@code name} and {@code description} are extensions
 * that Open WebUI shows. {@code GET /v1/models/{id}}: one of them, or {@code model_not_found}
 * alike for a capsule that does not exist and one out of the caller's scope.
 */
@RestController
class ModelsController {

    private final Capsules capsules;
    private final CapsuleHistory history;

    ModelsController(Capsules capsules, CapsuleHistory history) {
        this.capsules = capsules;
        this.history = history;
    }

    record ModelList(String object, List<Model> data) {}

    /** @param created when the capsule was first recorded, in seconds since the epoch */
    record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy, String name,
            String description) {}

    @GetMapping("/v1/models")
    ModelList models(CapsulesUser user) {
        List<Model> models = capsules.visibleTo(user).stream()
                .filter(c -> c.definition().status() != CapsuleStatus.RETIRED)
                .map(this::model)
                .toList();
        return new ModelList("list", models);
    }

    @GetMapping("/v1/models/{id}")
    Model model(@PathVariable String id, CapsulesUser user) {
        return model(capsules.require(id, user));
    }

    private Model model(Capsule capsule) {
        long created = history.of(capsule.definition().id()).stream()
                .map(CapsuleHistory.Version::recordedAt)
                .findFirst()
                .orElse(Instant.EPOCH)
                .getEpochSecond();
        return new Model(capsule.definition().id(), "model", created, "capsules", capsule.definition().name(),
                capsule.definition().description());
    }
}
