package fr.capsules.ingest;

/**
 * Bounds on a {@code .zip} upload, so that an archive cannot exhaust disk or memory.
 *
 * @param maxEntries files in one archive
 * @param maxTotalBytes total uncompressed bytes, counted while reading (headers may lie)
 * @param maxRatio total uncompressed size over the archive's size
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes, double maxRatio) {

    public static ArchiveLimits defaults() {
        return new ArchiveLimits(500, 200L * 1024 * 1024, 100.0);
    }
}
