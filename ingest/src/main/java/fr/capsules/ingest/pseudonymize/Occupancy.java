package fr.capsules.ingest.pseudonymize;

import java.util.Map;
import java.util.TreeMap;

/** The spans of a text already claimed by a detection or a protected reference. Not thread-safe. */
final class Occupancy {

    private final TreeMap<Integer, Integer> spans = new TreeMap<>();

    /** Claims {@code [start, end)} if it overlaps no claimed span; true when claimed. */
    boolean claim(int start, int end) {
        Map.Entry<Integer, Integer> before = spans.floorEntry(start);
        if (before != null && before.getValue() > start) {
            return false;
        }
        Integer after = spans.ceilingKey(start);
        if (after != null && after < end) {
            return false;
        }
        spans.put(start, end);
        return true;
    }
}
