package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.cli.RetrievalCases;
import fr.capsules.ingest.analysis.FrenchTextAnalyzer;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.RankingMetrics;
import fr.capsules.ingest.pipeline.Ingestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.AfterEffectB;
import org.apache.lucene.search.similarities.AfterEffectL;
import org.apache.lucene.search.similarities.AxiomaticF1EXP;
import org.apache.lucene.search.similarities.AxiomaticF2EXP;
import org.apache.lucene.search.similarities.AxiomaticF2LOG;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.BasicModelG;
import org.apache.lucene.search.similarities.BasicModelIn;
import org.apache.lucene.search.similarities.BasicModelIne;
import org.apache.lucene.search.similarities.DFRSimilarity;
import org.apache.lucene.search.similarities.DistributionLL;
import org.apache.lucene.search.similarities.DistributionSPL;
import org.apache.lucene.search.similarities.IBSimilarity;
import org.apache.lucene.search.similarities.LMDirichletSimilarity;
import org.apache.lucene.search.similarities.LMJelinekMercerSimilarity;
import org.apache.lucene.search.similarities.LambdaDF;
import org.apache.lucene.search.similarities.NormalizationH2;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * Issue 10.3, third round: the lexical levers not measured before, each against the current
 * ranking ({@link PassageSearch}: BM25F on {@link IndexSchema#CONTENT}, proximity, document
 * evidence), on the passages the ingestion pipeline cuts, scored by document as {@code
 * bench-retrieval} scores them (hit@1, hit@5, MRR@10 on all questions and on the even and odd
 * halves). Not part of the test suite (its name matches no surefire pattern); figures and command
 * in docs/BENCHMARKS.md, "Issue 10.3 — third round".
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl ingest test -Dtest=LexicalLeversExperiment -Dsurefire.failIfNoSpecifiedTests=false
 * ./mvnw -B -ntp -o -pl ingest test -Dtest=LexicalLeversExperiment -Dlevers.capsule=../capsules/reclamations
 * </pre>
 *
 * <p>Properties: {@code levers.capsule} (a catalogue capsule folder instead of the CNIL FAQ; implies quick),
 * {@code levers.quick=true} (skip the similarity rows but those whose name starts with {@code
 * levers.similarity}, and the BM25F-alone row), {@code levers.mu} (the LM Dirichlet μ of the SDM row, 10).
 * The first row must reproduce {@code bench-retrieval}'s figures for the capsule index.
 */
class LexicalLeversExperiment {

    private static final Path FAQ = Path.of("../../shared/eval/cnil-faq.json");
    /** Passages asked per question, as bench-retrieval asks them; hits counted by document. */
    private static final int DEPTH = 50;
    private static final String EXACT = "exact";
    private static final String TITLE_ONLY = "titleOnly";

    record Case(String question, List<String> expected) {}

    record Corpus(List<DocumentRecord> records, Map<String, List<Passage>> passages, List<Case> cases) {}

    /** A ranking of passages for a question, best first. */
    interface Ranker {
        ScoreDoc[] rank(IndexSearcher searcher, String question, int depth) throws IOException;
    }

    record Row(String name, RankingMetrics[] metrics, double[] reciprocalRanks) {}

    /** Reciprocal ranks (at 10) of the current ranking, question by question, once measured. */
    private static double[] baseline;

    @Test
    void measure() throws Exception {
        String capsule = System.getProperty("levers.capsule");
        Corpus corpus = capsule == null ? squad(FAQ) : capsule(Path.of(capsule));
        int passages = corpus.passages().values().stream().mapToInt(List::size).sum();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %d documents, %d passages, %d questions%n",
                capsule == null ? FAQ : capsule, corpus.records().size(), passages, corpus.cases().size()));
        out.append("| lever | all: hit@1 | hit@5 | MRR@10 | even: hit@1 | hit@5 | MRR@10 | odd: hit@1 | hit@5 | MRR@10 | questions better / worse |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<Row> rows = new ArrayList<>();
        boolean quick = capsule != null || Boolean.getBoolean("levers.quick");

        // One index per analysis chain; the similarities are search-time (all of Lucene's encode
        // the same norm, so one index serves them all).
        Chain light = new Chain("light");
        Chain exact = new Chain("none");
        try (Directory main = build(corpus, light, exact)) {
            try (DirectoryReader reader = DirectoryReader.open(main)) {
                // Baseline: what PassageSearch ranks.
                rows.add(run("current ranking (BM25F, proximity, document evidence)", corpus, reader,
                        new BM25Similarity(), current(light, null)));
                if (!quick) {
                    rows.add(run("BM25F alone (no proximity, no evidence)", corpus, reader,
                            new BM25Similarity(), (s, q, d) -> s.search(PassageQuery.matching(terms(light, q)), d).scoreDocs));
                }
                // 1. Similarities.
                Map<String, Similarity> similarities = new LinkedHashMap<>();
                for (float mu : new float[] {5, 10, 25, 50, 100, 200, 400, 800, 1500, 2000}) {
                    similarities.put("LM Dirichlet mu=" + (int) mu, new LMDirichletSimilarity(mu));
                }
                for (float lambda : new float[] {0.1f, 0.4f, 0.7f}) {
                    similarities.put("LM Jelinek-Mercer lambda=" + lambda, new LMJelinekMercerSimilarity(lambda));
                }
                similarities.put("DFR I(ne) L H2", new DFRSimilarity(new BasicModelIne(), new AfterEffectL(), new NormalizationH2()));
                similarities.put("DFR I(n) B H2", new DFRSimilarity(new BasicModelIn(), new AfterEffectB(), new NormalizationH2()));
                similarities.put("DFR G L H2", new DFRSimilarity(new BasicModelG(), new AfterEffectL(), new NormalizationH2()));
                similarities.put("IB LL DF H2", new IBSimilarity(new DistributionLL(), new LambdaDF(), new NormalizationH2()));
                similarities.put("IB SPL DF H2", new IBSimilarity(new DistributionSPL(), new LambdaDF(), new NormalizationH2()));
                similarities.put("Axiomatic F2EXP", new AxiomaticF2EXP());
                similarities.put("Axiomatic F2LOG", new AxiomaticF2LOG());
                similarities.put("Axiomatic F1EXP", new AxiomaticF1EXP());
                for (var e : similarities.entrySet()) {
                    if (quick && !e.getKey().startsWith(System.getProperty("levers.similarity", "~"))) {
                        continue;
                    }
                    rows.add(run("similarity: " + e.getKey(), corpus, reader, e.getValue(), current(light, null)));
                }
                // 3. Sequential dependence (Metzler & Croft) in place of the proximity boost.
                rows.add(run("SDM 0.85/0.1/0.05 (BM25), in place of proximity", corpus, reader,
                        new BM25Similarity(), sdm(light, 0.85, 0.10, 0.05)));
                rows.add(run("SDM 0.85/0.1/0.05 (LM Dirichlet mu=" + mu() + "), in place of proximity", corpus, reader,
                        new LMDirichletSimilarity(mu()), sdm(light, 0.85, 0.10, 0.05)));
                // 2b. Stemmed and exact (folded, unstemmed) evidence.
                for (float w : new float[] {0.25f, 0.5f, 1.0f}) {
                    rows.add(run("stemmed + " + w + " x exact-form field (BM25F-like sum)", corpus, reader,
                            new BM25Similarity(), current(light, (q, b) -> addExact(exact, q, b, w))));
                }
                rows.add(run("rank fusion (RRF k=60) of current and exact-form ranking", corpus, reader,
                        new BM25Similarity(), fusedWithExact(light, exact)));
                // 4. Question/answer mismatch.
                for (double share : new double[] {0.02, 0.05, 0.10, 0.20}) {
                    rows.add(run("query terms in more than " + (int) (share * 100) + "% of passages dropped", corpus, reader,
                            new BM25Similarity(), dropFrequent(light, share)));
                }
                for (float w : new float[] {0.1f, 0.25f, 0.5f, 1.0f}) {
                    rows.add(run("title as own field, weight " + w, corpus, reader,
                            new BM25Similarity(), current(light, (q, b) -> addTitle(light, q, b, w))));
                }
            }
        }
        // 2a. Stemmers (a new index each).
        for (String stemmer : new String[] {"minimal", "snowball", "snowball-before-folding", "none"}) {
            Chain chain = new Chain(stemmer);
            try (Directory dir = build(corpus, chain, null); DirectoryReader reader = DirectoryReader.open(dir)) {
                rows.add(run("stemmer: " + stemmer, corpus, reader, new BM25Similarity(), current(chain, null)));
            }
        }
        // 2c. Exact and stemmed forms in the same fields, at the same position (KeywordRepeatFilter):
        // no second field; the question's stems as today plus w x its exact forms that differ from them.
        Chain repeat = new Chain("light-repeat");
        try (Directory dir = build(corpus, repeat, null); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (float w : new float[] {0.25f, 0.5f, 1.0f}) {
                rows.add(run("exact and stemmed forms in one field, exact forms weighted " + w, corpus, reader,
                        new BM25Similarity(), current(light, (q, query) -> addExactForms(light, exact, q, query, w))));
            }
        }
        for (Row row : rows) {
            out.append("| ").append(row.name());
            for (RankingMetrics m : row.metrics()) {
                out.append(String.format(Locale.ROOT, " | %.3f | %.3f | %.3f", m.hitAt1(), m.hitAt5(), m.mrrAt10()));
            }
            out.append(" | ").append(compare(row.reciprocalRanks())).append(" |\n");
        }
        System.out.print(out);
        Path report = Path.of("target/benchmarks/levers-" + (capsule == null ? "cnil" : Path.of(capsule).getFileName()) + ".md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out);
    }

    private static float mu() {
        return Float.parseFloat(System.getProperty("levers.mu", "10"));
    }

    // ---------------------------------------------------------------- rankings

    interface ExtraClauses {
        void add(String question, BooleanQuery.Builder query);
    }

    private static QueryTerms terms(Analyzer analyzer, String question) {
        return QueryTerms.analyse(analyzer, IndexSchema.TEXT, question, PassageSearch.MAX_QUERY_TERMS,
                QuestionFrame.terms(analyzer, IndexSchema.TEXT));
    }

    /** PassageSearch's ranking, with optional extra SHOULD clauses in the first-stage query. */
    private static Ranker current(Analyzer analyzer, ExtraClauses extra) {
        return (searcher, question, depth) -> {
            QueryTerms terms = terms(analyzer, question);
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (String term : terms.distinct()) {
                query.add(new TermQuery(new Term(IndexSchema.CONTENT, term)), Occur.SHOULD);
            }
            if (extra != null) {
                extra.add(question, query);
            }
            if (terms.isEmpty()) {
                return new ScoreDoc[0];
            }
            ScoreDoc[] top = searcher.search(query.build(), depth).scoreDocs;
            if (top.length > 1) {
                top = CandidateProximity.rescore(searcher, terms, top);
            }
            return DocumentEvidence.aggregate(searcher.getIndexReader(), top);
        };
    }

    private static void addExact(Analyzer exact, String question, BooleanQuery.Builder query, float weight) {
        for (String term : terms(exact, question).distinct()) {
            query.add(new BoostQuery(new TermQuery(new Term(EXACT, term)), weight), Occur.SHOULD);
        }
    }

    /** The question's exact forms that are not also its stems, on {@link IndexSchema#CONTENT}. */
    private static void addExactForms(Analyzer stemmed, Analyzer exact, String question, BooleanQuery.Builder query,
            float weight) {
        Set<String> stems = terms(stemmed, question).distinct();
        for (String term : terms(exact, question).distinct()) {
            if (!stems.contains(term)) {
                query.add(new BoostQuery(new TermQuery(new Term(IndexSchema.CONTENT, term)), weight), Occur.SHOULD);
            }
        }
    }

    private static void addTitle(Analyzer analyzer, String question, BooleanQuery.Builder query, float weight) {
        for (String term : terms(analyzer, question).distinct()) {
            query.add(new BoostQuery(new TermQuery(new Term(TITLE_ONLY, term)), weight), Occur.SHOULD);
        }
    }

    private static Ranker fusedWithExact(Analyzer stemmed, Analyzer exact) {
        Ranker current = current(stemmed, null);
        return (searcher, question, depth) -> {
            ScoreDoc[] first = current.rank(searcher, question, depth);
            QueryTerms exactTerms = terms(exact, question);
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (String term : exactTerms.distinct()) {
                query.add(new TermQuery(new Term(EXACT, term)), Occur.SHOULD);
            }
            ScoreDoc[] second = exactTerms.isEmpty() ? new ScoreDoc[0] : searcher.search(query.build(), depth).scoreDocs;
            second = DocumentEvidence.aggregate(searcher.getIndexReader(), second);
            List<RankFusion.Fused<Integer>> fused = RankFusion.fuse(ids(first), ids(second), depth);
            return fused.stream().map(f -> new ScoreDoc(f.key(), (float) f.score())).toArray(ScoreDoc[]::new);
        };
    }

    private static List<Integer> ids(ScoreDoc[] docs) {
        return Arrays.stream(docs).map(d -> d.doc).toList();
    }

    /** Question terms held by more than {@code share} of the passages left out (unless all are). */
    private static Ranker dropFrequent(Analyzer analyzer, double share) {
        return (searcher, question, depth) -> {
            QueryTerms terms = terms(analyzer, question);
            int passages = searcher.getIndexReader().getDocCount(IndexSchema.CONTENT);
            List<String> kept = new ArrayList<>();
            for (String term : terms.sequence()) {
                if (searcher.getIndexReader().docFreq(new Term(IndexSchema.CONTENT, term)) <= share * passages) {
                    kept.add(term);
                }
            }
            QueryTerms reduced = kept.isEmpty() ? terms : new QueryTerms(kept, new LinkedHashSet<>(kept));
            if (reduced.isEmpty()) {
                return new ScoreDoc[0];
            }
            ScoreDoc[] top = searcher.search(PassageQuery.matching(reduced), depth).scoreDocs;
            if (top.length > 1) {
                top = CandidateProximity.rescore(searcher, reduced, top);
            }
            return DocumentEvidence.aggregate(searcher.getIndexReader(), top);
        };
    }

    /**
     * Sequential dependence: unigram score (BM25F, first stage) × wT, plus for each pair of
     * consecutive question terms an ordered-window feature (#1: the second term right after the
     * first in the passage's analysed text, stop words removed as Indri's stopped index has them)
     * × wO and an unordered-window feature (#uw8: both within 8 analysed tokens) × wU, each
     * scored by the searcher's similarity with the two terms' statistics on TEXT and the passage's
     * norm, as Lucene scores a phrase. The candidates' text is re-analysed (an experiment: cost
     * is not the point here).
     */
    private static Ranker sdm(Analyzer analyzer, double wT, double wO, double wU) {
        return (searcher, question, depth) -> {
            QueryTerms terms = terms(analyzer, question);
            if (terms.isEmpty()) {
                return new ScoreDoc[0];
            }
            ScoreDoc[] top = searcher.search(PassageQuery.matching(terms), depth).scoreDocs;
            List<List<String>> pairs = new ArrayList<>();
            List<String> sequence = terms.sequence();
            for (int i = 1; i < sequence.size(); i++) {
                List<String> pair = List.of(sequence.get(i - 1), sequence.get(i));
                if (!pair.get(0).equals(pair.get(1)) && !pairs.contains(pair)) {
                    pairs.add(pair);
                }
            }
            CollectionStatistics collection = searcher.collectionStatistics(IndexSchema.TEXT);
            List<SimScorer> scorers = new ArrayList<>(); // null for a pair that can match nothing
            for (List<String> pair : pairs) {
                TermStatistics a = stats(searcher, pair.get(0));
                TermStatistics b = stats(searcher, pair.get(1));
                scorers.add(a == null || b == null || collection == null
                        ? null : searcher.getSimilarity().scorer(1f, collection, a, b));
            }
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            ScoreDoc[] scored = new ScoreDoc[top.length];
            for (int h = 0; h < top.length; h++) {
                double score = wT * top[h].score;
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(top[h].doc, leaves));
                int local = top[h].doc - leaf.docBase;
                NumericDocValues norms = leaf.reader().getNormValues(IndexSchema.TEXT);
                long norm = norms != null && norms.advanceExact(local) ? norms.longValue() : 1L;
                List<String> tokens = tokens(analyzer, searcher.storedFields().document(top[h].doc).get(IndexSchema.TEXT));
                for (int p = 0; p < pairs.size(); p++) {
                    if (scorers.get(p) == null) {
                        continue;
                    }
                    String a = pairs.get(p).get(0);
                    String b = pairs.get(p).get(1);
                    int ordered = 0;
                    int unordered = 0;
                    for (int i = 0; i < tokens.size(); i++) {
                        if (tokens.get(i).equals(a)) {
                            if (i + 1 < tokens.size() && tokens.get(i + 1).equals(b)) {
                                ordered++;
                            }
                            for (int j = Math.max(0, i - 7); j <= Math.min(tokens.size() - 1, i + 7); j++) {
                                if (tokens.get(j).equals(b)) {
                                    unordered++;
                                    break;
                                }
                            }
                        }
                    }
                    SimScorer scorer = scorers.get(p);
                    if (ordered > 0) {
                        score += wO * scorer.score(ordered, norm);
                    }
                    if (unordered > 0) {
                        score += wU * scorer.score(unordered, norm);
                    }
                }
                scored[h] = new ScoreDoc(top[h].doc, (float) score);
            }
            Arrays.sort(scored, (x, y) -> x.score != y.score ? Float.compare(y.score, x.score) : Integer.compare(x.doc, y.doc));
            return DocumentEvidence.aggregate(searcher.getIndexReader(), scored);
        };
    }

    private static TermStatistics stats(IndexSearcher searcher, String term) throws IOException {
        Term key = new Term(IndexSchema.TEXT, term);
        int df = searcher.getIndexReader().docFreq(key);
        return df == 0 ? null : searcher.termStatistics(key, df, searcher.getIndexReader().totalTermFreq(key));
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(IndexSchema.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    // ---------------------------------------------------------------- scoring

    private static Row run(String name, Corpus corpus, DirectoryReader reader, Similarity similarity, Ranker ranker)
            throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        RankingMetrics[] metrics = {new RankingMetrics(), new RankingMetrics(), new RankingMetrics()};
        double[] reciprocal = new double[corpus.cases().size()];
        for (int q = 0; q < corpus.cases().size(); q++) {
            Case c = corpus.cases().get(q);
            ScoreDoc[] ranked = ranker.rank(searcher, c.question(), PassageSearch.candidates(DEPTH));
            LinkedHashSet<String> documents = new LinkedHashSet<>();
            for (int i = 0; i < Math.min(DEPTH, ranked.length); i++) {
                documents.add(searcher.storedFields().document(ranked[i].doc).get(IndexSchema.DOCUMENT_ID));
            }
            List<String> list = List.copyOf(documents);
            String expected = c.expected().stream().filter(list::contains)
                    .min(Comparator.comparingInt(list::indexOf)).orElse(c.expected().get(0));
            for (int m : new int[] {0, 1 + q % 2}) {
                metrics[m].add(list, expected);
            }
            int rank = list.indexOf(expected);
            reciprocal[q] = rank >= 0 && rank < 10 ? 1.0 / (rank + 1) : 0;
        }
        if (baseline == null) {
            baseline = reciprocal;
        }
        Row row = new Row(name, metrics, reciprocal);
        System.out.printf(Locale.ROOT, "%-70s %s%n", name, Arrays.stream(metrics)
                .map(m -> String.format(Locale.ROOT, "%.3f %.3f %.3f", m.hitAt1(), m.hitAt5(), m.mrrAt10()))
                .reduce((a, b) -> a + " | " + b).orElse(""));
        return row;
    }

    /** How many questions rank their document better and worse (reciprocal rank at 10) than the current ranking. */
    private static String compare(double[] reciprocal) {
        int better = 0;
        int worse = 0;
        for (int q = 0; q < reciprocal.length; q++) {
            if (reciprocal[q] > baseline[q]) {
                better++;
            } else if (reciprocal[q] < baseline[q]) {
                worse++;
            }
        }
        return better + " / " + worse;
    }

    // ---------------------------------------------------------------- indexes

    private static final FieldType FREQS = freqs();

    private static FieldType freqs() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    /** The capsule layout built with {@code analyzer}; with {@code exact}, the exact-form and title fields too. */
    private static Directory build(Corpus corpus, Analyzer analyzer, Analyzer exact) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(
                exact == null ? analyzer : new PerFieldAnalyzerWrapper(analyzer, Map.of(EXACT, exact))))) {
            for (DocumentRecord record : corpus.records()) {
                List<Passage> passages = corpus.passages().get(record.documentId());
                List<Document> entries = IndexSchema.toLucene(record, passages, null, analyzer);
                if (exact != null) {
                    for (int i = 0; i < passages.size(); i++) {
                        Document entry = entries.get(i + 1);
                        Passage passage = passages.get(i);
                        entry.add(new Field(EXACT, passage.text(), FREQS));
                        for (int w = 0; w < IndexSchema.TITLE_AND_HEADINGS_WEIGHT; w++) {
                            entry.add(new Field(EXACT, record.title(), FREQS));
                            for (String heading : passage.headingPath()) {
                                entry.add(new Field(EXACT, heading, FREQS));
                            }
                        }
                        entry.add(new Field(TITLE_ONLY, record.title(), FREQS));
                    }
                }
                writer.addDocuments(entries);
            }
            writer.forceMerge(1);
        }
        return dir;
    }

    /** FrenchTextAnalyzer's chain with another stemmer (or none: folded forms). */
    static final class Chain extends Analyzer {

        private final String stemmer;

        Chain(String stemmer) {
            this.stemmer = stemmer;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = FrenchTextAnalyzer.elidedLowerCasedStopped(source);
            if (stemmer.equals("snowball-before-folding")) {
                stream = new SnowballFilter(stream, new FrenchStemmer());
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
            stream = new ASCIIFoldingFilter(stream);
            if (stemmer.equals("light-repeat")) {
                stream = new KeywordRepeatFilter(stream);
                stream = new FrenchLightStemFilter(stream);
                return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(stream));
            }
            stream = switch (stemmer) {
                case "light" -> new FrenchLightStemFilter(stream);
                case "minimal" -> new FrenchMinimalStemFilter(stream);
                case "snowball" -> new SnowballFilter(stream, new FrenchStemmer());
                case "none" -> stream;
                default -> throw new IllegalArgumentException(stemmer);
            };
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 100;
        }
    }

    // ---------------------------------------------------------------- inputs

    /** The passages as the ingestion pipeline cuts them, read back from a capsule index. */
    private static Corpus ingest(RetrievalCases read) throws IOException {
        List<SourceFile> sources = read.sources();
        Path temp = Files.createTempDirectory("capsules-levers-");
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults());
                CapsuleIndex index = LuceneCapsuleIndex.open(temp.resolve("index"), IndexSettings.lexicalOnly())) {
            List<IngestionResult> results = ingestion.ingestAll(sources, index);
            index.commit();
            Map<String, String> idByFile = new HashMap<>();
            for (int i = 0; i < sources.size(); i++) {
                if (results.get(i).documentId() != null) {
                    idByFile.put(sources.get(i).name().value(), results.get(i).documentId());
                }
            }
            List<DocumentRecord> records = index.documents();
            Map<String, List<Passage>> passages = new LinkedHashMap<>();
            for (DocumentRecord record : records) {
                List<Passage> list = new ArrayList<>();
                for (PassageHit hit : index.passages(record.documentId())) {
                    list.add(new Passage(hit.text(), hit.page(), hit.headingPath(), hit.kind()));
                }
                passages.put(record.documentId(), list);
            }
            List<Case> cases = new ArrayList<>();
            for (RetrievalCases.Case c : read.cases()) {
                cases.add(new Case(c.question(), c.expectedFiles().stream().map(f -> idByFile.getOrDefault(f, "?" + f)).toList()));
            }
            return new Corpus(records, passages, cases);
        } finally {
            try (Stream<Path> files = Files.walk(temp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Corpus squad(Path file) throws IOException {
        return ingest(RetrievalCases.squad(file));
    }

    private static Corpus capsule(Path folder) throws IOException {
        return ingest(RetrievalCases.capsule(folder));
    }
}
