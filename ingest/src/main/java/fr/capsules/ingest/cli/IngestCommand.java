package fr.capsules.ingest.cli;

import fr.capsules.ingest.index.IndexBackend;
import fr.capsules.ingest.index.lucene.LuceneBackend;
import fr.capsules.ingest.index.lucene.PlainBm25;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The ingestion command line: index a folder into a capsule's index without the web service, and
 * the benchmark harnesses.
 */
@Command(
        name = "capsules-ingest",
        mixinStandardHelpOptions = true,
        description = "Indexation des documents d'une capsule, sans le service web.",
        subcommands = {IndexFolder.class, RetrievalBenchmark.class, IngestionBenchmark.class})
public final class IngestCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The capsule indexes under {@code root}: the one place of the command line that names the
     * search engine, so that the commands work on the index port alone.
     */
    static IndexBackend indexes(Path root) {
        return new LuceneBackend(root);
    }

    /**
     * Plain Lucene BM25 with Lucene's FrenchAnalyzer over the same passages, the reference of
     * {@code bench-retrieval}: the best {@code depth} passages' document ids.
     */
    static DocumentRanking plainBm25(Map<String, List<String>> passagesByDocument, int depth) throws IOException {
        PlainBm25 plain = new PlainBm25(passagesByDocument);
        return DocumentRanking.of(question -> plain.rankedDocuments(question, depth), plain);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
