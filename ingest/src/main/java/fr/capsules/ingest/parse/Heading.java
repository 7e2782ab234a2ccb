package fr.capsules.ingest.parse;

/** A heading; {@code level} 1 is the top level. */
public record Heading(int level, String text, int page) implements Block {

    public Heading {
        if (level < 1) {
            throw new IllegalArgumentException("heading level must be >= 1, got " + level);
        }
    }
}
