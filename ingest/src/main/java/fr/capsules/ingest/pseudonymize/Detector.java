package fr.capsules.ingest.pseudonymize;

import java.util.List;

/**
 * Finds one kind of personal data in a text. Implementations are stateless, thread-safe, compile
 * their patterns once, and never return null; detections may overlap (the {@link Pseudonymizer}
 * settles overlaps).
 */
public interface Detector {

    List<Detection> detect(String text);
}
