package fr.capsules.solr;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud cluster on loopback for the tests of the Solr index backend: {@link
 * MiniSolrCloudCluster} (an embedded ZooKeeper and N Jetty nodes) in this JVM, which runs on
 * Solr's class path, apart from the service's.
 *
 * <p>Usage: {@code TestCluster <nodes> <base dir> <configset dir>}. Uploads the configset as
 * "capsules", prints one line {@code NODE <i> <base url>} per node then {@code READY}, and
 * obeys commands read on standard input, one per line: {@code stop <i>} (answers {@code STOPPED
 * <i>}), {@code start <i>} (answers {@code STARTED <i> <base url>}) and {@code quit}. The end of
 * standard input (the parent JVM gone) shuts the cluster down too, so that no node outlives the
 * test that started it.
 */
public final class TestCluster {

    private TestCluster() {}

    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[0]);
        Path base = Path.of(args[1]);
        Path configset = Path.of(args[2]);
        Files.createDirectories(base);
        MiniSolrCloudCluster cluster =
                new MiniSolrCloudCluster.Builder(nodes, base).addConfig("capsules", configset).build();
        try {
            List<JettySolrRunner> runners = List.copyOf(cluster.getJettySolrRunners());
            for (int i = 0; i < runners.size(); i++) {
                System.out.println("NODE " + i + " " + runners.get(i).getBaseUrl());
            }
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] command = line.strip().split(" ");
                if (command[0].equals("quit")) {
                    break;
                }
                try {
                    int i = Integer.parseInt(command[1]);
                    JettySolrRunner runner = runners.get(i);
                    if (command[0].equals("stop")) {
                        runner.stop();
                        System.out.println("STOPPED " + i);
                    } else if (command[0].equals("start")) {
                        runner.start();
                        System.out.println("STARTED " + i + " " + runner.getBaseUrl());
                    } else {
                        System.out.println("UNKNOWN " + line);
                    }
                } catch (Exception e) {
                    System.out.println("FAILED " + line + " " + e);
                }
                System.out.flush();
            }
        } finally {
            cluster.shutdown();
            System.out.println("DOWN");
            System.out.flush();
            System.exit(0);
        }
    }
}
