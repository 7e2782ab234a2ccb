package fr.capsules.ingest.parse.sandbox;

import java.io.IOException;

/**
 * The child process parsing a file ended without an answer (killed from outside, crashed). The
 * file was not parsed; the next one gets a fresh child. The message is French.
 */
public final class ParserCrashedException extends IOException {

    public ParserCrashedException(String message, Throwable cause) {
        super(message, cause);
    }
}
