package fr.capsules.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import fr.capsules.ingest.parse.sandbox.SandboxSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ingestion costs next to the plain libraries, on the same inputs, in one run, interleaved
 * (issue 17, point 5; figures in {@code docs/BENCHMARKS.md}). Not part of the test suite (the name
 * matches none of the suite's patterns). Run:
 *
 * <pre>./mvnw -B -ntp -o -pl ingest test -Dtest=IngestionCostBenchmark [-Dnotes=3000] [-Dpdfs=120] [-Drounds=5]</pre>
 *
 * <p>Inputs, generated once and seeded ({@link FrenchNotes}): {@code notes} plain-text notes of a
 * health agency (~1.5 kB each), and {@code pdfs} PDFs of three notes each (Helvetica, about three
 * pages). Each round, in an order that rotates from round to round, times:
 *
 * <ul>
 *   <li><b>(a) ours, text</b>: {@link Ingestion#ingestAll} of the notes as {@code .txt} files into a
 *       fresh {@link LuceneCapsuleIndex} on disk, parsing in this JVM: read, hash, duplicate
 *       look-ups, parse, title and date, normalisation, chunking, content hash, screening, index
 *       writes, commits as {@link CommitRule} says (a few a run);
 *   <li><b>(b) Lucene, text</b>: the same texts (decoded from the same bytes) into a fresh
 *       {@link IndexWriter} on disk with {@link FrenchAnalyzer}, one document per text (the text
 *       stored and indexed, its name as a string field), one commit at the end;
 *   <li><b>(c) ours, PDF</b>: {@link Ingestion#ingestAll} of the PDFs into a fresh index, parsing in
 *       this JVM; <b>(c')</b> the same with parsing in the sandbox's child JVMs (the service's
 *       default), the children started before the first round and kept;
 *   <li><b>(d) PDFBox</b>: {@link Loader#loadPDF} and {@link PDFTextStripper#getText} of each PDF in
 *       this JVM, nothing indexed.
 * </ul>
 *
 * Round 1 warms up (JIT, fonts, children) and is not counted; the figures are the medians of the
 * other rounds. The assertions only check that every file was indexed.
 */
class IngestionCostBenchmark {

    @TempDir
    Path dir;

    private int runs;

    @Test
    void ingestionAgainstPlainLuceneAndPdfBox() throws Exception {
        int noteCount = Integer.getInteger("notes", 3000);
        int pdfCount = Integer.getInteger("pdfs", 120);
        int rounds = Integer.getInteger("rounds", 5);
        boolean sandboxed = !Boolean.getBoolean("noSandbox");

        FrenchNotes generator = new FrenchNotes(17);
        List<SourceFile> notes = new ArrayList<>();
        for (String note : generator.next(noteCount)) {
            notes.add(SourceFile.of("notes/note-" + notes.size() + ".txt", note.getBytes(StandardCharsets.UTF_8)));
        }
        List<SourceFile> pdfs = new ArrayList<>();
        List<byte[]> pdfBytes = new ArrayList<>();
        for (int i = 0; i < pdfCount; i++) {
            byte[] pdf = pdf(generator.next(3));
            pdfBytes.add(pdf);
            pdfs.add(SourceFile.of("rapports/rapport-" + i + ".pdf", pdf));
        }
        long textBytes = notes.stream().mapToLong(SourceFile::size).sum();
        long pdfTotal = pdfBytes.stream().mapToLong(b -> b.length).sum();

        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c", "c'", "d")) {
            times.put(name, new ArrayList<>());
        }
        try (Ingestion inProcess = new Ingestion(IngestionSettings.defaults());
                Ingestion inChildren = new Ingestion(
                        IngestionSettings.defaults().withSandbox(SandboxSettings.defaults()))) {
            for (int round = 0; round < rounds; round++) {
                List<Runnable> steps = new ArrayList<>();
                steps.add(timed(times.get("a"), round, () -> ours(inProcess, notes)));
                steps.add(timed(times.get("b"), round, () -> plainLucene(notes)));
                steps.add(timed(times.get("c"), round, () -> ours(inProcess, pdfs)));
                if (sandboxed) {
                    steps.add(timed(times.get("c'"), round, () -> ours(inChildren, pdfs)));
                }
                steps.add(timed(times.get("d"), round, () -> pdfBox(pdfBytes)));
                for (int i = 0; i < steps.size(); i++) {
                    steps.get((i + round) % steps.size()).run();
                }
                System.out.printf(Locale.ROOT, "round %d (wall/CPU ms): a %d/%d, b %d/%d, c %d/%d, c' %s, d %d/%d%n",
                        round + 1, last(times.get("a")), last(cpuTimes.get(times.get("a"))), last(times.get("b")),
                        last(cpuTimes.get(times.get("b"))), last(times.get("c")), last(cpuTimes.get(times.get("c"))),
                        sandboxed ? Long.toString(last(times.get("c'"))) : "-", last(times.get("d")),
                        last(cpuTimes.get(times.get("d"))));
            }
        }

        long a = median(times.get("a"));
        long b = median(times.get("b"));
        long c = median(times.get("c"));
        long d = median(times.get("d"));
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Ingestion cost, %d notes (%.1f MB), %d PDFs (%.1f MB), medians of rounds 2-%d%n",
                noteCount, textBytes / 1e6, pdfCount, pdfTotal / 1e6, rounds));
        long ca = cpu(times.get("a"));
        long cb = cpu(times.get("b"));
        long cc = cpu(times.get("c"));
        long cd = cpu(times.get("d"));
        report.append("                          wall            process CPU\n");
        report.append(String.format(Locale.ROOT, "(a) ours, text         %7d ms          %7d ms%n", a, ca));
        report.append(String.format(Locale.ROOT, "(b) Lucene, text       %7d ms          %7d ms%n", b, cb));
        report.append(String.format(Locale.ROOT, "    a/b                %7.2f             %7.2f%n", (double) a / b, (double) ca / cb));
        report.append(String.format(Locale.ROOT, "(c) ours, PDF          %7d ms          %7d ms%n", c, cc));
        report.append(String.format(Locale.ROOT, "(d) PDFBox text        %7d ms          %7d ms%n", d, cd));
        report.append(String.format(Locale.ROOT, "    c/d                %7.2f             %7.2f%n", (double) c / d, (double) cc / cd));
        if (sandboxed) {
            long cs = median(times.get("c'"));
            report.append(String.format(Locale.ROOT, "(c') ours, PDF, sandbox %6d ms (children's CPU not counted)%n", cs));
            report.append(String.format(Locale.ROOT, "    c'/d               %7.2f%n", (double) cs / d));
        }
        System.out.print(report);
        Path out = Path.of("target", "benchmarks", "ingestion-cost.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void ours(Ingestion ingestion, List<SourceFile> files) throws IOException {
        try (CapsuleIndex index = LuceneCapsuleIndex.open(dir.resolve("ours-" + runs++), IndexSettings.lexicalOnly())) {
            List<IngestionResult> results = ingestion.ingestAll(files, index);
            assertThat(results).allMatch(r -> r.status() == IngestionStatus.INDEXED, "every file indexed");
            String dump = System.getProperty("dump");
            if (dump != null) {
                dump(index, results, Path.of(dump + "-" + files.getFirst().name().fileName() + ".txt"));
            }
        }
    }

    /**
     * What was indexed, for comparing two versions of the pipeline ({@code -Ddump=prefix}): each
     * result's warnings and counts, each record but its time, each passage.
     */
    private static void dump(CapsuleIndex index, List<IngestionResult> results, Path out) throws IOException {
        StringBuilder all = new StringBuilder();
        for (IngestionResult result : results) {
            all.append(result.file()).append(' ').append(result.title()).append(' ').append(result.warnings()).append(' ').append(result.counts()).append('\n');
        }
        for (DocumentRecord record : index.documents()) {
            all.append(List.of(record.documentId(), record.file(), record.title(), String.valueOf(record.date()),
                    record.pages(), record.chunks(), record.contentHash(), record.format(), record.warnings())).append('\n');
            for (PassageHit passage : index.passages(record.documentId())) {
                all.append(passage.passageId()).append(' ').append(passage.page()).append(' ').append(passage.kind())
                        .append(' ').append(passage.title()).append(' ').append(passage.headingPath()).append('\n')
                        .append(passage.text()).append('\n');
            }
        }
        Files.writeString(out, all);
    }

    private void plainLucene(List<SourceFile> files) throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir.resolve("plain-" + runs++));
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new FrenchAnalyzer()))) {
            for (SourceFile file : files) {
                String text = new String(file.content().open().readAllBytes(), StandardCharsets.UTF_8);
                Document doc = new Document();
                doc.add(new StringField("file", file.name().value(), Field.Store.YES));
                doc.add(new TextField("text", text, Field.Store.YES));
                writer.addDocument(doc);
            }
            writer.commit();
            assertThat(writer.getDocStats().numDocs).isEqualTo(files.size());
        }
    }

    private static void pdfBox(List<byte[]> pdfs) throws IOException {
        long chars = 0;
        for (byte[] pdf : pdfs) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                chars += new PDFTextStripper().getText(document).length();
            }
        }
        assertThat(chars).isPositive();
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static Runnable timed(List<Long> times, int round, Step step) {
        return () -> {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            try {
                step.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            long cpuMs = (processCpuNanos() - cpuStart) / 1_000_000;
            times.add(round == 0 ? -ms : ms); // round 1 kept negative: shown, never counted
            cpuTimes.computeIfAbsent(times, t -> new ArrayList<>()).add(round == 0 ? -cpuMs : cpuMs);
        };
    }

    /** CPU time of this process (every thread, GC and JIT included), per list of wall times. */
    private static final Map<List<Long>, List<Long>> cpuTimes = new java.util.IdentityHashMap<>();

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long cpu(List<Long> times) {
        return median(cpuTimes.get(times));
    }

    private static long last(List<Long> times) {
        return Math.abs(times.getLast());
    }

    private static long median(List<Long> times) {
        List<Long> counted = times.stream().filter(t -> t >= 0).sorted().toList();
        return counted.isEmpty() ? 0 : counted.get(counted.size() / 2);
    }

    /** The notes one after another, lines wrapped at 95 characters, 48 lines a page. */
    private static byte[] pdf(List<String> notes) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String note : notes) {
            for (String line : note.split("\n", -1)) {
                wrap(line, 95, lines);
            }
        }
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument()) {
            for (int from = 0; from < lines.size(); from += 48) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.newLineAtOffset(50, 740);
                    for (String line : lines.subList(from, Math.min(lines.size(), from + 48))) {
                        content.showText(line);
                        content.newLineAtOffset(0, -14);
                    }
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void wrap(String line, int width, List<String> lines) {
        String rest = line;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                cut = width;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut).strip();
        }
        lines.add(rest);
    }
}
