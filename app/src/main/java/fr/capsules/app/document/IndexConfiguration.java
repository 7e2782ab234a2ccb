package fr.capsules.app.document;

import fr.capsules.app.CapsulesProperties;
import fr.capsules.ingest.index.IndexBackend;
import fr.capsules.ingest.index.lucene.LuceneBackend;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search engine behind the capsule indexes: the one place of the service that names it.
 * Everything else works on the index port ({@link IndexBackend}, {@code CapsuleIndex}).
 */
@Configuration
class IndexConfiguration {

    /** Embedded Lucene, one folder per capsule under {@code data/indexes}. */
    @Bean
    IndexBackend indexBackend(CapsulesProperties properties) {
        return new LuceneBackend(properties.indexesDir());
    }
}
