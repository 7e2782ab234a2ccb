package fr.capsules.app.export;

/** A file could not be written although the document was valid: a fault of the service, never of the user. */
public class ExportFailedException extends RuntimeException {

    ExportFailedException(ExportFormat format, Throwable cause) {
        super("Could not write the " + format + " export", cause);
    }
}
