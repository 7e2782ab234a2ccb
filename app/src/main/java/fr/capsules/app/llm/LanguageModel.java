package fr.capsules.app.llm;

import java.time.Duration;

/**
 * The model port: what the service needs of a language model server, in the service's own terms.
 * The only implementation talks to Ollama ({@code llm.ollama}); callers never see which server,
 * client library or command fixes a missing model. Which model serves a capsule is decided by
 * {@link CapsuleModels}. Implementations are thread-safe.
 */
public interface LanguageModel {

    /** The model that answers for capsules naming none, and for prompts naming none. */
    String defaultModel();

    /** How long a generation may stay silent before it is abandoned. */
    Duration generationTimeout();

    /**
     * Whether {@code model} can answer now, as far as the last check of the server knows; never
     * waits on the network, so that a caller can fall back at once rather than after a timeout.
     * Before the first check, a model counts as available.
     */
    ModelAvailability availability(String model);

    /**
     * The digest the model server reports for {@code model} (the content hash of its weights), as of the
     * last check of the server; empty when unknown (server not reached yet, model missing). Never waits on
     * the network. Published versions, evaluations and answers carry it, so that a change of weights under
     * the same name is seen.
     */
    default java.util.Optional<String> digest(String model) {
        return java.util.Optional.empty();
    }

    /**
     * Generates a whole answer.
     *
     * @throws ModelUnavailableException whatever went wrong, never another exception
     */
    ModelReply generate(ModelPrompt prompt);

    /**
     * Streams an answer to {@code listener}; returns at once.
     *
     * @return a handle to stop the generation (the client left): the server stops generating
     */
    Generation stream(ModelPrompt prompt, TokenListener listener);

    /** A generation under way. */
    interface Generation {
        void cancel();
    }
}
