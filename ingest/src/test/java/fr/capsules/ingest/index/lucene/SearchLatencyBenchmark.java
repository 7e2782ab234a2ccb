package fr.capsules.ingest.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.SampleDocuments;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Top-10 search latency of {@link CapsuleIndex#search} against plain Lucene BM25 on the same
 * texts, for {@code docs/BENCHMARKS.md} (issue 10, point 7); not part of the test suite (the name
 * matches none of the suite's patterns). Run:
 *
 * <pre>./mvnw -B -ntp -pl ingest test -Dtest=SearchLatencyBenchmark [-Dpassages=1000000] [-Dsearches=4000]
 *     [-Dindex.dir=/tmp/searchbench]</pre>
 *
 * <p>With {@code -Dindex.dir} the two indexes are kept in that folder (under a folder named after
 * the number of passages) and reused by later runs
 * with the same generator parameters ({@code generator.properties} there; rebuilt when they
 * differ); without it they are built in a temporary folder and deleted. {@link #main} builds them
 * only, outside Maven.
 *
 * <p>Synthetic French-like passages (seeded): a vocabulary of 40,000 made-up words drawn with a
 * Zipf law (s = 1), 30 to 110 words a passage, 10 passages a document with a 4-to-8-word title
 * and one or two headings. Both indexes are on disk (FSDirectory) in the same folder:
 *
 * <ul>
 *   <li><b>product</b>: {@link LuceneCapsuleIndex} through the port ({@code add}, {@code commit},
 *       {@code search(question, 10)}): French chain, BM25F over text, title and headings,
 *       proximity re-scoring, document evidence, coverage, the stored fields of each hit;
 *   <li><b>plain</b>: one stored and indexed text field per passage with Lucene's {@link
 *       FrenchAnalyzer}, a disjunction of the question's terms ({@link TermQuery}, default BM25),
 *       top 10, and the stored document of each hit fetched.
 * </ul>
 *
 * <p>Questions are 6 to 10 words of the same law without its 50 commonest words, wrapped in
 * conversational frames ("Comment puis-je …", "Est-ce que …"). Both indexes are force-merged to
 * one segment and warmed with the same questions; then each question runs on both, the order
 * alternating, so the two share the machine's moment. p50 and p99 of each, and the ratios,
 * printed and written to {@code target/benchmarks/search-latency-<passages>.md}.
 */
class SearchLatencyBenchmark {

    private static final int VOCABULARY = 40_000;
    private static final int PASSAGES_PER_DOCUMENT = 10;
    private static final long WORDS_SEED = 20261201L;
    private static final long TEXT_SEED = 42L;
    private static final long QUESTIONS_SEED = 43L;
    private static final String[] FRAMES = {
        "Comment puis-je %s ?", "Est-ce que %s ?", "%s : que faire ?", "Quel est %s ?", "%s", "Peut-on %s ?"
    };

    @TempDir Path tempDir;

    @Test
    void topTenAgainstPlainLuceneBm25() throws IOException {
        int passages = Integer.getInteger("passages", 100_000);
        int searches = Integer.getInteger("searches", 4_000);
        String kept = System.getProperty("index.dir");
        Path dir = kept == null || kept.isBlank() ? tempDir : Path.of(kept).resolve(Integer.toString(passages));
        run(dir, passages, searches);
    }

    /** Builds (or reuses) the indexes in {@code dir}, then measures and reports. */
    static void run(Path dir, int passages, int searches) throws IOException {
        double indexSeconds = buildOrReuse(dir, passages);

        Words words = new Words(new Random(WORDS_SEED));
        Random random = new Random(QUESTIONS_SEED);
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String content = words.sentence(random, 6 + random.nextInt(5), 50);
            questions.add(String.format(FRAMES[random.nextInt(FRAMES.length)], content));
        }
        try (Analyzer french = new FrenchAnalyzer();
                FSDirectory plainDirectory = FSDirectory.open(dir.resolve("plain"));
                CapsuleIndex searched = LuceneCapsuleIndex.open(dir.resolve("product"), IndexSettings.lexicalOnly());
                DirectoryReader reader = DirectoryReader.open(plainDirectory)) {
            IndexSearcher plain = new IndexSearcher(reader);
            for (String question : questions) { // warm-up, both
                plainTopTen(plain, french, question);
                searched.search(question, 10);
            }
            long[] plainNanos = new long[searches];
            long[] productNanos = new long[searches];
            long sink = 0;
            for (int i = 0; i < searches; i++) {
                String question = questions.get(i % questions.size());
                for (int turn = 0; turn < 2; turn++) {
                    boolean plainTurn = (i + turn) % 2 == 0;
                    long start = System.nanoTime();
                    sink += plainTurn
                            ? plainTopTen(plain, french, question).size()
                            : searched.search(question, 10).size();
                    (plainTurn ? plainNanos : productNanos)[i] = System.nanoTime() - start;
                }
            }
            assertThat(sink).isPositive();
            report(passages, searches, indexSeconds, plainNanos, productNanos);
        }
    }

    /**
     * Builds the two indexes only, into {@code args[0]/args[1]} for {@code args[1]} passages (the
     * folder a later {@code -Dindex.dir=args[0] -Dpassages=args[1]} run reuses): lets a slow 1 M
     * build run in the background from the compiled test classes, outside Maven. With a third
     * argument {@code measure}, also measures, as the test does ({@code -Dsearches}).
     */
    public static void main(String[] args) throws IOException {
        int passages = Integer.parseInt(args[1]);
        Path dir = Path.of(args[0]).resolve(args[1]);
        if (args.length > 2 && args[2].equals("measure")) {
            run(dir, passages, Integer.getInteger("searches", 4_000));
            return;
        }
        double seconds = buildOrReuse(dir, passages);
        System.out.printf(Locale.ROOT, "indexes ready in %s (%.0f s)%n", dir, seconds);
    }

    /**
     * The generator's parameters and the product's layout version: a kept folder whose {@code
     * generator.properties} says otherwise is rebuilt.
     */
    private static String parameters(int passages) {
        return String.format(Locale.ROOT,
                "passages=%d%nvocabulary=%d%npassagesPerDocument=%d%nwordsSeed=%d%ntextSeed=%d%n"
                        + "schemaVersion=%d%nlucene=%s%n",
                passages, VOCABULARY, PASSAGES_PER_DOCUMENT, WORDS_SEED, TEXT_SEED, IndexSchema.VERSION,
                org.apache.lucene.util.Version.LATEST);
    }

    /**
     * Builds both indexes into {@code dir} unless its {@code generator.properties} (written last,
     * once both are merged) matches {@link #parameters}; returns the build time in seconds, 0 when
     * reused.
     */
    static double buildOrReuse(Path dir, int passages) throws IOException {
        Path marker = dir.resolve("generator.properties");
        String expected = parameters(passages);
        if (Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(expected)) {
            System.out.println("reusing the indexes in " + dir);
            return 0;
        }
        Files.deleteIfExists(marker);
        for (String sub : List.of("product", "plain")) {
            Path folder = dir.resolve(sub);
            if (Files.exists(folder)) {
                try (var files = Files.walk(folder)) {
                    for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
        Files.createDirectories(dir);
        Words words = new Words(new Random(WORDS_SEED));
        Random random = new Random(TEXT_SEED);
        long t0 = System.nanoTime();
        try (Analyzer french = new FrenchAnalyzer();
                FSDirectory plainDirectory = FSDirectory.open(dir.resolve("plain"))) {
            IndexWriterConfig config = new IndexWriterConfig(french).setRAMBufferSizeMB(256);
            try (CapsuleIndex product = LuceneCapsuleIndex.open(dir.resolve("product"), IndexSettings.lexicalOnly());
                    IndexWriter plainWriter = new IndexWriter(plainDirectory, config)) {
                for (int d = 0; d * PASSAGES_PER_DOCUMENT < passages; d++) {
                    String title = words.sentence(random, 4 + random.nextInt(5), 0);
                    List<Passage> document = new ArrayList<>();
                    for (int p = 0; p < PASSAGES_PER_DOCUMENT && d * PASSAGES_PER_DOCUMENT + p < passages; p++) {
                        List<String> headings = new ArrayList<>();
                        for (int h = 0; h <= random.nextInt(2); h++) {
                            headings.add(words.sentence(random, 2 + random.nextInt(4), 0));
                        }
                        String text = words.sentence(random, 30 + random.nextInt(81), 0);
                        document.add(new Passage(text, 0, headings, Passage.Kind.TEXT));
                        Document entry = new Document();
                        entry.add(new StoredField("id", "doc-" + d + "#" + p));
                        entry.add(new TextField("text", text, Field.Store.YES));
                        plainWriter.addDocument(entry);
                    }
                    String id = "doc-" + d;
                    product.add(new DocumentRecord(id, id + ".md", title, null, 1, document.size(),
                            SampleDocuments.sha256(id), SampleDocuments.sha256(id + "/content"), "MARKDOWN",
                            List.of(), Instant.EPOCH), document);
                    if (d % 10_000 == 0 && d > 0) {
                        System.out.printf(Locale.ROOT, "%,d passages written (%.0f s)%n",
                                d * PASSAGES_PER_DOCUMENT, (System.nanoTime() - t0) / 1e9);
                    }
                }
                plainWriter.forceMerge(1);
                product.commit();
            }
        }
        forceMerge(dir.resolve("product"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.writeString(marker, expected, StandardCharsets.UTF_8);
        return seconds;
    }

    private static List<String> plainTopTen(IndexSearcher searcher, Analyzer analyzer, String question)
            throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : QueryTerms.analyse(analyzer, "text", question, 64).distinct()) {
            query.add(new TermQuery(new Term("text", term)), Occur.SHOULD);
        }
        StoredFields stored = searcher.storedFields();
        List<String> texts = new ArrayList<>(10);
        for (ScoreDoc hit : searcher.search(query.build(), 10).scoreDocs) {
            Document entry = stored.document(hit.doc);
            texts.add(entry.get("id") + entry.get("text"));
        }
        return texts;
    }

    /** The product's index as a searcher would find it after a rebuild: one segment. */
    private static void forceMerge(Path folder) throws IOException {
        try (FSDirectory directory = FSDirectory.open(folder);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new FrenchAnalyzer())
                        .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.setLiveCommitData(directoryCommitData(directory));
            writer.forceMerge(1);
            writer.commit();
        }
    }

    private static Iterable<java.util.Map.Entry<String, String>> directoryCommitData(FSDirectory directory)
            throws IOException {
        return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData().entrySet();
    }

    private static void report(int passages, int searches, double indexSeconds, long[] plain, long[] product)
            throws IOException {
        long[] p = plain.clone();
        long[] c = product.clone();
        Arrays.sort(p);
        Arrays.sort(c);
        double p50 = percentile(p, 0.50), p99 = percentile(p, 0.99);
        double c50 = percentile(c, 0.50), c99 = percentile(c, 0.99);
        String text = String.format(Locale.ROOT,
                "%,d passages, %,d searches each (interleaved), %s, "
                        + "load average %.1f, %d processors%n%n"
                        + "| top 10 | p50 | p99 |%n|---|---|---|%n"
                        + "| plain Lucene BM25 (FrenchAnalyzer, text), stored fields fetched | %.3f ms | %.3f ms |%n"
                        + "| CapsuleIndex.search | %.3f ms | %.3f ms |%n"
                        + "| ratio | %.2f | %.2f |%n",
                passages, searches,
                indexSeconds == 0 ? "kept indexes reused" : String.format(Locale.ROOT, "indexes built and merged in %.0f s", indexSeconds),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(),
                p50 / 1e6, p99 / 1e6, c50 / 1e6, c99 / 1e6, c50 / p50, c99 / p99);
        System.out.println(text);
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("search-latency-" + passages + ".md"), text, StandardCharsets.UTF_8);
    }

    private static double percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** Made-up words of 2 to 4 syllables (ASCII, so both analyzers see the same letters), Zipf-drawn. */
    private static final class Words {
        private static final String[] SYLLABLES = {
            "ba", "cor", "da", "fen", "gra", "li", "mon", "na", "pel", "ri", "sal", "tou", "ver", "zo", "bri",
            "cla", "dre", "fru", "gli", "plo", "que", "stra", "tri", "vol", "mar", "nel", "por", "sil", "tan", "vu"
        };
        private final String[] words = new String[VOCABULARY];
        private final double[] cumulative = new double[VOCABULARY];

        Words(Random random) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < VOCABULARY; i++) {
                String word;
                do {
                    StringBuilder w = new StringBuilder();
                    int syllables = 2 + random.nextInt(3);
                    for (int s = 0; s < syllables; s++) {
                        w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                    }
                    word = w.toString();
                } while (!seen.add(word));
                words[i] = word;
            }
            double sum = 0;
            for (int i = 0; i < VOCABULARY; i++) {
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
            for (int i = 0; i < VOCABULARY; i++) {
                cumulative[i] /= sum;
            }
        }

        /** {@code count} words drawn by frequency, skipping the {@code skipCommonest} first ranks. */
        String sentence(Random random, int count, int skipCommonest) {
            StringBuilder sentence = new StringBuilder();
            for (int i = 0; i < count; i++) {
                int rank;
                do {
                    int found = Arrays.binarySearch(cumulative, random.nextDouble());
                    rank = found >= 0 ? found : -found - 1;
                } while (rank < skipCommonest);
                sentence.append(i == 0 ? "" : " ").append(words[Math.min(rank, VOCABULARY - 1)]);
            }
            return sentence.toString();
        }
    }
}
