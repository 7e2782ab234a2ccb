package fr.capsules.ingest.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.analysis.FrenchTextAnalyzer;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.SampleDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CandidateProximity} gives exactly the scores and order of Lucene's {@link QueryRescorer}
 * with the proximity clauses of {@link PassageQuery#proximity}, which it replaces in the search
 * path: same floats, bit for bit, on an index of the product's layout written through the port,
 * over several segments, with a small French vocabulary so that pairs stand at every distance
 * and repeat within a passage.
 */
class CandidateProximityTests {

    private static final String[] WORDS = {
        "délai", "réponse", "réclamation", "usager", "famille", "établissement", "directeur", "inspection",
        "signalement", "maltraitance", "résident", "ehpad", "courrier", "accusé", "réception", "mois",
        "conseil", "départemental", "agence", "santé", "contrôle", "mesure", "urgence", "procédure"
    };
    private static final String[] GLUE = {"de", "la", "le", "du", "et", "en", "au", "pour", "dans", "un"};

    @TempDir Path dir;

    @Test
    void candidateProximityScoresExactlyAsTheQueryRescorer() throws IOException {
        Random random = new Random(7L);
        try (LuceneCapsuleIndex index = LuceneCapsuleIndex.open(dir, IndexSettings.lexicalOnly())) {
            for (int d = 0; d < 240; d++) {
                List<Passage> passages = new ArrayList<>();
                for (int p = 0; p < 1 + random.nextInt(6); p++) {
                    passages.add(SampleDocuments.passage(1, List.of(sentence(random, 3)), sentence(random, 8 + random.nextInt(60))));
                }
                index.add(SampleDocuments.record("doc-" + d, "doc-" + d + ".md", sentence(random, 4), passages), passages);
                if (d % 60 == 59) {
                    index.commit(); // several segments
                }
            }
            index.commit();
        }
        int compared = 0;
        int moved = 0;
        try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).hasSizeGreaterThan(1);
            IndexSearcher searcher = new IndexSearcher(reader);
            FrenchTextAnalyzer analyzer = new FrenchTextAnalyzer();
            for (int q = 0; q < 300; q++) {
                QueryTerms terms = QueryTerms.analyse(analyzer,
                        IndexSchema.TEXT, sentence(random, 2 + random.nextInt(9)) + (q % 7 == 0 ? " inconnuxyz délai" : ""),
                        PassageSearch.MAX_QUERY_TERMS);
                if (terms.isEmpty()) {
                    continue;
                }
                TopDocs top = searcher.search(PassageQuery.matching(terms), 50);
                ScoreDoc[] firstPass = copy(top.scoreDocs);
                ScoreDoc[] mine = CandidateProximity.rescore(searcher, terms, copy(firstPass));
                var proximity = PassageQuery.proximity(terms);
                ScoreDoc[] lucene = proximity == null || firstPass.length < 2
                        ? sortedLikeRescorer(copy(firstPass))
                        : QueryRescorer.rescore(searcher, new TopDocs(top.totalHits, copy(firstPass)), proximity, 1.0,
                                firstPass.length).scoreDocs;
                assertThat(mine).hasSameSizeAs(lucene);
                for (int i = 0; i < mine.length; i++) {
                    assertThat(mine[i].doc).as("question %d, rank %d", q, i).isEqualTo(lucene[i].doc);
                    assertThat(Float.floatToIntBits(mine[i].score)).as("question %d, rank %d", q, i)
                            .isEqualTo(Float.floatToIntBits(lucene[i].score));
                }
                for (int i = 0; i < mine.length; i++) {
                    if (mine[i].doc != firstPass[i].doc) {
                        moved++;
                        break;
                    }
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(250);
        assertThat(moved).as("questions whose order proximity changed").isGreaterThan(50);
    }

    /** The walk over positions against Lucene's own sloppy phrase on one-document indexes. */
    @Test
    void sloppyFrequencyIsLucenesOnHandMadePositions() throws IOException {
        Random random = new Random(11L);
        for (int round = 0; round < 400; round++) {
            int length = 2 + random.nextInt(30);
            StringBuilder text = new StringBuilder();
            List<Integer> a = new ArrayList<>();
            List<Integer> b = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(5);
                String word = pick == 0 ? "aa" : pick == 1 ? "bb" : "zz";
                if (pick == 0) {
                    a.add(i);
                } else if (pick == 1) {
                    b.add(i);
                }
                text.append(i == 0 ? "" : " ").append(word);
            }
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            int slop = random.nextInt(5);
            float mine = CandidateProximity.sloppyFreq(toArray(a), a.size(), toArray(b), b.size(), slop);
            float lucene = luceneSloppyFreq(text.toString(), slop);
            assertThat(Float.floatToIntBits(mine)).as("%s ~%d", text, slop).isEqualTo(Float.floatToIntBits(lucene));
        }
    }

    /** Lucene's phrase frequency, read back through a similarity that scores the frequency itself. */
    private static float luceneSloppyFreq(String text, int slop) throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                Document doc = new Document();
                doc.add(new TextField("f", text, Field.Store.NO));
                writer.addDocument(doc);
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
            FrenchTextAnalyzer analyzer = new FrenchTextAnalyzer();
                searcher.setSimilarity(new FrequencySimilarity());
                PhraseQuery phrase = new PhraseQuery.Builder()
                        .add(new Term("f", "aa"), 0).add(new Term("f", "bb"), 1).setSlop(slop).build();
                ScoreDoc[] hits = searcher.search(phrase, 1).scoreDocs;
                return hits.length == 0 ? 0f : hits[0].score;
            }
        }
    }

    /** Scores a document with the phrase frequency, unchanged. */
    private static final class FrequencySimilarity extends org.apache.lucene.search.similarities.Similarity {
        @Override
        public long computeNorm(org.apache.lucene.index.FieldInvertState state) {
            return 1;
        }

        @Override
        public SimScorer scorer(float boost, org.apache.lucene.search.CollectionStatistics collectionStats,
                org.apache.lucene.search.TermStatistics... termStats) {
            return new SimScorer() {
                @Override
                public float score(float freq, long norm) {
                    return freq;
                }
            };
        }
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static ScoreDoc[] sortedLikeRescorer(ScoreDoc[] hits) {
        java.util.Arrays.sort(hits, (a, b) -> a.score > b.score ? -1 : a.score < b.score ? 1 : a.doc - b.doc);
        return hits;
    }

    private static ScoreDoc[] copy(ScoreDoc[] hits) {
        ScoreDoc[] copy = new ScoreDoc[hits.length];
        for (int i = 0; i < hits.length; i++) {
            copy[i] = new ScoreDoc(hits[i].doc, hits[i].score, hits[i].shardIndex);
        }
        return copy;
    }

    private static String sentence(Random random, int words) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = random.nextInt(3) == 0 ? GLUE[random.nextInt(GLUE.length)] : WORDS[random.nextInt(WORDS.length)];
            sentence.append(i == 0 ? "" : " ").append(word);
        }
        return sentence.toString();
    }
}
