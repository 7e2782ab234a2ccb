package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.Role;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleNotFoundException;
import fr.capsules.app.capsule.Capsules;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ask use case owns the scope rule: an entry point that looked a capsule up by id alone (not
 * through {@link Capsules#require}) still cannot get an answer from a capsule out of the user's scope.
 */
class AskingScopeIntegrationTests extends ServiceIntegrationTest {

    @Autowired
    Asking asking;

    @Autowired
    Capsules capsules;

    @Autowired
    RetrievalProperties bounds;

    private static final CapsulesUser AGENT_WITHOUT_SERVICE =
            new CapsulesUser("agent", "Agent", Set.of(Role.AGENT), Set.of());

    @Test
    void aCapsuleOutOfScopeIsNotFoundEvenWhenTheCallerSkippedTheCheck() {
        Capsule reclamations = capsules.find("reclamations").orElseThrow();

        assertThatThrownBy(() -> asking.answer(reclamations, AGENT_WITHOUT_SERVICE, "Quel est le délai de réponse ?", bounds))
                .isInstanceOf(CapsuleNotFoundException.class);
    }

    @Test
    void aGenericCapsuleStillAnswersThatUser() {
        Capsule charter = capsules.find("charte-ia").orElseThrow();

        Answer answer = asking.answer(charter, AGENT_WITHOUT_SERVICE, "Puis-je utiliser un outil d'IA en ligne ?", bounds);

        assertThat(answer.aiGenerated()).isTrue();
    }
}
