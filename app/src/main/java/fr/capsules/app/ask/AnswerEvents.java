package fr.capsules.app.ask;

import java.util.List;

/**
 * Receives a streamed answer: tokens as the model writes them, then the citations, then the
 * complete answer. {@link #reset} voids the tokens sent so far (the model failed mid-way and an
 * extractive answer follows).
 */
public interface AnswerEvents {

    void token(String text);

    void reset(String reason);

    void citations(List<Citation> citations);

    void done(Answer answer);

    /**
     * Sent while the model is silent, so that a receiver who left is noticed without waiting for the next token;
     * invisible to the receiver. Does nothing by default.
     */
    default void heartbeat() {}

    /** Whether the receiver is still there; when not, generation is cancelled. */
    boolean isOpen();
}
