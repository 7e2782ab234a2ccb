package fr.capsules.ingest.index;

import java.util.List;

/**
 * Passages found by {@link CapsuleIndex#searchReporting}, and whether the whole index answered.
 *
 * @param hits best first, as {@link CapsuleIndex#search(String, float[], int)} returns them
 * @param complete false when part of the index (a shard of a distributed index) did not answer:
 *     the hits come from the rest only, and an answer built on them should say so; always true for
 *     the embedded index
 */
public record SearchResult(List<PassageHit> hits, boolean complete) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
