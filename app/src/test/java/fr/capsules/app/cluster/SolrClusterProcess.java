package fr.capsules.app.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud cluster for the service's tests, as the index-solr module's tests start it:
 * {@code fr.capsules.solr.TestCluster} (module solr-node: MiniSolrCloudCluster, an embedded ZooKeeper
 * and Jetty nodes) in a child JVM on Solr's own class path (Lucene 9), resolved by Maven into
 * {@code solr-node/target/cluster-classpath.txt} when the reactor builds solr-node ({@code -am}).
 */
final class SolrClusterProcess implements AutoCloseable {

    private static final Path SOLR_NODE = Path.of("../solr-node/target");
    private static final Path CONFIGSET = Path.of("../index-solr/src/main/resources/solr/configsets/capsules/conf");

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final List<String> nodeUrls = new ArrayList<>();
    private final Path base;

    private SolrClusterProcess(Process process, Path base) {
        this.process = process;
        this.base = base;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.outputWriter(StandardCharsets.UTF_8);
    }

    /** Whether the reactor built what the cluster runs on. */
    static boolean available() {
        return Files.isRegularFile(SOLR_NODE.resolve("cluster-classpath.txt")) && Files.isDirectory(SOLR_NODE.resolve("classes"));
    }

    static SolrClusterProcess start(int nodes) throws IOException {
        String classpath = SOLR_NODE.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(SOLR_NODE.resolve("cluster-classpath.txt")).strip();
        Path base = Files.createTempDirectory("capsules-nodes-solr-");
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
        SolrClusterProcess cluster = new SolrClusterProcess(process, base);
        try {
            String line;
            while ((line = cluster.out.readLine()) != null) {
                if (line.startsWith("NODE ")) {
                    cluster.nodeUrls.add(line.split(" ")[2]);
                } else if (line.equals("READY")) {
                    return cluster;
                }
            }
            throw new IOException("the test cluster exited before it was ready; see " + base.resolve("cluster.log"));
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    List<String> nodeUrls() {
        return List.copyOf(nodeUrls);
    }

    /** Stops node {@code i} (its Jetty leaves the cluster) and waits until it is down. */
    synchronized void stopNode(int i) throws IOException {
        in.write("stop " + i + "\n");
        in.flush();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("STOPPED " + i)) {
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
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Temporary files; best effort.
        }
    }
}
