package fr.capsules.ingest.pipeline;

import java.time.Duration;

/**
 * When {@link Ingestion} commits the files indexed so far during a run (it always commits at the
 * end): once at least {@code minFiles} are pending <em>and</em> {@code interval} has passed since
 * the last commit, or at once when {@code maxFiles} files or {@code maxBytes} bytes of them are
 * pending.
 *
 * <p>What a crash may lose is what is pending: with the default, the work of about a second, and
 * never more than {@value #DEFAULT_MAX_FILES} files or 64 MB of them. What a commit costs is a flush
 * of the small segment written since the previous one, an {@code fsync} of its files, the merges of
 * the small segments left behind, and a refresh of the searchers: committing every 32 files,
 * regardless of how fast they come, made a bulk ingestion of small notes commit a few times a
 * second, which cost more than Lucene's own indexing of them (docs/BENCHMARKS.md, issue 17.5).
 *
 * @param minFiles files pending before the interval is looked at; with a long run, a first commit
 *     as soon as that many are indexed and the interval has passed
 * @param interval least time between two commits of a run, unless a maximum is reached
 */
public record CommitRule(int minFiles, Duration interval, int maxFiles, long maxBytes) {

    static final int DEFAULT_MAX_FILES = 1024;

    /** 32 files and a second, at most 1,024 files or 64 MB pending. */
    public static final CommitRule DEFAULT = new CommitRule(32, Duration.ofSeconds(1), DEFAULT_MAX_FILES, 64L << 20);

    public CommitRule {
        if (minFiles < 1 || maxFiles < minFiles || maxBytes < 1 || interval.isNegative()) {
            throw new IllegalArgumentException("inconsistent commit rule: " + minFiles + ", " + interval + ", "
                    + maxFiles + ", " + maxBytes);
        }
    }

    /**
     * Every {@code files} indexed files, whatever the time (the rule before issue 17.5): what an operator
     * chooses who wants a crash to lose at most that many files ({@code index --commit-every}), and what
     * tests that kill an ingestion mid-way use, so that a fast machine cannot finish before the first commit.
     */
    public static CommitRule everyFiles(int files) {
        return new CommitRule(files, Duration.ZERO, files, Long.MAX_VALUE);
    }

    boolean due(int pendingFiles, long pendingBytes, long nanosSinceLastCommit) {
        return pendingFiles >= maxFiles
                || (pendingFiles > 0 && pendingBytes >= maxBytes)
                || (pendingFiles >= minFiles && nanosSinceLastCommit >= interval.toNanos());
    }
}
