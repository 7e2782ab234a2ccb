package fr.capsules.app.llm.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.app.llm.CapsuleModels;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.LanguageModel;
import fr.capsules.app.llm.ModelPrompt;
import fr.capsules.app.llm.ModelQueue;
import fr.capsules.app.llm.ModelQueueProperties;
import fr.capsules.app.llm.ModelReply;
import fr.capsules.app.llm.ModelUnavailableException;
import fr.capsules.app.llm.OutputDefect;
import fr.capsules.app.llm.ScriptedReply;
import fr.capsules.app.llm.TokenListener;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** Each way a model server can misbehave ends the generation and marks the reply incomplete, keeping what came. */
class OllamaLanguageModelDefectsTests {

    private final FakeOllamaServer ollama = FakeOllamaServer.start();
    private final OllamaLanguageModel model = model(Duration.ofSeconds(3), Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        model.destroy();
        ollama.close();
    }

    private OllamaLanguageModel model(Duration timeout, Duration deadline) {
        OllamaProperties properties = new OllamaProperties(URI.create(ollama.baseUrl()), FakeOllamaServer.DEFAULT_CHAT_MODEL, "",
                384, Duration.ofSeconds(2), timeout, 8192, 2048, 0.1, Duration.ofMinutes(1), Duration.ofMinutes(5), deadline);
        return new OllamaLanguageModel(properties,
                new ModelServerStatus(properties, new DefaultListableBeanFactory().getBeanProvider(CapsuleModels.class)),
                new ModelQueue(new ModelQueueProperties(16, 64, Duration.ofSeconds(10))));
    }

    private static ModelPrompt prompt() {
        return new ModelPrompt(null, "Réponds en français.",
                List.of(new ModelPrompt.Message(ModelPrompt.Role.USER, "Quel délai pour accuser réception ?")));
    }

    @Test
    void aMalformedLineEndsTheAnswerWhereItStood() {
        ollama.enqueue(ScriptedReply.malformedLineBetween("Sous dix jours ", "ouvrés [1]."));

        ModelReply reply = model.generate(prompt());

        assertThat(reply.defect()).isEqualTo(OutputDefect.MALFORMED_LINE);
        assertThat(reply.text()).isEqualTo("Sous dix jours ");
    }

    @Test
    void bytesThatAreNotUtf8AreCaughtNotReplaced() {
        ollama.enqueue(ScriptedReply.invalidUtf8Between("Le ", "est de dix jours."));

        ModelReply reply = model.generate(prompt());

        assertThat(reply.defect()).isEqualTo(OutputDefect.INVALID_TEXT);
        assertThat(reply.text()).isEqualTo("Le ").doesNotContain("\uFFFD");
    }

    @Test
    void replacementCharactersSentByTheServerAreCaught() {
        ollama.enqueue(ScriptedReply.text("Le d\uFFFDlai est de dix jours."));

        ModelReply reply = model.generate(prompt());

        assertThat(reply.defect()).isEqualTo(OutputDefect.INVALID_TEXT);
        assertThat(reply.text()).isEqualTo("Le ");
    }

    @Test
    void anErrorLineMidStreamKeepsTheTextBeforeIt() {
        ollama.enqueue(ScriptedReply.errorMidStream(3, "CUDA error: out of memory"));

        ModelReply reply = model.generate(prompt());

        assertThat(reply.defect()).isEqualTo(OutputDefect.ERROR_LINE);
        assertThat(reply.text()).isEqualTo("mot1 mot2 mot3 ");
    }

    @Test
    void anIncompleteAnswerCountsTheTokensItReceivedSinceNoFinalLineReportsThem() {
        ollama.enqueue(ScriptedReply.errorMidStream(3, "CUDA error: out of memory"));

        assertThat(model.generate(prompt()).usage().completionTokens()).isEqualTo(3);
    }

    @Test
    void aWholeAnswerLeavesItsConnectionToBeReusedRatherThanAbandoned() {
        ollama.enqueue(ScriptedReply.text("Sous dix jours ouvrés [1]."), ScriptedReply.text("Sous deux mois [2]."));

        model.generate(prompt());
        model.generate(prompt());

        assertThat(ollama.cancelledStreams()).isZero();
    }

    @Test
    void aStreamThatStopsWithoutItsFinalLineIsACutConnection() {
        ollama.enqueue(ScriptedReply.truncatedStream(2));

        assertThat(model.generate(prompt()).defect()).isEqualTo(OutputDefect.CONNECTION_CUT);
    }

    @Test
    void anAnswerStoppedByTheTokenCapIsMarked() {
        ollama.enqueue(ScriptedReply.text("Le délai est de dix jours ouvrés et").withDoneReason("length"));

        ModelReply reply = model.generate(prompt());

        assertThat(reply.defect()).isEqualTo(OutputDefect.TOKEN_CAP);
        assertThat(reply.text()).isEqualTo("Le délai est de dix jours ouvrés et");
        assertThat(ollama.lastChatCall().option("num_predict").asInt()).isEqualTo(2048);
    }

    @Test
    void aWholeAnswerHasNoDefect() {
        ollama.enqueue(ScriptedReply.text("Sous dix jours ouvrés [1]."));

        ModelReply reply = model.generate(prompt());

        assertThat(reply.whole()).isTrue();
        assertThat(reply.text()).isEqualTo("Sous dix jours ouvrés [1].");
    }

    @Test
    void aModelRepeatingItselfForeverIsStoppedAndItsConnectionClosed() {
        ollama.enqueue(ScriptedReply.endless("Selon la procédure [1], ", "le délai est de dix jours ouvrés, ")
                .withTokenDelay(Duration.ofMillis(2)));

        ModelReply reply = model.generate(prompt());

        assertThat(reply.defect()).isEqualTo(OutputDefect.REPETITION);
        assertThat(reply.text()).isEqualTo("Selon la procédure [1], le délai est de dix jours ouvrés,");
        assertThat(ollama.awaitCancelledStreams(1, Duration.ofSeconds(10))).isEqualTo(1);
    }

    @Test
    void aGenerationPastTheDeadlineIsStoppedWithWhatItWrote() {
        OllamaLanguageModel shortDeadline = model(Duration.ofSeconds(3), Duration.ofSeconds(1));
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            words.add("mot" + i + " ");
        }
        ollama.enqueue(ScriptedReply.tokens(words).withTokenDelay(Duration.ofMillis(20)));

        ModelReply reply = shortDeadline.generate(prompt());

        assertThat(reply.defect()).isEqualTo(OutputDefect.DEADLINE);
        assertThat(reply.text()).startsWith("mot0 mot1 ").doesNotContain("mot399");
        assertThat(ollama.awaitCancelledStreams(1, Duration.ofSeconds(10))).isEqualTo(1);
        shortDeadline.destroy();
    }

    @Test
    void aDefectBeforeAnyTextIsAFailureNotAnEmptyAnswer() {
        ollama.enqueue(ScriptedReply.errorMidStream(0, "llama runner process has terminated"));

        assertThatThrownBy(() -> model.generate(prompt()))
                .isInstanceOfSatisfying(ModelUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(ModelUnavailableException.Reason.SERVER_ERROR));
    }

    @Test
    void cancellingWhileTheModelIsStillSilentClosesTheConnectionAtOnce() {
        ollama.enqueue(ScriptedReply.text("Sous dix jours.").withFirstTokenDelay(Duration.ofSeconds(60)));
        OllamaLanguageModel patient = model(Duration.ofSeconds(120), Duration.ofMinutes(5));
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Object> ended = new CompletableFuture<>();

        LanguageModel.Generation generation = patient.stream(prompt(), listener(received, ended));
        ollama.awaitChatCalls(1, Duration.ofSeconds(10));
        generation.cancel();

        // The fake would write its first token only after a minute: it saw the connection close well before.
        assertThat(ollama.awaitCancelledStreams(1, Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(received).isEmpty();
        assertThat(ended).isNotDone();
        patient.destroy();
    }

    @Test
    void aStreamedAnswerCarriesItsDefectToTheListener() throws Exception {
        ollama.enqueue(ScriptedReply.malformedLineBetween("Sous dix jours ", "ouvrés [1]."));
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Object> ended = new CompletableFuture<>();

        model.stream(prompt(), listener(received, ended));

        Object end = ended.get(10, TimeUnit.SECONDS);
        assertThat(end).isInstanceOfSatisfying(ModelReply.class, r -> assertThat(r.defect()).isEqualTo(OutputDefect.MALFORMED_LINE));
        assertThat(String.join("", received)).isEqualTo("Sous dix jours ");
    }

    private static TokenListener listener(List<String> received, CompletableFuture<Object> ended) {
        return new TokenListener() {
            @Override
            public void onToken(String text) {
                received.add(text);
            }

            @Override
            public void onComplete(ModelReply reply) {
                ended.complete(reply);
            }

            @Override
            public void onError(ModelUnavailableException error) {
                ended.complete(error);
            }
        };
    }
}
