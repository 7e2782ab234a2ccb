package fr.capsules.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Percentiles, and a report printed and written under {@code target/benchmarks/}. */
final class BenchmarkReport {

    private final StringBuilder text = new StringBuilder();

    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)",
                at(sorted, 0.50) / 1e6, at(sorted, 0.90) / 1e6, at(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6,
                sorted.length);
    }

    static long at(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** The machine's load averages over 1, 5 and 15 minutes, as /proc/loadavg gives them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    BenchmarkReport line(String line) {
        System.out.println(line);
        text.append(line).append('\n');
        return this;
    }

    void write(String name) throws IOException {
        Path dir = Path.of("target", "benchmarks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
    }
}
