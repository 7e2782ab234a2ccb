package fr.capsules.app.llm;

/**
 * A complete answer of the model.
 *
 * @param model the model that produced it
 * @param finishReason why generation stopped ({@code STOP}, {@code LENGTH}…), for the logs
 * @param usage tokens and durations as the server reported them; never null
 */
public record ModelReply(String text, String model, String finishReason, ModelUsage usage) {

    public ModelReply {
        usage = usage == null ? ModelUsage.none() : usage;
    }
}
