package fr.capsules.ingest.index;

import java.io.IOException;

/**
 * The index folder is already open for writing by another process (a second service on the same
 * data folder, or the command line run while the service is up): only one may write an index. The
 * other's last commit stays readable. The message is French.
 */
public final class IndexInUseException extends IOException {

    public IndexInUseException(String folder, Throwable cause) {
        super("l'index " + folder + " est déjà ouvert en écriture par un autre processus (un autre service "
                + "ou la commande capsules-ingest) ; arrêtez-le avant de réessayer", cause);
    }
}
