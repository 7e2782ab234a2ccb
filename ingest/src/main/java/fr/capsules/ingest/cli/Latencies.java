package fr.capsules.ingest.cli;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of measured durations for the benchmarks. */
final class Latencies {

    private Latencies() {}

    static String describe(long[] nanos) {
        if (nanos.length == 0) {
            return "n/a";
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)",
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
