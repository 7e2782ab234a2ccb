package fr.capsules.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.llm.ScriptedReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** A table row whose model output did not arrive whole is marked incomplete, and validating needs that acknowledged. */
class IncompleteRowsIntegrationTests extends ServiceIntegrationTest {

    private static final String FINDING = "E1 - Le plan bleu n'est pas actualisé depuis 2023.";
    private static final String ROW = "{\"type\": \"écart\", \"reference\": \"\", \"mesure\": \"Actualiser le plan bleu et en"
            + " justifier auprès de l'ARS.\", \"nature\": \"prescription\", \"delai\": \"3 mois\", \"sources\": [1]}";

    static Stream<Arguments> misbehaviours() {
        return Stream.of(
                Arguments.of("plafond de jetons", ScriptedReply.text(ROW).withDoneReason("length"), "longueur maximale"),
                Arguments.of("ligne illisible", ScriptedReply.malformedLineBetween(ROW, ""), "illisible"),
                Arguments.of("UTF-8 invalide", ScriptedReply.invalidUtf8Between(ROW, ""), "mal encodés"),
                Arguments.of("ligne d'erreur", ScriptedReply.text(ROW).thenErrorLine("CUDA error: out of memory"),
                        "erreur en cours de réponse"),
                Arguments.of("connexion coupée", ScriptedReply.text(ROW).thenCut(), "coupée avant la fin"),
                Arguments.of("répétition sans fin", ScriptedReply.endless("{\"type\": \"écart\", \"mesure\": \"",
                        "Actualiser le plan bleu, "), "répéter les mêmes mots"));
    }

    private JsonNode draft() {
        ApiClient.Response created = as("inspecteur").postJson("/api/capsules/mesures-inspection/drafts", Map.of("input", FINDING));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(as("inspecteur").assign(created.json().get("id").asString(), "controleur").status()).isEqualTo(200);
        return created.json();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misbehaviours")
    void aRowWhoseModelOutputDidNotArriveWholeIsMarkedIncomplete(String name, ScriptedReply reply, String why) {
        OLLAMA.withDefaultResponder(call -> reply);

        JsonNode draft = draft();
        JsonNode row = draft.get("content").get("rows").get(0);

        assertThat(draft.get("incomplete").asBoolean()).as(name).isTrue();
        assertThat(draft.get("incompleteRows")).as(name).extracting(JsonNode::asInt).containsExactly(1);
        assertThat(row.get("warnings")).as(name).anySatisfy(w -> assertThat(w.asString())
                .startsWith("Ligne incomplète : ").contains(why));
    }

    @Test
    void anIncompleteRowIsEditableButTheDraftValidatesOnlyOnceItsWarningIsAcknowledged() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text(ROW).withDoneReason("length"));
        JsonNode draft = draft();
        String id = draft.get("id").asString();
        List<String> all = new ArrayList<>();
        String incomplete = null;
        for (JsonNode warning : draft.get("openWarnings")) {
            all.add(warning.get("id").asString());
            if (warning.get("message").asString().startsWith("Ligne incomplète : ")) {
                incomplete = warning.get("id").asString();
                assertThat(warning.get("location").asString()).isEqualTo("Ligne 1");
            }
        }
        assertThat(incomplete).as(draft.toString()).isNotNull();
        String skipped = incomplete;

        JsonNode rows = draft.get("content").get("rows");
        assertThat(as("inspecteur").putJson("/api/drafts/" + id + "/content", Map.of("rows", rows)).status()).isEqualTo(200);
        ApiClient.Response refused = as("controleur").postJson("/api/drafts/" + id + "/validate",
                Map.of("acknowledgedWarnings", all.stream().filter(w -> !w.equals(skipped)).toList()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("Ligne incomplète").contains(skipped);

        ApiClient.Response validated = as("controleur").postJson("/api/drafts/" + id + "/validate", Map.of("acknowledgedWarnings", all));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
    }

    @Test
    void aWholeRetrySupersedesAnIncompleteFirstAnswer() {
        AtomicInteger calls = new AtomicInteger();
        OLLAMA.withDefaultResponder(call -> calls.incrementAndGet() == 1
                ? ScriptedReply.text(ROW.substring(0, 40)).withDoneReason("length")
                : ScriptedReply.text(ROW));

        JsonNode draft = draft();
        JsonNode row = draft.get("content").get("rows").get(0);

        assertThat(draft.get("incomplete").asBoolean()).isFalse();
        assertThat(draft.get("incompleteRows")).isEmpty();
        assertThat(row.get("cells").get("mesure").asString()).startsWith("Actualiser le plan bleu");
    }
}
