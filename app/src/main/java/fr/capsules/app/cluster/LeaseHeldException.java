package fr.capsules.app.cluster;

import java.time.Instant;

/** A lease could not be taken: another node (or another request on this node) holds it. */
public final class LeaseHeldException extends RuntimeException {

    private final String name;
    private final String holderNode;
    private final Instant since;

    LeaseHeldException(String name, String holderNode, Instant since) {
        super("lease " + name + " is held by node " + holderNode + " since " + since);
        this.name = name;
        this.holderNode = holderNode;
        this.since = since;
    }

    /** The lease asked for. */
    public String name() {
        return name;
    }

    /** The node that holds it (its {@link Leases#nodeName()}), or "?" when it was released meanwhile. */
    public String holderNode() {
        return holderNode;
    }

    /** When the holder took it, or null. */
    public Instant since() {
        return since;
    }
}
