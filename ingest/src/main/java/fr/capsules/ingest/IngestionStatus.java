package fr.capsules.ingest;

import java.util.Locale;

/** What became of one file. */
public enum IngestionStatus {
    /** Parsed, chunked and committed to the index. */
    INDEXED,
    /** Same bytes or same normalised content already in the capsule; nothing added. */
    DUPLICATE,
    /** Not acceptable: unsupported type, too large, encrypted, empty, unsafe name. */
    REJECTED,
    /** Acceptable but could not be read: corrupt, over the time or memory limit. */
    FAILED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
