package fr.capsules.ingest.parse.sandbox;

import java.time.Duration;

/**
 * Where files are parsed: in child JVMs that can be stopped for good ({@link ParserSandbox}), or on
 * threads of the calling JVM (tests, embedded use).
 *
 * @param enabled parse in child processes; false parses in this JVM
 * @param children the most child processes alive at once (files parsed at the same time)
 * @param childHeapBytes the heap of each child ({@code -Xmx}); a file that needs more fails
 * @param filesPerChild a child is replaced after parsing this many files (leaks stay bounded)
 * @param idleTimeout an idle child is stopped after this long without a file
 */
public record SandboxSettings(
        boolean enabled, int children, long childHeapBytes, int filesPerChild, Duration idleTimeout) {

    public SandboxSettings {
        if (children < 1) {
            throw new IllegalArgumentException("children must be at least 1");
        }
        if (childHeapBytes < 32L * 1024 * 1024) {
            throw new IllegalArgumentException("childHeapBytes must be at least 32 MiB");
        }
        if (filesPerChild < 1) {
            throw new IllegalArgumentException("filesPerChild must be at least 1");
        }
    }

    /** Two children of 512 MiB, each replaced after 500 files or 2 idle minutes. */
    public static SandboxSettings defaults() {
        return new SandboxSettings(true, 2, 512L * 1024 * 1024, 500, Duration.ofMinutes(2));
    }

    /** Parsing on threads of this JVM: no child process. */
    public static SandboxSettings inProcess() {
        return new SandboxSettings(false, 1, 512L * 1024 * 1024, 500, Duration.ofMinutes(2));
    }

    /** The same settings with another heap per child. */
    public SandboxSettings withChildHeapBytes(long bytes) {
        return new SandboxSettings(enabled, children, bytes, filesPerChild, idleTimeout);
    }
}
