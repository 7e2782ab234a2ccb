package fr.capsules.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.CapsulesApplication;
import fr.capsules.app.llm.ChatCall;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import fr.capsules.app.table.Deadlines;
import fr.capsules.app.table.LegalReferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmarks of issue 5, not part of the test suite (run explicitly):
 *
 * <pre>
 * ./mvnw -q install -DskipTests
 * ./mvnw -pl app test -Dtest=TableQualityBenchmark
 * </pre>
 *
 * <p>1. Leave-one-report-out over the six historical inspection reports of the example capsule
 * (their real measure tables are in {@code capsules/mesures-inspection/evaluation/}): the service
 * is started on the capsule without that report, its findings are drafted, and each generated row
 * is compared with the real one (nature, reference, deadline). Twice: with no working model (the
 * similarity fallback) and with the fake model, which answers by copying the first historical row
 * of its prompt — so the model path measures retrieval and plumbing, not a model's quality.
 *
 * <p>Mode {@code model} drafts through a real model server instead of the fake one: {@code
 * -Dbench.modes=model -Dbench.ollama=http://host:11434 -Dbench.model=mistral-small3.2} (the model must be pulled
 * there). No machine of the project's CI has one; it is how an agency measures its own model on its own server.
 *
 * <p>2. Time to draft a 20-finding table with the fake model answering in 1 s per row, with 1 and
 * 4 rows in flight ({@code capsules.tables.concurrency}).
 */
class TableQualityBenchmark {

    /** The table capsules measured: {@code -Dbench.capsule=path,path} (default the example capsule); an id is its folder's name. */
    private static final String CAPSULES = System.getProperty("bench.capsule", "../capsules/mesures-inspection");
    private static Path CAPSULE = Path.of(CAPSULES.split(",")[0]).toAbsolutePath().normalize();
    private static String CAPSULE_ID = CAPSULE.getFileName().toString();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A real model server for mode {@code model} ({@code -Dbench.ollama}), and the model there ({@code -Dbench.model}). */
    private static final String REAL_OLLAMA = System.getProperty("bench.ollama", "");
    private static final String REAL_MODEL = System.getProperty("bench.model", "mistral-small3.2");
    private static final String MODEL_MODE = "model";
    private static final Pattern PAIR = Pattern.compile("(Référence|Mesure|Nature|Délai) : ([^;\\n]*)");

    /** Each capsule of {@code -Dbench.capsule} (paths separated by commas) in turn. */
    @Test
    void leaveOneReportOut() throws Exception {
        for (String path : CAPSULES.split(",")) {
            CAPSULE = Path.of(path.strip()).toAbsolutePath().normalize();
            CAPSULE_ID = CAPSULE.getFileName().toString();
            leaveOneReportOutOfTheCapsule();
        }
    }

    private void leaveOneReportOutOfTheCapsule() throws Exception {
        JsonNode truth = JSON.readTree(CAPSULE.resolve("evaluation/tableaux-de-reference.json").toFile());
        BenchmarkReport report = new BenchmarkReport().line("leave-one-report-out, " + CAPSULE_ID + ", " + truth.get("reports").size() + " reports");
        BenchmarkReport detail = new BenchmarkReport();
        for (String mode : System.getProperty("bench.modes", "similarity,fake-model,bad-model").split(",")) {
            if (mode.equals(MODEL_MODE) && REAL_OLLAMA.isBlank()) {
                report.line("model       skipped: no model server named (-Dbench.ollama=http://host:11434 -Dbench.model=…)");
                continue;
            }
            int rows = 0;
            int nature = 0;
            int reference = 0;
            int deadline = 0;
            int deadlineSame = 0;
            int referenceSame = 0;
            int referenceOverlap = 0;
            int referenceToComplete = 0;
            int referenceBlank = 0;
            Map<String, int[]> deadlineByNature = new java.util.TreeMap<>();
            int badProposed = 0;
            int badKept = 0;
            int badUnflagged = 0;
            for (JsonNode held : truth.get("reports")) {
                Function<ChatCall, ScriptedReply> responder = switch (mode) {
                    case "similarity" -> call -> ScriptedReply.httpError(500, "no model");
                    case "bad-model" -> TableQualityBenchmark::badRow;
                    case MODEL_MODE -> null;
                    default -> TableQualityBenchmark::copyFirstHistoricalRow;
                };
                JsonNode draft = draftWithout(held.get("document").asString(), findings(held), responder, 4, Duration.ZERO);
                JsonNode generated = draft.get("content").get("rows");
                for (int i = 0; i < held.get("rows").size(); i++) {
                    JsonNode expected = held.get("rows").get(i);
                    JsonNode cells = generated.get(i).get("cells");
                    rows++;
                    nature += fold(cells.get("nature").asString()).equals(fold(expected.get("nature").asString())) ? 1 : 0;
                    reference += sameReference(cells.get("reference").asString(), expected.get("reference").asString()) ? 1 : 0;
                    boolean rightDeadline = fold(cells.get("delai").asString()).equals(fold(expected.get("delai").asString()));
                    deadline += rightDeadline ? 1 : 0;
                    int[] byNature = deadlineByNature.computeIfAbsent(expected.get("nature").asString(), k -> new int[3]);
                    byNature[0] += rightDeadline ? 1 : 0;
                    byNature[1]++;
                    boolean sameDeadline = Deadlines.same(cells.get("delai").asString(), expected.get("delai").asString());
                    deadlineSame += sameDeadline ? 1 : 0;
                    byNature[2] += sameDeadline ? 1 : 0;
                    String proposedReference = cells.get("reference").asString();
                    referenceSame += LegalReferences.same(proposedReference, expected.get("reference").asString()) ? 1 : 0;
                    referenceOverlap += LegalReferences.overlap(proposedReference, expected.get("reference").asString()) ? 1 : 0;
                    referenceToComplete += fold(proposedReference).equals("a completer") ? 1 : 0;
                    referenceBlank += proposedReference.isBlank() ? 1 : 0;
                    detail.line(String.format(Locale.ROOT, "%s %s %s | nature %s (%s) | délai %s (%s) | réf %s (%s)", mode,
                            held.get("document").asString(), expected.get("label").asString(),
                            cells.get("nature").asString(), expected.get("nature").asString(),
                            cells.get("delai").asString(), expected.get("delai").asString(),
                            cells.get("reference").asString(), expected.get("reference").asString()));
                    if (mode.equals("bad-model")) {
                        // The bad model fills reference, mesure and délai badly everywhere, and nature badly for remarques.
                        boolean remarque = cells.get("type").asString().equals("remarque");
                        for (String column : List.of("reference", "mesure", "nature", "delai")) {
                            if (column.equals("nature") && !remarque) {
                                continue;
                            }
                            badProposed++;
                            String value = cells.get(column).asString();
                            boolean bad = value.equals(MADE_UP) || value.length() > 100 || (column.equals("nature") && value.equals("injonction"));
                            boolean flagged = generated.get(i).path("cellWarnings").has(column);
                            badKept += bad ? 1 : 0;
                            badUnflagged += bad && !flagged ? 1 : 0;
                        }
                    }
                }
            }
            report.line(String.format(Locale.ROOT, "%-11s rows %d: nature %.0f %%, reference %.0f %%, deadline %.0f %%", mode, rows,
                    100.0 * nature / rows, 100.0 * reference / rows, 100.0 * deadline / rows));
            report.line(String.format(Locale.ROOT, "%-11s reference, normalised items (articles with their code, other texts by their"
                    + " distinctive words): same %.0f %%, at least one in common %.0f %%; \"à compléter\" %d, blank %d, wrong %d", mode,
                    100.0 * referenceSame / rows, 100.0 * referenceOverlap / rows, referenceToComplete, referenceBlank,
                    rows - referenceSame - referenceToComplete - referenceBlank));
            StringBuilder perNature = new StringBuilder(String.format(Locale.ROOT, "%-11s deadline right by expected nature:", mode));
            deadlineByNature.forEach((n, c) -> perNature.append(' ').append(n).append(' ').append(c[0]).append('/').append(c[1]));
            report.line(perNature.toString());
            StringBuilder perNatureSame = new StringBuilder(String.format(Locale.ROOT,
                    "%-11s deadline, normalised (\"15 jours\" = \"quinze jours\" = \"2 semaines\", \"Immédiat\" = \"sans délai\","
                    + " \"1 mois\" = \"30 jours\"): %.0f %%; by expected nature:", mode, 100.0 * deadlineSame / rows));
            deadlineByNature.forEach((n, c) -> perNatureSame.append(' ').append(n).append(' ').append(c[2]).append('/').append(c[1]));
            report.line(perNatureSame.toString());
            if (mode.equals("bad-model")) {
                report.line(String.format(Locale.ROOT, "bad-model   bad cells proposed %d, kept in the draft %d, kept unflagged %d",
                        badProposed, badKept, badUnflagged));
            }
        }
        report.write("table-quality-" + CAPSULE_ID + ".txt");
        detail.write("table-quality-rows-" + CAPSULE_ID + ".txt");
    }

    @Test
    void twentyFindingsAtOneSecondPerRow() throws Exception {
        StringBuilder findings = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            findings.append("E").append(i).append(". Contentions appliquées sans prescription médicale, dossier ").append(i).append(".\n");
        }
        BenchmarkReport report = new BenchmarkReport();
        for (int slots : List.of(1, 4)) {
            long start = System.nanoTime();
            JsonNode draft = draftWithout(null, findings.toString(), TableQualityBenchmark::copyFirstHistoricalRow, slots,
                    Duration.ofSeconds(1));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(draft.get("content").get("rows")).hasSize(20);
            report.line(String.format(Locale.ROOT, "20 findings, model at 1 s per row, %d slot(s): %.1f s (drafting request only)", slots,
                    draftSeconds));
        }
        report.write("table-timing.txt");
    }

    private static double draftSeconds;

    /** Starts the service on the capsule without {@code heldOut}, drafts the findings, stops it. */
    private static JsonNode draftWithout(String heldOut, String findings, Function<ChatCall, ScriptedReply> responder, int slots,
            Duration perRow) throws IOException {
        Path root = Files.createTempDirectory("capsules-table-bench-");
        Path capsule = root.resolve("catalog").resolve(CAPSULE_ID);
        copy(CAPSULE, capsule, heldOut);
        if (responder == null) {
            return draft(root, findings, REAL_OLLAMA, REAL_MODEL, slots);
        }
        try (FakeOllamaServer ollama = FakeOllamaServer.start().withModels("mistral-small3.2")) {
            ollama.withDefaultResponder(call -> responder.apply(call).withFirstTokenDelay(perRow));
            return draft(root, findings, ollama.baseUrl(), "mistral-small3.2", slots);
        }
    }

    /** Starts the service on the catalogue under {@code root} with the model server at {@code ollama}, drafts, stops it. */
    private static JsonNode draft(Path root, String findings, String ollama, String model, int slots) {
        // Command-line arguments, which take precedence over application.yaml.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CapsulesApplication.class)
                .profiles("demo")
                .run("--server.port=0",
                        "--capsules.data-dir=" + root.resolve("data"),
                        "--capsules.catalog-dir=" + root.resolve("catalog"),
                        "--capsules.ollama.base-url=" + ollama,
                        "--capsules.ollama.chat-model=" + model,
                        "--capsules.tables.concurrency=" + slots,
                        "--logging.level.root=WARN");
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            long start = System.nanoTime();
            ApiClient.Response created = ApiClient.as(port, "inspecteur", "demo")
                    .postJson("/api/capsules/" + CAPSULE_ID + "/drafts", Map.of("input", findings));
            draftSeconds = (System.nanoTime() - start) / 1e9;
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return created.json();
        } finally {
            context.close();
        }
    }

    private static final String MADE_UP = "article L.999-12 du CASF";

    /** A model that answers badly: a made-up article, a 200-character excerpt of its first passage as measure and deadline, always "injonction". */
    private static ScriptedReply badRow(ChatCall call) {
        String prompt = call.lastUserMessage();
        int passage = prompt.indexOf("\n", Math.max(0, prompt.indexOf("[1] «"))) + 1;
        String excerpt = prompt.substring(passage, Math.min(prompt.length(), passage + 200)).replaceAll("\\s+", " ").strip();
        return ScriptedReply.text(JSON.writeValueAsString(Map.of("type", "écart", "reference", MADE_UP, "mesure", excerpt,
                "nature", "injonction", "delai", excerpt, "sources", List.of(1))));
    }

    /**
     * How far references can be found at all, held-out report by report: a held-out row's reference is
     * "reusable" when some row of another report's table or of the historical XLSX tables has the same one
     * (same article set, or the same text without articles); its articles are "findable" when each appears in
     * the text of some other document of the capsule (the other reports, the XLSX tables).
     */
    @Test
    void referenceCeiling() throws Exception {
        JsonNode truth = JSON.readTree(CAPSULE.resolve("evaluation/tableaux-de-reference.json").toFile());
        List<String> tableReferences = new ArrayList<>();
        StringBuilder tableText = new StringBuilder();
        try (Stream<Path> files = Files.walk(CAPSULE.resolve("documents/tableaux"))) {
            for (Path xlsx : files.filter(f -> f.toString().endsWith(".xlsx")).toList()) {
                try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
                    for (org.apache.poi.ss.usermodel.Sheet sheet : book) {
                        int referenceColumn = -1;
                        for (org.apache.poi.ss.usermodel.Row row : sheet) {
                            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                                String text = cell.toString();
                                tableText.append(text).append('\n');
                                if (fold(text).startsWith("reference")) {
                                    referenceColumn = cell.getColumnIndex();
                                } else if (cell.getColumnIndex() == referenceColumn && !text.isBlank()) {
                                    tableReferences.add(text);
                                }
                            }
                        }
                    }
                }
            }
        }
        Map<String, String> reportText = new java.util.HashMap<>();
        for (JsonNode held : truth.get("reports")) {
            String document = held.get("document").asString();
            try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(CAPSULE.resolve("documents").resolve(document).toFile())) {
                reportText.put(document, new org.apache.pdfbox.text.PDFTextStripper().getText(pdf));
            }
        }
        int rows = 0;
        int reusable = 0;
        int findable = 0;
        for (JsonNode held : truth.get("reports")) {
            String document = held.get("document").asString();
            List<String> otherReferences = new ArrayList<>(tableReferences);
            StringBuilder otherText = new StringBuilder(tableText);
            for (JsonNode other : truth.get("reports")) {
                if (!other.get("document").asString().equals(document)) {
                    other.get("rows").forEach(r -> otherReferences.add(r.get("reference").asString()));
                    otherText.append(reportText.get(other.get("document").asString())).append('\n');
                }
            }
            Set<String> textArticles = articles(otherText.toString());
            for (JsonNode row : held.get("rows")) {
                rows++;
                String expected = row.get("reference").asString();
                reusable += otherReferences.stream().anyMatch(r -> sameReference(r, expected)) ? 1 : 0;
                Set<String> wanted = articles(expected);
                findable += !wanted.isEmpty() && textArticles.containsAll(wanted) ? 1 : 0;
            }
        }
        new BenchmarkReport()
                .line(String.format(Locale.ROOT, "reference ceiling over %d held-out rows: same reference in another row %d (%.0f %%),"
                        + " every article found in another document %d (%.0f %%)", rows, reusable, 100.0 * reusable / rows, findable,
                        100.0 * findable / rows))
                .write("table-reference-ceiling.txt");
    }

    /** The held-out report's findings, numbered as in the report. */
    private static String findings(JsonNode held) {
        StringBuilder text = new StringBuilder();
        for (JsonNode row : held.get("rows")) {
            text.append(row.get("label").asString()).append(". ").append(row.get("constat").asString()).append('\n');
        }
        return text.toString();
    }

    /** A stand-in model: fills the row from the first historical table row of its prompt. */
    private static ScriptedReply copyFirstHistoricalRow(ChatCall call) {
        String prompt = call.lastUserMessage();
        int row = prompt.indexOf("(ligne de tableau historique)");
        String text = row < 0 ? "" : prompt.substring(row, prompt.indexOf("\n\n[", row) < 0 ? prompt.length() : prompt.indexOf("\n\n[", row));
        Map<String, String> cells = new java.util.HashMap<>();
        Matcher matcher = PAIR.matcher(text);
        while (matcher.find()) {
            cells.putIfAbsent(matcher.group(1), matcher.group(2).strip());
        }
        String number = row < 0 ? "[]" : "[" + prompt.substring(prompt.lastIndexOf("\n[", row) + 2, prompt.indexOf(']', prompt.lastIndexOf("\n[", row))) + "]";
        return ScriptedReply.text("{\"type\": \"écart\", \"reference\": " + quote(cells.getOrDefault("Référence", ""))
                + ", \"mesure\": " + quote(cells.getOrDefault("Mesure", "")) + ", \"nature\": "
                + quote(cells.getOrDefault("Nature", "prescription").toLowerCase(Locale.ROOT)) + ", \"delai\": "
                + quote(cells.getOrDefault("Délai", "")) + ", \"sources\": " + number + "}");
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    private static boolean sameReference(String generated, String expected) {
        Set<String> a = articles(generated);
        Set<String> b = articles(expected);
        return a.isEmpty() && b.isEmpty() ? fold(generated).equals(fold(expected)) : a.equals(b);
    }

    private static Set<String> articles(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("([LRD])\\s*\\.?\\s*(\\d{1,4}(?:-\\d{1,4}){0,3})").matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(m.group(1) + m.group(2));
        }
        return found;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).strip();
    }

    private static void copy(Path from, Path to, String heldOut) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                String relative = from.relativize(source).toString().replace('\\', '/');
                if (heldOut != null && relative.equals("documents/" + heldOut)) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

}
