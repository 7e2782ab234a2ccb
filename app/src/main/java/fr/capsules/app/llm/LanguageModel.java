package fr.capsules.app.llm;

/**
 * The service's narrow view of a language model; the only implementation talks to Ollama through
 * LangChain4j. Implementations are thread-safe.
 */
public interface LanguageModel {

    /** The model used when a prompt names none. */
    String defaultModel();

    /** How long a generation may stay silent before it is abandoned. */
    java.time.Duration generationTimeout();

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
