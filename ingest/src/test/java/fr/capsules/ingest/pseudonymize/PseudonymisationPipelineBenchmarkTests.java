package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import fr.capsules.ingest.pipeline.Ingestion;
import fr.capsules.ingest.pipeline.IngestionStage;
import fr.capsules.ingest.pipeline.PseudonymiseText;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark corpus through the real ingestion pipeline (parse, normalise, {@link
 * PseudonymiseText}, chunk) rather than the library alone: what reaches the index is the passages
 * and the title, and an annotated personal value whose exact writing (spaces folded) is still in
 * them has leaked. Checks that the wiring (blocks joined and split back, normalisation before)
 * loses nothing the library catches: the residual share must match the library's misses.
 *
 * <p>Run: {@code ./mvnw -B -ntp -pl ingest test -Dtest=PseudonymisationPipelineBenchmarkTests}.
 */
@Tag("benchmark")
class PseudonymisationPipelineBenchmarkTests {

    private static final Map<String, Category> LABELS = Map.of(
            "PERSONNE", Category.PERSON, "NIR", Category.NIR, "TÉLÉPHONE", Category.PHONE, "EMAIL", Category.EMAIL,
            "IBAN", Category.IBAN, "DATE_NAISSANCE", Category.BIRTH_DATE, "ADRESSE", Category.ADDRESS);
    private static final Set<String> PROTECTED = Set.of("ARTICLE", "DATE", "ÉTABLISSEMENT", "INTACT");
    private static final Set<Category> IDENTIFIERS = Set.of(Category.NIR, Category.PHONE, Category.EMAIL, Category.IBAN);

    @TempDir
    Path dir;

    /**
     * @param touched protected spans (article references, dates, establishment names, wrong-key
     *     numbers) no longer found as written in what was indexed
     */
    record Leaks(Map<Category, Integer> gold, Map<Category, Integer> leaked, List<String> examples, List<String> touched) {
        double recall(Category c) {
            return gold.getOrDefault(c, 0) == 0 ? 1.0 : 1.0 - (double) leaked.getOrDefault(c, 0) / gold.get(c);
        }

        String table(String set) {
            StringBuilder out = new StringBuilder("pipeline " + set + "\ncategory       gold  leaked  recall\n");
            gold.forEach((c, n) -> out.append(String.format(Locale.ROOT, "%-14s %4d  %6d  %6.3f%n", c, n,
                    leaked.getOrDefault(c, 0), recall(c))));
            return out.toString();
        }
    }

    private Leaks run(String set) throws IOException, URISyntaxException {
        List<AnnotatedText> documents = PseudonymizationBenchmark.read(
                Path.of(getClass().getResource("/pseudonymisation/" + set).toURI()));
        PseudonymKey key = PseudonymKey.generate();
        Path tableFile = dir.resolve(set + ".cpspt");
        Map<String, String> indexed = new HashMap<>();
        IngestionStage capture = file -> indexed.put(file.name(), fold(file.title() + "\n"
                + file.passages().stream().map(Passage::text).collect(Collectors.joining("\n"))));
        try (CapsuleIndex index = LuceneCapsuleIndex.open(dir.resolve(set), IndexSettings.lexicalOnly());
                Ingestion ingestion = new Ingestion(IngestionSettings.defaults())) {
            List<SourceFile> files = documents.stream()
                    .map(d -> SourceFile.of(d.name(), d.text().getBytes(StandardCharsets.UTF_8)))
                    .toList();
            PseudonymiseText stage = PseudonymiseText.with(PseudonymizationSettings.defaults(), PseudonymTable.empty(),
                    tableFile, key);
            List<IngestionResult> results = ingestion.ingestAll(files, index, stage, List.of(capture));
            assertThat(results).extracting(IngestionResult::status).containsOnly(IngestionStatus.INDEXED);
        }
        Map<Category, Integer> gold = new EnumMap<>(Category.class);
        Map<Category, Integer> leaked = new EnumMap<>(Category.class);
        List<String> examples = new ArrayList<>();
        List<String> touched = new ArrayList<>();
        for (AnnotatedText doc : documents) {
            for (AnnotatedText.Annotation a : doc.annotations()) {
                if (PROTECTED.contains(a.label()) && !indexed.get(doc.name()).contains(fold(a.text()))) {
                    touched.add(doc.name() + ": " + a.label() + " «" + a.text() + "»");
                }
                Category category = LABELS.get(a.label());
                if (category == null) {
                    continue;
                }
                gold.merge(category, 1, Integer::sum);
                if (indexed.get(doc.name()).contains(fold(a.text()))) {
                    leaked.merge(category, 1, Integer::sum);
                    examples.add(doc.name() + ": " + category + " «" + a.text() + "»");
                }
            }
        }
        assertThat(Files.exists(tableFile)).isTrue();
        return new Leaks(gold, leaked, examples, touched);
    }

    private static String fold(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void nothingTheLibraryCatchesLeaksThroughThePipeline() throws Exception {
        for (String set : List.of("dev", "heldout", "heldout-2", "heldout-3")) {
            Leaks leaks = run(set);
            System.out.println(leaks.table(set));
            leaks.examples().forEach(e -> System.out.println("leak  " + e));
            leaks.touched().forEach(t -> System.out.println("touched  " + t));

            for (Category c : IDENTIFIERS) {
                assertThat(leaks.recall(c)).as("%s %s", set, c).isGreaterThanOrEqualTo(0.99);
            }
            assertThat(leaks.recall(Category.PERSON)).as("%s persons", set).isGreaterThanOrEqualTo(0.90);
            assertThat(leaks.touched()).as("%s protected spans changed", set).isEmpty();
        }
    }
}
