package fr.capsules.app.llm;

/**
 * Receives a streamed generation. Called from the HTTP client's threads, one call at a time for a
 * given generation; exactly one of {@link #onComplete} and {@link #onError} ends it, unless it was
 * cancelled.
 */
public interface TokenListener {

    void onToken(String text);

    void onComplete(ModelReply reply);

    void onError(ModelUnavailableException error);
}
