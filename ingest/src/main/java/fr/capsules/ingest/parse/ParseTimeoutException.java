package fr.capsules.ingest.parse;

import java.time.Duration;

/** Parsing of one file went over its time limit. */
public final class ParseTimeoutException extends RuntimeException {

    public ParseTimeoutException(Duration limit) {
        super("analyse interrompue après " + limit.toSeconds() + " s (limite de temps par fichier)");
    }
}
