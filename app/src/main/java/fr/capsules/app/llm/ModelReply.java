package fr.capsules.app.llm;

/**
 * An answer of the model.
 *
 * @param model the model that produced it
 * @param finishReason why generation stopped ({@code STOP}, {@code LENGTH}…), for the logs
 * @param usage tokens and durations as the server reported them; never null
 * @param defect null when the output arrived whole; otherwise why it did not, {@code text} being what arrived
 *     before the generation was ended (never blank: with nothing usable, the model port throws instead)
 */
public record ModelReply(String text, String model, String finishReason, ModelUsage usage, OutputDefect defect) {

    public ModelReply {
        usage = usage == null ? ModelUsage.none() : usage;
    }

    /** A whole answer. */
    public ModelReply(String text, String model, String finishReason, ModelUsage usage) {
        this(text, model, finishReason, usage, null);
    }

    /** Whether the output arrived whole. */
    public boolean whole() {
        return defect == null;
    }
}
