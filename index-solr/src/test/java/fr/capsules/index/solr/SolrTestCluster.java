package fr.capsules.index.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud cluster for the tests: {@code fr.capsules.solr.TestCluster} (module
 * solr-node: MiniSolrCloudCluster, an embedded ZooKeeper and Jetty nodes) in a child JVM whose
 * class path is Solr's own (Lucene 9), resolved by Maven into {@code
 * solr-node/target/cluster-classpath.txt} when the reactor builds solr-node ({@code -am}). The
 * configset is this module's, uploaded as "capsules". Also started by the service's tests (this
 * module's test jar). Started once per test class; {@link #close} stops it, and so does the end of this
 * JVM (the child exits when its standard input closes).
 */
public final class SolrTestCluster implements AutoCloseable {

    private static final Path SOLR_NODE = Path.of("../solr-node/target");
    private static final Path CONFIGSET = Path.of("../index-solr/src/main/resources/solr/configsets/capsules/conf");

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final List<String> nodeUrls = new ArrayList<>();
    private final Path base;

    private SolrTestCluster(Process process, Path base) {
        this.process = process;
        this.base = base;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.outputWriter(StandardCharsets.UTF_8);
    }

    /** Whether the reactor built what the cluster runs on. */
    public static boolean available() {
        return Files.isRegularFile(SOLR_NODE.resolve("cluster-classpath.txt")) && Files.isDirectory(SOLR_NODE.resolve("classes"));
    }

    public static SolrTestCluster start(int nodes) throws IOException {
        Path classpathFile = SOLR_NODE.resolve("cluster-classpath.txt");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(
                    classpathFile.toAbsolutePath() + " is missing: build through the reactor (-pl index-solr -am)");
        }
        String classpath = SOLR_NODE.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(classpathFile).strip();
        Path base = Files.createTempDirectory("capsules-solr-cluster-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java, "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dsolr.log.dir=" + base.resolve("logs"),
                        "-cp", classpath,
                        "fr.capsules.solr.TestCluster",
                        Integer.toString(nodes), base.resolve("cluster").toString(),
                        CONFIGSET.toAbsolutePath().toString())
                .redirectError(base.resolve("cluster.log").toFile())
                .start();
        SolrTestCluster cluster = new SolrTestCluster(process, base);
        try {
            cluster.awaitReady();
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void awaitReady() throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("NODE ")) {
                nodeUrls.add(line.split(" ")[2]);
            } else if (line.equals("READY")) {
                return;
            }
        }
        throw new IOException("the test cluster exited before it was ready; see " + base.resolve("cluster.log"));
    }

    public List<String> nodeUrls() {
        return List.copyOf(nodeUrls);
    }

    SolrSettings settings(int shards, int replicas) {
        return new SolrSettings(nodeUrls, shards, replicas, Duration.ofSeconds(30));
    }

    /** Stops node {@code i} (its Jetty: the node leaves the cluster) and waits until it is down. */
    public void stopNode(int i) throws IOException {
        command("stop " + i, "STOPPED " + i);
    }

    private synchronized void command(String command, String expected) throws IOException {
        in.write(command + "\n");
        in.flush();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(expected)) {
                return;
            }
            if (line.startsWith("FAILED")) {
                throw new IOException(line);
            }
        }
        throw new IOException("the test cluster exited; see " + base.resolve("cluster.log"));
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
            in.close();
        } catch (IOException ignored) {
            // Already gone.
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(base)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Temporary files; best effort.
        }
    }
}
