package fr.capsules.app.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A synthetic capsule of four short French documents on vaccination and ten reference questions:
 * the calendar answers three of them, the other documents two each, and one question has no answer
 * in the documents.
 */
final class WorkshopFixture {

    static final String CALENDAR = "calendrier-vaccinal-2026.md";
    static final String COLD_CHAIN = "chaine-du-froid.md";
    static final String SIDE_EFFECTS = "declaration-effets-indesirables.md";
    static final String STOCK = "stock-vaccins.md";
    static final String TRAVEL = "vaccination-voyageurs.md";

    static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

    static {
        DOCUMENTS.put(CALENDAR, """
                # Calendrier vaccinal 2026 : points clés pour les agents

                ## Rappel diphtérie, tétanos, poliomyélite chez l'adulte

                Le rappel diphtérie tétanos poliomyélite de l'adulte est fait aux âges fixes de 25 ans, 45 ans et 65 ans,
                puis tous les dix ans après 65 ans.

                ## Vaccination contre la grippe saisonnière

                La campagne de vaccination contre la grippe saisonnière commence le 14 octobre 2026 et se termine le
                31 janvier 2027. Elle concerne les personnes de 65 ans et plus, les femmes enceintes et les professionnels de santé.

                ## Vaccination contre le zona

                La vaccination contre le zona est recommandée pour tous les adultes âgés de 65 ans et plus, en deux doses
                espacées de deux mois.
                """);
        DOCUMENTS.put(COLD_CHAIN, """
                # Chaîne du froid des vaccins

                ## Température de conservation

                Les vaccins sont conservés au réfrigérateur entre +2 °C et +8 °C, jamais au congélateur. La température du
                réfrigérateur est relevée deux fois par jour.

                ## Rupture de la chaîne du froid

                En cas de rupture de la chaîne du froid, les vaccins sont isolés, étiquetés « ne pas utiliser » et le
                pharmacien référent est prévenu dans la journée.
                """);
        DOCUMENTS.put(SIDE_EFFECTS, """
                # Déclaration des effets indésirables après vaccination

                ## Qui déclare

                Tout professionnel de santé qui constate un effet indésirable grave après une vaccination le déclare au
                centre régional de pharmacovigilance.

                ## Délai de déclaration

                La déclaration d'un effet indésirable grave est faite sans délai, sur le portail national de signalement
                des événements sanitaires indésirables.
                """);
        DOCUMENTS.put(STOCK, """
                # Gestion du stock de vaccins du centre de vaccination

                ## Inventaire

                L'inventaire du stock de vaccins est réalisé chaque premier lundi du mois par l'infirmier coordinateur.

                ## Commande

                La commande de vaccins est passée auprès du grossiste répartiteur au plus tard le mercredi, pour une
                livraison le vendredi.
                """);
        DOCUMENTS.put(TRAVEL, """
                # Vaccination des voyageurs

                La vaccination contre la fièvre jaune est faite dans un centre agréé au moins dix jours avant le départ.
                """);
    }

    private WorkshopFixture() {}

    static Map<String, Object> question(String text, List<String> documents, List<String> facts) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("question", text);
        q.put("expectedDocuments", documents);
        q.put("expectedFacts", facts);
        return q;
    }

    /** The ten reference questions; the first three are answered by the calendar only. */
    static List<Map<String, Object>> questions() {
        List<Map<String, Object>> questions = new ArrayList<>();
        questions.add(question("À quels âges se fait le rappel diphtérie tétanos poliomyélite chez l'adulte ?", List.of(CALENDAR),
                List.of("25 ans", "45 ans")));
        questions.add(question("Quand commence la campagne de vaccination contre la grippe saisonnière ?", List.of(CALENDAR),
                List.of("14 octobre 2026")));
        questions.add(question("Qui doit recevoir la vaccination contre le zona ?", List.of(CALENDAR), List.of("65 ans")));
        questions.add(question("À quelle température conserver les vaccins au réfrigérateur ?", List.of(COLD_CHAIN),
                List.of("+8 °C")));
        questions.add(question("Que faire en cas de rupture de la chaîne du froid des vaccins ?", List.of(COLD_CHAIN),
                List.of("pharmacien référent")));
        questions.add(question("À qui déclarer un effet indésirable grave après une vaccination ?", List.of(SIDE_EFFECTS),
                List.of("centre régional de pharmacovigilance")));
        questions.add(question("Dans quel délai faire la déclaration d'un effet indésirable grave ?", List.of(SIDE_EFFECTS),
                List.of("sans délai")));
        questions.add(question("Quand est réalisé l'inventaire du stock de vaccins ?", List.of(STOCK),
                List.of("premier lundi du mois")));
        questions.add(question("Quel jour passer la commande de vaccins auprès du grossiste répartiteur ?", List.of(STOCK),
                List.of("mercredi")));
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("question", "Quel est le tarif de la cantine scolaire municipale ?");
        none.put("answerable", false);
        questions.add(none);
        return questions;
    }

    static Map<String, Object> definition(String id, String instructions) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("name", "Vaccination — centre départemental");
        d.put("purpose", "Répondre aux questions des agents sur la vaccination à partir des notes internes.");
        d.put("referent", "Dr Claire Martin");
        d.put("kind", "chat");
        d.put("status", "published");
        d.put("scope", Map.of("generic", false, "services", List.of("inspection")));
        d.put("instructions", instructions);
        return d;
    }

    static ApiClient.Response upload(ApiClient client, String capsule, String... files) {
        List<ApiClient.Part> parts = new ArrayList<>();
        for (String file : files) {
            parts.add(ApiClient.Part.of(file, DOCUMENTS.get(file).getBytes(StandardCharsets.UTF_8)));
        }
        ApiClient.Response response = client.upload("/api/capsules/" + capsule + "/documents", parts);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** Starts an evaluation and waits for its end. */
    static JsonNode evaluate(ApiClient client, String capsule) {
        ApiClient.Response started = client.postJson("/api/capsules/" + capsule + "/evaluations", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return awaitEvaluation(client, capsule, started.json().get("id").asString());
    }

    static JsonNode awaitEvaluation(ApiClient client, String capsule, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode evaluation = client.get("/api/capsules/" + capsule + "/evaluations/" + id).json();
            if (!"running".equals(evaluation.get("status").asString())) {
                return evaluation;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("evaluation " + id + " still running after 120 s");
    }

    static String documentId(ApiClient client, String capsule, String file) {
        for (JsonNode d : client.get("/api/capsules/" + capsule + "/documents").json()) {
            if (d.get("file").asString().equals(file)) {
                return d.get("documentId").asString();
            }
        }
        throw new AssertionError(file + " not in " + capsule);
    }
}
