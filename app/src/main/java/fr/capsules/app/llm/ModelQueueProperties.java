package fr.capsules.app.llm;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The queue in front of the model server ({@code capsules.model-queue.*}).
 *
 * @param slots generations sent to the model server at once (Ollama serves {@code OLLAMA_NUM_PARALLEL} at a time,
 *     the rest would wait on its side, unseen and unbounded)
 * @param waiting generations that may wait for a slot; one more is refused at once
 * @param maxWait how long a generation waits for a slot before it is refused
 */
@Validated
@ConfigurationProperties("capsules.model-queue")
public record ModelQueueProperties(
        @DefaultValue("4") @Min(1) int slots,
        @DefaultValue("64") @Min(0) int waiting,
        @DefaultValue("60s") Duration maxWait) {}
