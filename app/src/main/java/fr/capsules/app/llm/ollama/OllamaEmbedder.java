package fr.capsules.app.llm.ollama;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import fr.capsules.ingest.index.Embedder;
import fr.capsules.ingest.index.EmbeddingException;
import java.util.List;

/**
 * The ingest module's {@link Embedder} port, served by Ollama's {@code /api/embed} through
 * LangChain4j. Thread-safe. Fails fast ({@link EmbeddingException}) rather than retrying: callers
 * fall back to lexical search, or report the file as failed.
 */
final class OllamaEmbedder implements Embedder {

    private final String model;
    private final int dimension;
    private final OllamaEmbeddingModel client;

    OllamaEmbedder(OllamaProperties properties) {
        this.model = properties.embeddingModel();
        this.dimension = properties.embeddingDimension();
        this.client = OllamaEmbeddingModel.builder()
                .httpClientBuilder(new JdkHttpClientBuilder().connectTimeout(properties.connectTimeout()))
                .baseUrl(properties.baseUrlText())
                .modelName(model)
                .timeout(properties.timeout())
                .maxRetries(0)
                // The texts embedded are passages and questions: never in the logs.
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<Embedding> embeddings;
        try {
            embeddings = client.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        } catch (RuntimeException e) {
            throw new EmbeddingException(FailureClassifier.classify(e, model).getMessage(), e);
        }
        if (embeddings == null || embeddings.size() != texts.size()) {
            throw new EmbeddingException("le modèle d'embeddings a renvoyé " + (embeddings == null ? 0 : embeddings.size())
                    + " vecteur(s) pour " + texts.size() + " texte(s)");
        }
        List<float[]> vectors = embeddings.stream().map(Embedding::vector).toList();
        for (float[] vector : vectors) {
            if (vector.length != dimension) {
                throw new EmbeddingException("le modèle « " + model + " » produit des vecteurs de dimension " + vector.length
                        + " et non " + dimension + " : corrigez CAPSULES_OLLAMA_EMBEDDING_DIMENSION");
            }
        }
        return vectors;
    }
}
