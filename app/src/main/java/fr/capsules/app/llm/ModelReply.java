package fr.capsules.app.llm;

/**
 * A complete answer of the model.
 *
 * @param model the model that produced it
 * @param finishReason why generation stopped ({@code STOP}, {@code LENGTH}…), for the logs
 */
public record ModelReply(String text, String model, String finishReason, int inputTokens, int outputTokens) {}
