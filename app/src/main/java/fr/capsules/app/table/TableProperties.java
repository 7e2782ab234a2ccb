package fr.capsules.app.table;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Drafting of tables ({@code capsules.tables.*}).
 *
 * @param concurrency rows drafted at the same time (model requests in flight); set it to what the
 *     model server can serve in parallel ({@code OLLAMA_NUM_PARALLEL})
 * @param maxFindings findings in one draft
 * @param passagesPerRow passages shown to the model for one row
 */
@ConfigurationProperties("capsules.tables")
public record TableProperties(
        @DefaultValue("4") int concurrency, @DefaultValue("200") int maxFindings, @DefaultValue("6") int passagesPerRow) {}
