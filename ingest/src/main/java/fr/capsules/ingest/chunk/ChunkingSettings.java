package fr.capsules.ingest.chunk;

/**
 * Target sizes for text passages, in characters.
 *
 * @param targetChars a passage is closed at the first sentence end after this size
 * @param maxChars hard ceiling; a sentence longer than this is cut at a word boundary
 */
public record ChunkingSettings(int targetChars, int maxChars) {

    public ChunkingSettings {
        if (targetChars < 50 || maxChars < targetChars) {
            throw new IllegalArgumentException(
                    "need 50 <= targetChars <= maxChars, got " + targetChars + ", " + maxChars);
        }
    }

    public static ChunkingSettings defaults() {
        return new ChunkingSettings(900, 1600);
    }
}
