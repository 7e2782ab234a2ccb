package fr.capsules.app.ask;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrieval and question bounds ({@code capsules.retrieval.*}).
 *
 * @param maxQuestionChars longer questions are refused with a clear message
 * @param extractivePassages passages quoted in an extractive answer
 */
@ConfigurationProperties("capsules.retrieval")
public record RetrievalProperties(
        @DefaultValue("4000") int maxQuestionChars, @DefaultValue("3") int extractivePassages) {}
