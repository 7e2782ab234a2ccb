package fr.capsules.ingest.parse;

/**
 * Per-file parsing context: limits, and a cooperative deadline that parsers check between units of
 * work.
 */
public final class ParseContext {

    private final ParseLimits limits;
    private final long deadlineNanos;

    public ParseContext(ParseLimits limits) {
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.timeout().toNanos();
    }

    public ParseLimits limits() {
        return limits;
    }

    /**
     * Throws when the time limit has passed or the parsing thread was interrupted.
     *
     * @throws ParseTimeoutException when parsing must stop
     */
    public void checkpoint() {
        if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadlineNanos > 0) {
            throw new ParseTimeoutException(limits.timeout());
        }
    }
}
