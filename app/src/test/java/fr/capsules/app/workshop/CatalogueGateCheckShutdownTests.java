package fr.capsules.app.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.CapsulesApplication;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service stops while the demo's start-up check runs the example capsules through their gate
 * (a slow model: each answer takes a while): the check ends, the evaluation under way is recorded as
 * interrupted by the stop (not left "running", not lost), and nothing is logged as an error — the
 * embedded database stays open until the beans that still write on a stop are done.
 */
@ExtendWith(OutputCaptureExtension.class)
class CatalogueGateCheckShutdownTests {

    @TempDir
    Path data;

    @Test
    void aStopDuringTheStartUpCheckRecordsTheRunAsInterruptedAndLogsNoError(CapturedOutput output) throws Exception {
        try (FakeOllamaServer ollama = FakeOllamaServer.start().withModels("mistral-small3.2")) {
            ollama.withDefaultResponder(call -> ScriptedReply.text("Selon la charte, il faut demander l'avis du référent [1].")
                    .withFirstTokenDelay(Duration.ofMillis(400)));
            ConfigurableApplicationContext service = start(ollama);
            try {
                ollama.awaitChatCalls(2, Duration.ofMinutes(3));
            } finally {
                service.close();
            }
        }

        assertThat(output.getAll()).contains("Vérification des portes de publication du catalogue interrompue par l'arrêt du service")
                .contains("interrompue par l'arrêt du service");
        List<String> errors = output.getAll().lines().filter(line -> line.contains(" ERROR ")).toList();
        assertThat(errors).isEmpty();

        List<String> statuses = new ArrayList<>();
        String url = "jdbc:h2:async:" + data.resolve("db/capsules").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection db = DriverManager.getConnection(url, "capsules", "");
                ResultSet rows = db.createStatement().executeQuery("SELECT status, result FROM evaluations ORDER BY started_at")) {
            while (rows.next()) {
                statuses.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        assertThat(statuses).isNotEmpty().noneMatch(s -> s.startsWith(Evaluation.RUNNING));
        assertThat(statuses.getLast()).startsWith(Evaluation.FAILED).contains("interrompue par l'arrêt du service ; relancez-la");
    }

    private ConfigurableApplicationContext start(FakeOllamaServer ollama) {
        Map<String, Object> properties = new TreeMap<>();
        properties.put("server.port", "0");
        properties.put("capsules.data-dir", data.toString());
        properties.put("capsules.catalog-dir", Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        properties.put("capsules.ollama.base-url", ollama.baseUrl());
        properties.put("capsules.ollama.chat-model", "mistral-small3.2");
        properties.put("capsules.publication.check-catalogue", "true");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(CapsulesApplication.class).profiles("demo").run(arguments);
    }
}
