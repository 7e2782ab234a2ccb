package fr.capsules.app.ask;

import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.llm.RequiredModels;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** The models named by capsules in service that override the chat model, for the health check. */
@Component
class CapsuleModels implements RequiredModels {

    private final Capsules capsules;

    CapsuleModels(Capsules capsules) {
        this.capsules = capsules;
    }

    @Override
    public Set<String> modelNames() {
        Set<String> names = new TreeSet<>();
        capsules.all().stream()
                .filter(c -> c.definition().status() != fr.capsules.app.capsule.CapsuleStatus.RETIRED)
                .map(c -> c.definition().model())
                .filter(m -> m != null && !m.isBlank())
                .forEach(names::add);
        return names;
    }
}
