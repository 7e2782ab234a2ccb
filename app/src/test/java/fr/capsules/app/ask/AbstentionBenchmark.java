package fr.capsules.app.ask;

import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.analysis.IndexTerms;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import fr.capsules.ingest.pipeline.Ingestion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Abstention on the example capsules' reference questions (answerable and unanswerable) and on the
 * CNIL FAQ (all answerable), issue 10 point 1; not part of the test suite (docs/BENCHMARKS.md):
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl app -am test -Dtest=AbstentionBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Each capsule's documents go through the real ingestion pipeline into a real Lucene index on a
 * temporary folder (lexical, as a service without an embedding model); each question is searched
 * as {@link Retrieval} searches it and judged by {@link EvidenceGate}. Prints: the decision with
 * the shipped calibration per capsule and on CNIL; a leave-one-capsule-out calibration (a logistic
 * model fitted on the other capsules, reported on the held-out one); the old word-overlap gate
 * (best passage's {@code queryCoverage} ≥ 0.5) for comparison.
 */
class AbstentionBenchmark {

    private static final Path CATALOGUE = Path.of("..", "capsules").toAbsolutePath().normalize();
    private static final Path CNIL = Path.of(System.getProperty("abstention.cnil",
            "../../shared/eval/cnil-faq.json")).toAbsolutePath().normalize();
    private static final List<String> CAPSULES = List.of("reclamations", "charte-ia", "mesures-inspection");

    private final EvidenceGate gate = new EvidenceGate(new IndexTerms());

    /** One question, its label and what the gate saw. */
    record Case(String capsule, String question, boolean answerable, Evidence evidence, double oldCoverage) {
        double[] features() {
            return new double[] {1, evidence.passageCoverage(), evidence.documentCoverage(), evidence.nearbyCoverage()};
        }
    }

    @Test
    void abstentionPerCapsuleAndOnCnil() throws Exception {
        Map<String, List<Case>> byCapsule = new LinkedHashMap<>();
        for (String capsule : CAPSULES) {
            byCapsule.put(capsule, capsuleCases(capsule));
        }
        List<Case> cnil = Files.isRegularFile(CNIL) ? cnilCases() : List.of();
        StringBuilder out = new StringBuilder();
        boolean verbose = Boolean.getBoolean("abstention.verbose");
        if (verbose) {
            byCapsule.values().forEach(cases -> cases.forEach(c -> out.append(describe(c)).append('\n')));
        }
        out.append("\nShipped calibration (weights ").append(java.util.Arrays.toString(EvidenceGate.WEIGHTS))
                .append(", supported ≥ ").append(EvidenceGate.SUPPORTED).append(", weak ≥ ").append(EvidenceGate.WEAK).append(")\n");
        out.append(header());
        List<Case> all = new ArrayList<>();
        for (var entry : byCapsule.entrySet()) {
            out.append(row(entry.getKey(), entry.getValue(), EvidenceGate.WEIGHTS, EvidenceGate.SUPPORTED, EvidenceGate.WEAK));
            all.addAll(entry.getValue());
        }
        out.append(row("all capsules", all, EvidenceGate.WEIGHTS, EvidenceGate.SUPPORTED, EvidenceGate.WEAK));
        if (!cnil.isEmpty()) {
            out.append(row("CNIL FAQ", cnil, EvidenceGate.WEIGHTS, EvidenceGate.SUPPORTED, EvidenceGate.WEAK));
        }
        out.append("\nOld gate (best passage queryCoverage ≥ 0.5):\n").append(header());
        for (var entry : byCapsule.entrySet()) {
            out.append(oldRow(entry.getKey(), entry.getValue()));
        }
        if (!cnil.isEmpty()) {
            out.append(oldRow("CNIL FAQ", cnil));
        }
        out.append("\nLeave-one-capsule-out (logistic fitted on the other capsules, thresholds as shipped):\n").append(header());
        for (String held : CAPSULES) {
            List<Case> training = new ArrayList<>();
            byCapsule.forEach((capsule, cases) -> {
                if (!capsule.equals(held)) {
                    training.addAll(cases);
                }
            });
            double[] w = Logistic.fit(training);
            out.append(row(held + " " + weights(w), byCapsule.get(held), w, EvidenceGate.SUPPORTED, EvidenceGate.WEAK));
            if (!cnil.isEmpty()) {
                out.append(row("  CNIL with the same", cnil, w, EvidenceGate.SUPPORTED, EvidenceGate.WEAK));
            }
        }
        out.append("\nFitted on all capsules: ").append(weights(Logistic.fit(all))).append('\n');
        System.out.println(out);
        Path report = Path.of("target", "benchmarks", "abstention.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out);
    }

    private static String weights(double[] w) {
        return String.format(Locale.ROOT, "[%.1f, %.1f, %.1f, %.1f]", w[0], w[1], w[2], w[3]);
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-44s %5s %9s %6s %6s | %5s %10s %6s %6s%n", "set", "ans.", "supported", "weak", "none",
                "unans", "supported", "weak", "none");
    }

    private static String row(String name, List<Case> cases, double[] w, double supported, double weak) {
        int[] a = new int[3];
        int[] u = new int[3];
        for (Case c : cases) {
            double s = Logistic.score(w, c.features());
            int level = c.evidence().contentTerms() == 0 ? 2 : s >= supported ? 0 : s >= weak ? 1 : 2;
            (c.answerable() ? a : u)[level]++;
        }
        return counts(name, a, u);
    }

    private static String oldRow(String name, List<Case> cases) {
        int[] a = new int[3];
        int[] u = new int[3];
        for (Case c : cases) {
            (c.answerable() ? a : u)[c.oldCoverage() >= 0.5 ? 0 : 2]++;
        }
        return counts(name, a, u);
    }

    private static String counts(String name, int[] a, int[] u) {
        return String.format(Locale.ROOT, "%-44s %5d %9d %6d %6d | %5d %10s %6d %6d%n", name, a[0] + a[1] + a[2], a[0], a[1], a[2],
                u[0] + u[1] + u[2], u[0] + (u[0] + u[1] + u[2] == 0 ? "" : String.format(Locale.ROOT, " (%.0f%%)",
                        100.0 * u[0] / (u[0] + u[1] + u[2]))), u[1], u[2]);
    }

    private static String describe(Case c) {
        Evidence e = c.evidence();
        return String.format(Locale.ROOT, "%-18s %s p=%.2f d=%.2f a=%.2f n=%2d s=%.2f old=%.2f missing=%s  %s", c.capsule(),
                c.answerable() ? "A" : "U", e.passageCoverage(), e.documentCoverage(), e.nearbyCoverage(), e.contentTerms(),
                e.score(), c.oldCoverage(), e.missingTerms(), c.question().length() > 90 ? c.question().substring(0, 90) : c.question());
    }

    private List<Case> capsuleCases(String capsule) throws Exception {
        Path folder = CATALOGUE.resolve(capsule);
        List<SourceFile> sources = new ArrayList<>();
        Path documents = folder.resolve("documents");
        try (Stream<Path> files = Files.walk(documents)) {
            for (Path p : files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                sources.add(SourceFile.of(documents.relativize(p).toString().replace('\\', '/'), p));
            }
        }
        JsonNode questions = YAMLMapper.builder().build().readTree(folder.resolve("questions.yaml").toFile());
        List<String[]> asked = new ArrayList<>();
        for (JsonNode q : questions) {
            boolean answerable = !q.has("answerable") || q.get("answerable").asBoolean();
            asked.add(new String[] {q.get("question").asString(), Boolean.toString(answerable)});
        }
        return judge(capsule, sources, asked);
    }

    private List<Case> cnilCases() throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(CNIL.toFile());
        List<SourceFile> sources = new ArrayList<>();
        List<String[]> asked = new ArrayList<>();
        int article = 0;
        for (JsonNode entry : root.get("data")) {
            for (JsonNode paragraph : entry.get("paragraphs")) {
                String file = String.format(Locale.ROOT, "article-%04d.txt", article++);
                sources.add(SourceFile.of(file, paragraph.get("context").asString().getBytes(StandardCharsets.UTF_8)));
                for (JsonNode qa : paragraph.get("qas")) {
                    asked.add(new String[] {qa.get("question").asString(), "true"});
                }
            }
        }
        return judge("cnil", sources, asked);
    }

    private List<Case> judge(String name, List<SourceFile> sources, List<String[]> asked) throws IOException {
        Path temp = Files.createTempDirectory("abstention-bench-");
        List<Case> cases = new ArrayList<>();
        try (CapsuleIndex index = LuceneCapsuleIndex.open(temp.resolve("index"), IndexSettings.lexicalOnly());
                Ingestion ingestion = new Ingestion(IngestionSettings.defaults())) {
            ingestion.ingestAll(sources, index);
            for (String[] q : asked) {
                String query = QuotedHistory.strip(q[0]).text();
                var hits = gate.contentTerms(query).isEmpty() ? List.<fr.capsules.ingest.index.PassageHit>of()
                        : index.search(query, EvidenceGate.CANDIDATES);
                double old = hits.stream().mapToDouble(h -> h.queryCoverage()).max().orElse(0);
                cases.add(new Case(name, q[0], Boolean.parseBoolean(q[1]), gate.assess(query, hits), old));
            }
        } finally {
            try (Stream<Path> files = Files.walk(temp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return cases;
    }

    /** Logistic regression by gradient descent with a small L2 penalty; classes weighted to balance. */
    static final class Logistic {
        static double score(double[] w, double[] x) {
            double z = 0;
            for (int i = 0; i < w.length; i++) {
                z += w[i] * x[i];
            }
            return 1 / (1 + Math.exp(-z));
        }

        static double[] fit(List<Case> cases) {
            double[] w = new double[4];
            long positives = cases.stream().filter(Case::answerable).count();
            double wPos = cases.size() / (2.0 * Math.max(1, positives));
            double wNeg = cases.size() / (2.0 * Math.max(1, cases.size() - positives));
            for (int step = 0; step < 20000; step++) {
                double[] grad = new double[4];
                for (Case c : cases) {
                    double[] x = c.features();
                    double err = score(w, x) - (c.answerable() ? 1 : 0);
                    double weight = c.answerable() ? wPos : wNeg;
                    for (int i = 0; i < 4; i++) {
                        grad[i] += weight * err * x[i];
                    }
                }
                for (int i = 0; i < 4; i++) {
                    w[i] -= 0.5 * (grad[i] / cases.size() + (i == 0 ? 0 : 0.001 * w[i]));
                }
            }
            return w;
        }
    }
}
