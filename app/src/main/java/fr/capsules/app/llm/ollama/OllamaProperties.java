package fr.capsules.app.llm.ollama;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local model server ({@code capsules.ollama.*}).
 *
 * @param baseUrl where Ollama listens
 * @param chatModel the model that writes answers, unless a capsule names its own
 * @param embeddingModel the model that embeds passages and questions; empty = no vectors
 * @param embeddingDimension the length of that model's vectors (bge-m3: 1024); recorded in each
 *     index, which refuses vectors of another model or length
 * @param connectTimeout to open a connection; a server that is down is detected this fast
 * @param timeout the longest silence of the model: before its first token, or between two tokens
 * @param contextSize {@code num_ctx}: tokens of prompt plus answer the model may hold
 * @param maxOutputTokens {@code num_predict}: the most tokens one answer may have; a model that repeats itself
 *     stops there instead of holding the request until the stream ends
 * @param temperature low, so that answers stay close to the passages
 * @param keepAlive how long Ollama keeps the model loaded after a request
 * @param healthInterval how often the server and its models are checked
 * @param deadline the longest one generation may last, however steadily the model writes; past it the generation
 *     is ended and its answer marked incomplete
 */
@ConfigurationProperties("capsules.ollama")
public record OllamaProperties(
        @DefaultValue("http://localhost:11434") URI baseUrl,
        @DefaultValue("mistral-small3.2") String chatModel,
        @DefaultValue("") String embeddingModel,
        @DefaultValue("1024") int embeddingDimension,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("120s") Duration timeout,
        @DefaultValue("8192") int contextSize,
        @DefaultValue("2048") int maxOutputTokens,
        @DefaultValue("0.1") double temperature,
        @DefaultValue("10m") Duration keepAlive,
        @DefaultValue("30s") Duration healthInterval,
        @DefaultValue("5m") Duration deadline) {

    public boolean hasEmbeddingModel() {
        return embeddingModel != null && !embeddingModel.isBlank();
    }

    String baseUrlText() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
