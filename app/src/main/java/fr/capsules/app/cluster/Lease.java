package fr.capsules.app.cluster;

/** A lease held; {@link #close()} releases it (idempotent). Renewed in the background until then. */
public interface Lease extends AutoCloseable {

    /** The lease's name. */
    String name();

    @Override
    void close();
}
