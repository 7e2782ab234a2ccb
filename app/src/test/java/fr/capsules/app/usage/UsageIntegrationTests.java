package fr.capsules.app.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ServiceIntegrationTest;
import fr.capsules.app.SseEvents;
import fr.capsules.app.llm.ChatCall;
import fr.capsules.app.llm.ScriptedReply;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Each answer and table row records the figures Ollama reported and the estimate, in the ask
 * response and in the monthly sums, which follow each draft's review. The context (and database)
 * is shared with other test classes, so figures are compared before and after.
 */
class UsageIntegrationTests extends ServiceIntegrationTest {

    private static final String QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";
    private static final ScriptedReply.ReportedMetrics REPORTED =
            new ScriptedReply.ReportedMetrics(1_812, 200, 640_000_000L, 4_100_000_000L, 250_000_000L, 5_000_000_000L);
    /** {@link EcoLogitsMethodTests}: 200 tokens of the 24 B model in 5 s, French grid. */
    private static final double ENERGY_WH = 1.064749;
    private static final Pattern ARTICLE = Pattern.compile("article [LRD]\\.? ?\\d+(?:-\\d+)*");

    @Autowired
    MonthlyUsage monthly;

    @Autowired
    JdbcClient jdbc;

    private UsageTotals thisMonth(String capsule, String service) {
        YearMonth now = YearMonth.now(Attribution.PARIS);
        return monthly.between(now, now).lines().stream()
                .filter(l -> l.capsuleId().equals(capsule) && l.service().equals(service))
                .map(MonthlyUsage.Line::totals)
                .findFirst()
                .orElse(new UsageTotals("", 0, 0, 0, 0, 0, null, null, null, 0, 0, 0, 0));
    }

    private static ScriptedReply answerCitingFirstPassage(ChatCall call) {
        return ScriptedReply.text("L'accusé de réception est envoyé sous dix jours ouvrés [1].").withMetrics(REPORTED);
    }

    @Test
    void anAnswerShowsTheTokensDurationsAndEstimateOllamaReportedAndIsCountedForTheAskersService() {
        OLLAMA.withDefaultResponder(UsageIntegrationTests::answerCitingFirstPassage);
        UsageTotals before = thisMonth("reclamations", "reclamations");

        ApiClient.Response response = as("reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode usage = response.json().get("usage");
        assertThat(usage.get("promptTokens").asInt()).isEqualTo(1_812);
        assertThat(usage.get("completionTokens").asInt()).isEqualTo(200);
        assertThat(usage.get("promptEvalMs").asLong()).isEqualTo(640);
        assertThat(usage.get("evalMs").asLong()).isEqualTo(4_100);
        assertThat(usage.get("loadMs").asLong()).isEqualTo(250);
        assertThat(usage.get("totalMs").asLong()).isEqualTo(5_000);
        assertThat(usage.get("energyWh").asDouble()).isCloseTo(ENERGY_WH, within(1e-6));
        assertThat(usage.get("carbonGrams").asDouble()).isCloseTo(ENERGY_WH / 1000 * 81.3, within(1e-6));
        UsageTotals after = thisMonth("reclamations", "reclamations");
        assertThat(after.questions() - before.questions()).isEqualTo(1);
        assertThat(after.promptTokens() - before.promptTokens()).isEqualTo(1_812);
        assertThat(after.completionTokens() - before.completionTokens()).isEqualTo(200);
        assertThat(after.energyWh() - before.energyWh()).isCloseTo(ENERGY_WH, within(1e-3));
    }

    @Test
    void aStreamedAnswerEndsWithItsUsageAndTheRecordKeepsOllamasNanoseconds() {
        OLLAMA.withDefaultResponder(UsageIntegrationTests::answerCitingFirstPassage);

        List<SseEvents.Event> events = SseEvents.readAll(SseEvents.open(port, "reclamations", "/api/capsules/reclamations/ask",
                "{\"question\": \"" + QUESTION + "\"}").body());

        JsonNode done = events.getLast().data();
        assertThat(events.getLast().name()).isEqualTo("done");
        assertThat(done.get("usage").get("completionTokens").asInt()).isEqualTo(200);
        List<Long> recorded = jdbc.sql("""
                SELECT prompt_eval_ns, eval_ns, load_ns, total_ns FROM usage_records
                WHERE kind = 'answer' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
        assertThat(recorded).containsExactly(640_000_000L, 4_100_000_000L, 250_000_000L, 5_000_000_000L);
    }

    @Test
    void anAnswerWithoutTheModelIsCountedButCostsNothing() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.httpError(500, "runner crashed"));
        UsageTotals before = thisMonth("reclamations", "reclamations");

        JsonNode answer = as("reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION)).json();

        assertThat(answer.get("mode").asString()).isEqualTo("extractive");
        assertThat(answer.get("usage").isNull()).isTrue();
        UsageTotals after = thisMonth("reclamations", "reclamations");
        assertThat(after.questions() - before.questions()).isEqualTo(1);
        assertThat(after.energyWh()).isCloseTo(before.energyWh(), within(1e-9));
    }

    @Test
    void eachTableRowRecordsItsFiguresAndTheDraftsReviewReachesTheMonthlySums() {
        OLLAMA.withDefaultResponder(call -> {
            Matcher article = ARTICLE.matcher(call.lastUserMessage());
            String reference = article.find() ? article.group() : "";
            return ScriptedReply.text("{\"type\": \"écart\", \"reference\": \"" + reference + "\", \"mesure\": \"Mettre en place"
                    + " la procédure.\", \"nature\": \"Prescription\", \"delai\": \"\", \"sources\": [1]}").withMetrics(REPORTED);
        });
        UsageTotals before = thisMonth("mesures-inspection", "inspection");

        ApiClient inspector = as("inspecteur");
        ApiClient.Response created = inspector.postJson("/api/capsules/mesures-inspection/drafts", Map.of("input",
                "E1. Absence de plan bleu actualisé.\nE2. Contentions sans prescription médicale écrite."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        UsageTotals drafted = thisMonth("mesures-inspection", "inspection");
        assertThat(drafted.drafts() - before.drafts()).isEqualTo(1);
        assertThat(drafted.tableRows() - before.tableRows()).isEqualTo(2);
        assertThat(drafted.completionTokens() - before.completionTokens()).isEqualTo(400);
        assertThat(drafted.energyWh() - before.energyWh()).isCloseTo(2 * ENERGY_WH, within(1e-3));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM usage_records WHERE draft_id = ? AND kind = 'row' AND total_ns = 5000000000")
                .param(id).query(Long.class).single()).isEqualTo(2);

        // Four eyes on table capsules: a colleague the inspector assigns validates.
        assertThat(inspector.assign(id, "controleur").status()).isEqualTo(200);
        assertThat(as("controleur").validateAcknowledgingEveryWarning(id).status()).isEqualTo(200);

        UsageTotals validated = thisMonth("mesures-inspection", "inspection");
        assertThat(validated.validated() - before.validated()).isEqualTo(1);
        assertThat(validated.drafts()).isEqualTo(drafted.drafts());
        assertThat(validated.meanHoursToValidation()).isNotNull();
    }

    private static JsonNode registerUsage(ApiClient client, String capsule) {
        for (JsonNode entry : client.get("/api/register").json()) {
            if (entry.get("id").asString().equals(capsule)) {
                return entry.get("usage");
            }
        }
        throw new AssertionError("no register entry for " + capsule);
    }

    @Test
    void theRegisterCarriesTokensEnergyAndCarbonWithTheirMonthsAndServicesInJsonAndCsv() {
        OLLAMA.withDefaultResponder(UsageIntegrationTests::answerCitingFirstPassage);
        ApiClient admin = as("admin");
        JsonNode before = registerUsage(admin, "reclamations");

        as("reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION));

        JsonNode after = registerUsage(admin, "reclamations");
        assertThat(after.get("completionTokens").asLong() - before.get("completionTokens").asLong()).isEqualTo(200);
        assertThat(after.get("energyWh").asDouble() - before.get("energyWh").asDouble()).isCloseTo(ENERGY_WH, within(1e-3));
        assertThat(after.get("carbonGrams").asDouble()).isPositive();
        String month = YearMonth.now(Attribution.PARIS).toString();
        assertThat(after.get("byMonth")).anySatisfy(m -> {
            assertThat(m.get("label").asString()).isEqualTo(month);
            assertThat(m.get("questions").asLong()).isPositive();
        });
        assertThat(after.get("byService")).extracting(s -> s.get("label").asString()).contains("reclamations");
        String csv = admin.get("/api/register?format=csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(";jetons du prompt;jetons générés;énergie estimée (Wh);carbone estimé (g CO2e)");
    }

    @Test
    void theUsageExportGivesOneLinePerMonthCapsuleAndServiceToAdministratorsOnly() {
        OLLAMA.withDefaultResponder(UsageIntegrationTests::answerCitingFirstPassage);
        as("reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION));

        ApiClient.Response csv = as("admin").get("/api/usage?format=csv");
        ApiClient.Response refused = as("reclamations").get("/api/usage");
        ApiClient.Response badMonth = as("admin").get("/api/usage?from=2026-13");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFmois;capsule;service;questions;brouillons;")
                .contains(YearMonth.now(Attribution.PARIS) + ";reclamations;reclamations;");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.json().get("detail").asString()).contains("AAAA-MM");
    }
}
