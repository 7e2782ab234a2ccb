package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.AnnotatedText.Annotation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Precision and recall of the {@link Pseudonymizer} against an annotated corpus (one folder = one
 * capsule, documents in file-name order through one {@link PseudonymTable}).
 *
 * <p>A replacement and an annotation match when they have the same category and overlap (partial
 * match, as in the i2b2 de-identification evaluations); the exact-span recall is reported beside it.
 * Spans annotated ARTICLE, DATE, ÉTABLISSEMENT or INTACT must not be touched by any replacement.
 * Mentions annotated with the same {@code #id} must get one pseudonym, and different ids different
 * ones.
 *
 * <p>Run: {@code ./mvnw -B -ntp -pl ingest test -Dtest=PseudonymizationBenchmarkTests}, or this
 * class's {@code main} with a corpus folder.
 */
final class PseudonymizationBenchmark {

    static final Map<String, Category> LABELS = Map.of(
            "PERSONNE", Category.PERSON, "NIR", Category.NIR, "TÉLÉPHONE", Category.PHONE,
            "TELEPHONE", Category.PHONE, "EMAIL", Category.EMAIL, "IBAN", Category.IBAN,
            "DATE_NAISSANCE", Category.BIRTH_DATE, "ADRESSE", Category.ADDRESS);
    static final Set<String> PROTECTED = Set.of("ARTICLE", "DATE", "ÉTABLISSEMENT", "INTACT");

    /** Counts for one category. */
    record Score(int gold, int found, int exact, int predicted, int correct) {

        double recall() {
            return gold == 0 ? 1.0 : (double) found / gold;
        }

        double exactRecall() {
            return gold == 0 ? 1.0 : (double) exact / gold;
        }

        double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }
    }

    /** Everything measured on one corpus. */
    record Report(
            String corpus,
            int documents,
            long characters,
            Map<Category, Score> scores,
            Map<String, Integer> protectedSpans,
            Map<String, Integer> protectedTouched,
            int identities,
            Map<String, Set<String>> inconsistentIdentities,
            Map<String, Set<String>> sharedPseudonyms,
            List<String> misses,
            List<String> falsePositives) {

        int positives() {
            return scores.values().stream().mapToInt(Score::gold).sum();
        }

        int touched() {
            return protectedTouched.values().stream().mapToInt(Integer::intValue).sum();
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Corpus %s: %d documents, %d characters, %d annotated entities%n",
                    corpus, documents, characters, positives()));
            out.append(String.format(Locale.ROOT, "%-12s %6s %6s %9s %7s %7s%n", "category", "gold", "pred", "precision",
                    "recall", "exact"));
            scores.forEach((category, s) -> out.append(String.format(Locale.ROOT, "%-12s %6d %6d %9.3f %7.3f %7.3f%n",
                    category, s.gold(), s.predicted(), s.precision(), s.recall(), s.exactRecall())));
            protectedSpans.forEach((label, n) -> out.append(String.format(Locale.ROOT, "protected %-14s %4d spans, %d touched%n",
                    label, n, protectedTouched.getOrDefault(label, 0))));
            out.append(String.format(Locale.ROOT, "identities: %d annotated, %d with more than one pseudonym, %d pseudonyms shared by two identities%n",
                    identities, inconsistentIdentities.size(), sharedPseudonyms.size()));
            inconsistentIdentities.forEach((id, p) -> out.append("  identity ").append(id).append(" → ").append(p).append('\n'));
            sharedPseudonyms.forEach((p, ids) -> out.append("  pseudonym ").append(p).append(" ← ").append(ids).append('\n'));
            return out.toString();
        }
    }

    private final PseudonymizationSettings settings;

    PseudonymizationBenchmark(PseudonymizationSettings settings) {
        this.settings = settings;
    }

    static List<AnnotatedText> read(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted()
                    .map(f -> AnnotatedText.parse(f.getFileName().toString(), readString(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Report run(String corpus, List<AnnotatedText> documents) {
        Pseudonymizer pseudonymizer = new Pseudonymizer(settings);
        PseudonymTable table = PseudonymTable.empty();
        Map<Category, int[]> counts = new EnumMap<>(Category.class);
        for (Category c : new TreeSet<>(LABELS.values())) {
            counts.put(c, new int[5]);
        }
        Map<String, Integer> protectedSpans = new LinkedHashMap<>();
        Map<String, Integer> protectedTouched = new LinkedHashMap<>();
        Map<String, Set<String>> pseudonymsById = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        long characters = 0;
        for (AnnotatedText doc : documents) {
            characters += doc.text().length();
            PseudonymizationResult result = pseudonymizer.pseudonymize(doc.text(), table);
            List<Replacement> replacements = result.replacements();
            for (Annotation a : doc.annotations()) {
                if (PROTECTED.contains(a.label())) {
                    protectedSpans.merge(a.label(), 1, Integer::sum);
                    List<Replacement> hits = replacements.stream().filter(r -> a.overlaps(r.start(), r.end())).toList();
                    if (!hits.isEmpty()) {
                        protectedTouched.merge(a.label(), 1, Integer::sum);
                        falsePositives.add(doc.name() + ": " + a.label() + " touched «" + a.text() + "» by " + hits);
                    }
                    continue;
                }
                Category category = LABELS.get(a.label());
                if (category == null) {
                    throw new IllegalArgumentException(doc.name() + ": unknown label " + a.label());
                }
                int[] c = counts.get(category);
                c[0]++;
                List<Replacement> hits = replacements.stream()
                        .filter(r -> r.category() == category && a.overlaps(r.start(), r.end())).toList();
                if (hits.isEmpty()) {
                    misses.add(doc.name() + ": " + category + " «" + a.text() + "»");
                } else {
                    c[1]++;
                    if (hits.stream().anyMatch(r -> r.start() == a.start() && r.end() == a.end())) {
                        c[2]++;
                    }
                    if (a.id() != null) {
                        hits.forEach(r -> pseudonymsById.computeIfAbsent(a.id(), k -> new TreeSet<>()).add(r.pseudonym()));
                    }
                }
            }
            for (Replacement r : replacements) {
                int[] c = counts.get(r.category());
                if (c == null) {
                    continue;
                }
                c[3]++;
                boolean correct = doc.annotations().stream().anyMatch(a -> LABELS.get(a.label()) == r.category()
                        && a.overlaps(r.start(), r.end()));
                if (correct) {
                    c[4]++;
                } else {
                    falsePositives.add(doc.name() + ": " + r.category() + " «" + r.original() + "» → " + r.pseudonym());
                }
            }
        }
        Map<Category, Score> scores = new EnumMap<>(Category.class);
        counts.forEach((category, c) -> scores.put(category, new Score(c[0], c[1], c[2], c[3], c[4])));
        Map<String, Set<String>> inconsistent = new TreeMap<>();
        pseudonymsById.forEach((id, pseudonyms) -> {
            if (pseudonyms.size() > 1) {
                inconsistent.put(id, pseudonyms);
            }
        });
        Map<String, Set<String>> idsByPseudonym = new TreeMap<>();
        pseudonymsById.forEach((id, pseudonyms) -> pseudonyms.forEach(
                p -> idsByPseudonym.computeIfAbsent(p, k -> new TreeSet<>()).add(id)));
        Map<String, Set<String>> shared = new TreeMap<>();
        idsByPseudonym.forEach((p, ids) -> {
            if (ids.size() > 1) {
                shared.put(p, ids);
            }
        });
        return new Report(corpus, documents.size(), characters, scores, protectedSpans, protectedTouched,
                pseudonymsById.size(), inconsistent, shared, misses, falsePositives);
    }

    /** Characters per second, on the measuring thread's CPU time and on the wall clock. */
    record Throughput(double cpuCharsPerSecond, double wallCharsPerSecond) {}

    /**
     * Throughput over {@code rounds} passes of the corpus, each with a fresh table, after {@code
     * warmUp} passes. CPU time is the figure to compare: on a shared machine the wall clock also
     * counts the time other processes hold the cores.
     */
    Throughput throughput(List<AnnotatedText> documents, int warmUp, int rounds) {
        Pseudonymizer pseudonymizer = new Pseudonymizer(settings);
        long characters = documents.stream().mapToLong(d -> d.text().length()).sum();
        for (int i = 0; i < warmUp; i++) {
            pass(pseudonymizer, documents);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            pass(pseudonymizer, documents);
        }
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - wallStart) / 1e9;
        return new Throughput(characters * rounds / cpu, characters * rounds / wall);
    }

    private static void pass(Pseudonymizer pseudonymizer, List<AnnotatedText> documents) {
        PseudonymTable table = PseudonymTable.empty();
        for (AnnotatedText doc : documents) {
            pseudonymizer.pseudonymize(doc.text(), table);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the report of each corpus folder given (default: the dev and held-out sets). */
    public static void main(String[] args) {
        List<String> folders = args.length > 0 ? List.of(args)
                : List.of("src/test/resources/pseudonymisation/dev", "src/test/resources/pseudonymisation/heldout",
                        "src/test/resources/pseudonymisation/heldout-2", "src/test/resources/pseudonymisation/heldout-3");
        PseudonymizationBenchmark benchmark = new PseudonymizationBenchmark(PseudonymizationSettings.defaults());
        for (String folder : folders) {
            List<AnnotatedText> docs = read(Path.of(folder));
            Report report = benchmark.run(folder, docs);
            System.out.println(report.table());
            report.misses().forEach(m -> System.out.println("miss  " + m));
            report.falsePositives().forEach(f -> System.out.println("extra " + f));
            Throughput t = benchmark.throughput(docs, 20, 50);
            System.out.printf(Locale.ROOT, "throughput: %.0f chars per CPU second, %.0f chars/s wall clock%n%n",
                    t.cpuCharsPerSecond(), t.wallCharsPerSecond());
        }
    }
}
