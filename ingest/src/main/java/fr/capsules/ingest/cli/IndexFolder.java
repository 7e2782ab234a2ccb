package fr.capsules.ingest.cli;

import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.IndexInUseException;
import fr.capsules.ingest.index.IndexSettings;
import java.io.IOException;
import fr.capsules.ingest.parse.sandbox.SandboxSettings;
import fr.capsules.ingest.pipeline.CommitRule;
import fr.capsules.ingest.pipeline.Ingestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code index}: indexes a folder into a capsule's index under the data folder, exactly where the
 * service reads it ({@code DATA/indexes/CAPSULE}). Files already indexed are recognised by their
 * hash and skipped, so re-running after an interruption completes the index without duplicates:
 * commits come about every second (or every {@code --commit-every} files), and a crash loses at most
 * the files indexed since the last one.
 * Exit code 0 when every file was indexed or already present, 2 when some were rejected or failed.
 */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Indexe un dossier dans l'index d'une capsule.")
final class IndexFolder implements Callable<Integer> {

    private static final Pattern CAPSULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    @Option(names = "--data", defaultValue = "data", description = "dossier de données du service (défaut : ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--capsule", required = true, description = "identifiant de la capsule, ex. reclamations")
    String capsule;

    @Option(names = "--rebuild", description = "reconstruire l'index à partir de zéro (l'ancien reste utilisable jusqu'à la fin)")
    boolean rebuild;

    @Option(names = "--in-process",
            description = "analyser les fichiers dans ce processus plutôt que dans des processus enfants bornés (temps, mémoire)")
    boolean inProcess;

    @Option(names = "--commit-every", paramLabel = "N",
            description = "valider l'index tous les N fichiers (défaut : environ chaque seconde) ; une interruption perd au plus"
                    + " les fichiers non encore validés, qu'une nouvelle exécution indexe")
    Integer commitEvery;

    @Parameters(index = "0", description = "dossier des documents à indexer")
    Path folder;

    @Override
    public Integer call() throws Exception {
        if (!CAPSULE_ID.matcher(capsule).matches()) {
            System.err.println("identifiant de capsule invalide : 2 à 63 caractères parmi a-z, 0-9 et « - »");
            return 64;
        }
        if (commitEvery != null && commitEvery < 1) {
            System.err.println("--commit-every doit valoir au moins 1 (reçu : " + commitEvery + ")");
            return 64;
        }
        if (!Files.isDirectory(folder)) {
            System.err.println("dossier introuvable : " + folder);
            return 66;
        }
        List<SourceFile> sources = Folders.sources(folder);
        List<IngestionResult> results = new ArrayList<>();
        IngestionSettings settings = IngestionSettings.defaults()
                .withSandbox(inProcess ? SandboxSettings.inProcess() : SandboxSettings.defaults());
        try {
            index(settings, sources, results);
        } catch (IndexInUseException e) {
            System.err.println(e.getMessage());
            return 75;
        }
        if (rebuild) {
            results.forEach(IndexFolder::print);
        }
        return report(results);
    }

    private void index(IngestionSettings settings, List<SourceFile> sources, List<IngestionResult> results) throws IOException {
        CommitRule commits = commitEvery == null ? CommitRule.DEFAULT : CommitRule.everyFiles(commitEvery);
        try (Ingestion ingestion = new Ingestion(settings, null, commits);
                CapsuleIndexStore store =
                        IngestCommand.indexes(dataDir.resolve("indexes")).store(capsule, IndexSettings.lexicalOnly())) {
            if (rebuild) {
                store.rebuild(index -> results.addAll(ingestion.ingestAll(sources, index)));
            } else {
                results.addAll(ingestion.ingestAllWithProgress(sources, store.openCurrent(), IndexFolder::print));
            }
        }
    }

    private static int report(List<IngestionResult> results) {
        long problems = results.stream()
                .filter(r -> r.status() == IngestionStatus.REJECTED || r.status() == IngestionStatus.FAILED)
                .count();
        System.out.printf("%d fichier(s) : %d indexé(s), %d déjà présent(s), %d refusé(s) ou en échec%n",
                results.size(),
                results.stream().filter(r -> r.status() == IngestionStatus.INDEXED).count(),
                results.stream().filter(r -> r.status() == IngestionStatus.DUPLICATE).count(),
                problems);
        return problems == 0 ? 0 : 2;
    }

    private static void print(IngestionResult r) {
        StringBuilder line = new StringBuilder(String.format("%-9s %s", r.status().json(), r.file()));
        if (r.status() == IngestionStatus.INDEXED) {
            line.append(String.format(" — « %s », %d page(s), %d passage(s)", r.title(), r.pages(), r.chunks()));
        }
        if (r.error() != null) {
            line.append(" — ").append(r.error());
        }
        r.warnings().forEach(w -> line.append("\n          ⚠ ").append(w));
        System.out.println(line);
    }
}
