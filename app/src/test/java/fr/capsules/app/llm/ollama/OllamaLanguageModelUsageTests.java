package fr.capsules.app.llm.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.llm.CapsuleModels;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ModelPrompt;
import fr.capsules.app.llm.ModelReply;
import fr.capsules.app.llm.ModelUnavailableException;
import fr.capsules.app.llm.ModelUsage;
import fr.capsules.app.llm.ScriptedReply;
import fr.capsules.app.llm.TokenListener;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The tokens and durations Ollama reports reach the service, blocking and streamed, call by call. */
class OllamaLanguageModelUsageTests {

    private static final ScriptedReply.ReportedMetrics REPORTED =
            new ScriptedReply.ReportedMetrics(1_234, 3, 456_000_000L, 789_000_000L, 12_000_000L, 1_300_000_000L);
    private static final ModelUsage EXPECTED = new ModelUsage(1_234, 3, Duration.ofMillis(456), Duration.ofMillis(789),
            Duration.ofMillis(12), Duration.ofMillis(1_300));

    private final FakeOllamaServer ollama = FakeOllamaServer.start();
    private final OllamaLanguageModel model = model(ollama);

    @AfterEach
    void stop() {
        ollama.close();
    }

    private static OllamaLanguageModel model(FakeOllamaServer server) {
        OllamaProperties properties = new OllamaProperties(URI.create(server.baseUrl()), FakeOllamaServer.DEFAULT_CHAT_MODEL, "",
                384, Duration.ofSeconds(2), Duration.ofSeconds(10), 8192, 2048, 0.1, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(1));
        return new OllamaLanguageModel(properties,
                new ModelServerStatus(properties, new DefaultListableBeanFactory().getBeanProvider(CapsuleModels.class)),
                new fr.capsules.app.llm.ModelQueue(new fr.capsules.app.llm.ModelQueueProperties(16, 64, Duration.ofSeconds(10))));
    }

    private static ModelPrompt prompt(String question) {
        return new ModelPrompt(null, "Réponds en français.", List.of(new ModelPrompt.Message(ModelPrompt.Role.USER, question)));
    }

    @Test
    void aWholeAnswerCarriesTheTokensAndDurationsOllamaReported() {
        ollama.enqueue(ScriptedReply.text("Sous dix jours ouvrés.").withMetrics(REPORTED));

        ModelReply reply = model.generate(prompt("Quel délai pour accuser réception ?"));

        assertThat(reply.usage()).isEqualTo(EXPECTED);
    }

    @Test
    void aStreamedAnswerCarriesTheFiguresOfItsFinalLine() throws Exception {
        ollama.enqueue(ScriptedReply.text("Sous dix jours ouvrés.").withMetrics(REPORTED));
        CompletableFuture<ModelReply> done = new CompletableFuture<>();

        model.stream(prompt("Quel délai pour accuser réception ?"), new TokenListener() {
            @Override
            public void onToken(String text) {}

            @Override
            public void onComplete(ModelReply reply) {
                done.complete(reply);
            }

            @Override
            public void onError(ModelUnavailableException error) {
                done.completeExceptionally(error);
            }
        });

        assertThat(done.get(10, TimeUnit.SECONDS).usage()).isEqualTo(EXPECTED);
    }

    @Test
    void concurrentCallsEachReceiveTheirOwnFigures() throws Exception {
        ollama.withDefaultResponder(call -> {
            int n = Integer.parseInt(call.lastUserMessage().replaceAll("\\D", ""));
            return ScriptedReply.text("Réponse " + n + ".").withMetrics(
                    new ScriptedReply.ReportedMetrics(n, 2, n * 1_000L, n * 2_000L, 0, n * 3_000L));
        });

        List<CompletableFuture<ModelReply>> replies = java.util.stream.IntStream.rangeClosed(1, 8)
                .mapToObj(n -> CompletableFuture.supplyAsync(() -> model.generate(prompt("Question numéro " + n))))
                .toList();

        for (int n = 1; n <= 8; n++) {
            ModelUsage usage = replies.get(n - 1).get(10, TimeUnit.SECONDS).usage();
            assertThat(usage.promptTokens()).isEqualTo(n);
            assertThat(usage.total()).isEqualTo(Duration.ofNanos(n * 3_000L));
        }
    }

    @Test
    void aFinalObjectWithoutFiguresLeavesThemAtZero() {
        assertThat(ReportedUsage.parse("{\"done\":true,\"total_duration\":0}")).isEqualTo(ModelUsage.none());
        assertThat(ReportedUsage.parse("{\"done\":false}")).isNull();
        assertThat(ReportedUsage.parse("<html>502</html>")).isNull();
    }
}
