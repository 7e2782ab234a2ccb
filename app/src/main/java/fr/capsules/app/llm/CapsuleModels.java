package fr.capsules.app.llm;

import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.capsule.CapsuleStatus;
import fr.capsules.app.capsule.Capsules;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Which model serves a capsule: the one its definition names, else the service's default. The one
 * place this is decided, for answers, tables and the AI register alike.
 */
@Component
public class CapsuleModels {

    private final Capsules capsules;
    private final LanguageModel model;

    CapsuleModels(Capsules capsules, LanguageModel model) {
        this.capsules = capsules;
        this.model = model;
    }

    /** The model that writes this capsule's answers and tables. */
    public String modelOf(CapsuleDefinition capsule) {
        return capsule.model() == null || capsule.model().isBlank() ? model.defaultModel() : capsule.model();
    }

    /** Every model the capsules in service need, the default one included: what the server must have. */
    public Set<String> inService() {
        Set<String> names = new TreeSet<>();
        names.add(model.defaultModel());
        capsules.all().stream()
                .filter(c -> c.definition().status() != CapsuleStatus.RETIRED)
                .map(c -> modelOf(c.definition()))
                .forEach(names::add);
        return names;
    }
}
