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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DenseNorms} serves the same norms as the index, so the same scores, over several
 * segments of the product's layout (records without text among the passages), and keeps doing so
 * across a refresh that adds a segment.
 */
class DenseNormsTests {

    private static final String[] WORDS = {
        "délai", "réponse", "réclamation", "usager", "famille", "établissement", "directeur", "inspection",
        "signalement", "maltraitance", "résident", "ehpad", "courrier", "accusé", "réception", "mois", "de", "la"
    };

    @TempDir Path dir;

    @Test
    void normsAndScoresAreTheIndexOwnAcrossSegmentsAndRefreshes() throws IOException {
        Random random = new Random(3L);
        try (LuceneCapsuleIndex index = LuceneCapsuleIndex.open(dir, IndexSettings.lexicalOnly());
                FSDirectory directory = FSDirectory.open(dir)) {
            addDocuments(index, random, 0, 90);
            DirectoryReader plain = DirectoryReader.open(directory);
            DirectoryReader dense = DenseNorms.wrap(DirectoryReader.open(directory));
            try {
                assertThat(dense.leaves()).hasSizeGreaterThan(1);
                assertSame(plain, dense, random);

                addDocuments(index, random, 90, 120);
                DirectoryReader newerPlain = DirectoryReader.openIfChanged(plain);
                DirectoryReader newerDense = DirectoryReader.openIfChanged(dense);
                assertThat(newerDense).isInstanceOf(DenseNorms.class);
                plain.close();
                dense.close();
                plain = newerPlain;
                dense = newerDense;
                assertThat(dense.numDocs()).isGreaterThan(0);
                assertSame(plain, dense, random);
            } finally {
                plain.close();
                dense.close();
            }
        }
    }

    private void assertSame(DirectoryReader plain, DirectoryReader dense, Random random) throws IOException {
        int compared = 0;
        for (int l = 0; l < plain.leaves().size(); l++) {
            LeafReaderContext a = plain.leaves().get(l);
            LeafReaderContext b = dense.leaves().get(l);
            for (String field : List.of(IndexSchema.CONTENT, IndexSchema.TEXT)) {
                NumericDocValues expected = a.reader().getNormValues(field);
                NumericDocValues actual = b.reader().getNormValues(field);
                assertThat(actual.getClass().getSimpleName()).isEqualTo("InMemory");
                for (int doc = 0; doc < a.reader().maxDoc(); doc++) {
                    boolean has = expected.advanceExact(doc);
                    assertThat(actual.advanceExact(doc)).isEqualTo(has);
                    if (has) {
                        assertThat(actual.longValue()).isEqualTo(expected.longValue());
                        compared++;
                    }
                }
                NumericDocValues iterated = b.reader().getNormValues(field);
                NumericDocValues reference = a.reader().getNormValues(field);
                for (int doc = reference.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = reference.nextDoc()) {
                    assertThat(iterated.nextDoc()).isEqualTo(doc);
                }
                assertThat(iterated.nextDoc()).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
            }
        }
        assertThat(compared).isGreaterThan(200);
        IndexSearcher plainSearcher = new IndexSearcher(plain);
        IndexSearcher denseSearcher = new IndexSearcher(dense);
        FrenchTextAnalyzer analyzer = new FrenchTextAnalyzer();
        for (int q = 0; q < 40; q++) {
            QueryTerms terms = QueryTerms.analyse(analyzer, IndexSchema.TEXT, sentence(random, 2 + random.nextInt(6)),
                    PassageSearch.MAX_QUERY_TERMS);
            if (terms.isEmpty()) {
                continue;
            }
            ScoreDoc[] expected = plainSearcher.search(PassageQuery.matching(terms), 50).scoreDocs;
            ScoreDoc[] actual = denseSearcher.search(PassageQuery.matching(terms), 50).scoreDocs;
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i].doc).isEqualTo(expected[i].doc);
                assertThat(Float.floatToIntBits(actual[i].score)).isEqualTo(Float.floatToIntBits(expected[i].score));
            }
            ScoreDoc[] rescoredPlain = CandidateProximity.rescore(plainSearcher, terms, expected);
            ScoreDoc[] rescoredDense = CandidateProximity.rescore(denseSearcher, terms, actual);
            for (int i = 0; i < expected.length; i++) {
                assertThat(rescoredDense[i].doc).isEqualTo(rescoredPlain[i].doc);
                assertThat(Float.floatToIntBits(rescoredDense[i].score))
                        .isEqualTo(Float.floatToIntBits(rescoredPlain[i].score));
            }
        }
    }

    private static void addDocuments(LuceneCapsuleIndex index, Random random, int from, int to) throws IOException {
        for (int d = from; d < to; d++) {
            List<Passage> passages = new ArrayList<>();
            for (int p = 0; p < 1 + random.nextInt(5); p++) {
                passages.add(SampleDocuments.passage(1, List.of(sentence(random, 2)), sentence(random, 5 + random.nextInt(40))));
            }
            index.add(SampleDocuments.record("doc-" + d, "doc-" + d + ".md", sentence(random, 3), passages), passages);
            if (d % 30 == 29) {
                index.commit();
            }
        }
        index.commit();
    }

    private static String sentence(Random random, int words) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sentence.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sentence.toString();
    }
}
