package fr.capsules.app.llm.ollama;

import fr.capsules.ingest.index.Embedder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An {@link Embedder} bean only when an embedding model is configured; otherwise BM25 stands alone. */
@Configuration
class EmbeddingConfiguration {

    @Bean
    @ConditionalOnExpression("!'${capsules.ollama.embedding-model:}'.isBlank()")
    Embedder embedder(OllamaProperties properties) {
        return new OllamaEmbedder(properties);
    }
}
