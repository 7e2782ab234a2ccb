package fr.capsules.ingest.pipeline;

/** French wording of the storage failures a person can act on: a full disk above all. */
final class StorageErrors {

    private StorageErrors() {}

    /** True when {@code e}, or one of its causes, is the system's "no space left on device". */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device") || message.contains("ENOSPC"))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t && diskFull(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "disque plein : …" for a full disk, {@code otherwise} followed by the technical message for the rest. */
    static String describe(Throwable e, String otherwise) {
        if (diskFull(e)) {
            return "disque plein : l'index n'a pas pu être enregistré ; libérez de la place sur le disque du service "
                    + "puis réessayez (le dernier état enregistré de l'index reste consultable)";
        }
        return otherwise + e.getMessage();
    }
}
