package fr.capsules.app.llm;

/**
 * Whether a model can answer now and, when it cannot, why and what an operator does about it.
 *
 * @param reason null when the model is available
 * @param remedy what fixes it, in French (e.g. the command that installs the model); null when
 *     there is nothing specific to say
 */
public record ModelAvailability(ModelUnavailableException.Reason reason, String remedy) {

    private static final ModelAvailability AVAILABLE = new ModelAvailability(null, null);

    public static ModelAvailability available() {
        return AVAILABLE;
    }

    public static ModelAvailability unavailable(ModelUnavailableException.Reason reason, String remedy) {
        return new ModelAvailability(java.util.Objects.requireNonNull(reason, "reason"), remedy);
    }

    public boolean isAvailable() {
        return reason == null;
    }

    /**
     * The failure to report instead of an answer.
     *
     * @throws IllegalStateException when the model is available
     */
    public ModelUnavailableException failure() {
        if (reason == null) {
            throw new IllegalStateException("the model is available");
        }
        return new ModelUnavailableException(reason, remedy, null);
    }
}
