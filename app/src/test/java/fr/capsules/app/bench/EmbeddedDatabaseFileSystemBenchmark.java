package fr.capsules.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * What H2's {@code async:} file system (the embedded database's, so that an interrupted thread cannot close it) costs
 * against the default {@code file:} one, with the rest of the JDBC URL exactly as {@code application.yaml} has it:
 * single-row commits (each written at once, as drafts and audit entries are) and point reads, each file system on a
 * fresh database, interleaved over several rounds. Not part of the suite:
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl app -am test -Dtest=EmbeddedDatabaseFileSystemBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class EmbeddedDatabaseFileSystemBenchmark {

    private static final int ROWS = 5_000;
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void asyncAgainstTheDefaultFileSystem() throws Exception {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        String product = yaml.getObject().getProperty("spring.datasource.url");
        BenchmarkReport report = new BenchmarkReport().line("embedded database, " + ROWS + " single-row commits then " + ROWS
                + " point reads per round, " + ROUNDS + " rounds interleaved (load " + BenchmarkReport.loadAverage() + ")");
        long[][] commits = new long[2][];
        long[][] reads = new long[2][];
        String[] systems = {"file:", "async:"};
        for (int round = 0; round < ROUNDS; round++) {
            for (int s = 0; s < systems.length; s++) {
                Path data = Files.createDirectories(dir.resolve(round + "-" + s));
                String url = product.replace("jdbc:h2:async:", "jdbc:h2:" + systems[s])
                        .replace("${capsules.data-dir-absolute}", data.toString());
                long[][] measured = run(url);
                commits[s] = concat(commits[s], measured[0]);
                reads[s] = concat(reads[s], measured[1]);
            }
        }
        for (int s = 0; s < systems.length; s++) {
            report.line(String.format(Locale.ROOT, "%-7s commit %s", systems[s], BenchmarkReport.percentiles(commits[s])));
            report.line(String.format(Locale.ROOT, "%-7s read   %s", systems[s], BenchmarkReport.percentiles(reads[s])));
        }
        report.line(String.format(Locale.ROOT, "async / file, p50: commit %.2f, read %.2f; p99: commit %.2f, read %.2f",
                ratio(commits, 0.50), ratio(reads, 0.50), ratio(commits, 0.99), ratio(reads, 0.99)));
        report.write("embedded-database-file-system.txt");
    }

    /** Nanoseconds of each commit, then of each read, on a fresh database at {@code url}. */
    private static long[][] run(String url) throws Exception {
        long[] commits = new long[ROWS];
        long[] reads = new long[ROWS];
        String text = "Entrée du journal d'audit : brouillon validé par l'inspectrice, contenu haché. ".repeat(6);
        try (Connection db = DriverManager.getConnection(url, "capsules", "")) {
            db.createStatement().execute("CREATE TABLE entries (id INT PRIMARY KEY, body VARCHAR(1000))");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO entries VALUES (?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    long start = System.nanoTime();
                    insert.setInt(1, i);
                    insert.setString(2, text + i);
                    insert.executeUpdate();
                    commits[i] = System.nanoTime() - start;
                }
            }
            try (PreparedStatement select = db.prepareStatement("SELECT body FROM entries WHERE id = ?")) {
                for (int i = 0; i < ROWS; i++) {
                    long start = System.nanoTime();
                    select.setInt(1, (i * 7919) % ROWS);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        row.getString(1);
                    }
                    reads[i] = System.nanoTime() - start;
                }
            }
        }
        return new long[][] {commits, reads};
    }

    private static double ratio(long[][] nanos, double p) {
        long[] file = nanos[0].clone();
        long[] async = nanos[1].clone();
        Arrays.sort(file);
        Arrays.sort(async);
        return (double) BenchmarkReport.at(async, p) / BenchmarkReport.at(file, p);
    }

    private static long[] concat(long[] a, long[] b) {
        if (a == null) {
            return b;
        }
        long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
