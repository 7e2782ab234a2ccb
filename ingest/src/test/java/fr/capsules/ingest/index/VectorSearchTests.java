package fr.capsules.ingest.index;

import static fr.capsules.ingest.index.SampleDocuments.EHPAD_INSPECTION;
import static fr.capsules.ingest.index.SampleDocuments.RECLAMATIONS_PROCEDURE;
import static fr.capsules.ingest.index.SampleDocuments.passage;
import static fr.capsules.ingest.index.SampleDocuments.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import fr.capsules.ingest.chunk.Passage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorSearchTests {

    @TempDir Path dir;

    private final SynonymHashingEmbedder embedder = SynonymHashingEmbedder.create();
    private CapsuleIndex index;

    // Shares no analysed term with the question below: only the synonym table links them
    // (réclamation ~ plainte, délai ~ temps).
    private static final List<Passage> DELAYS =
            List.of(passage(1, List.of(), "Le délai de traitement d'une réclamation est fixé à"
                    + " deux mois à compter de sa réception."));
    // Shares "réponse" with the question, and nothing else.
    private static final List<Passage> MENUS =
            List.of(passage(1, List.of(), "Les menus de la restauration sont affichés chaque"
                    + " semaine ; une réponse est apportée aux remarques des résidents."));
    private static final List<Passage> VISITS =
            List.of(passage(1, List.of(), "Les visites des familles sont autorisées tous les"
                    + " après-midi, sans rendez-vous préalable."));

    private static final String QUESTION = "Combien de temps faut-il pour qu'une plainte obtienne"
            + " une réponse ?";

    @BeforeEach
    void open() throws IOException {
        index = LuceneCapsuleIndex.open(dir, IndexSettings.of(embedder));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private void add(String id, List<Passage> passages) throws IOException {
        index.add(record(id, id + ".pdf", "", passages), passages, vectors(passages));
    }

    private List<float[]> vectors(List<Passage> passages) {
        return embedder.embed(passages.stream().map(Passage::text).toList());
    }

    private void addParaphraseSamples() throws IOException {
        add("delays", DELAYS);
        add("menus", MENUS);
        add("visits", VISITS);
        index.commit();
    }

    @Test
    void vectorSearchFindsAParaphraseThatBm25Misses() throws IOException {
        addParaphraseSamples();

        List<PassageHit> lexical = index.search(QUESTION, 5);
        List<PassageHit> hybrid = index.search(QUESTION, embedder.vector(QUESTION), 2);

        // Lexical search lists non-matching passages after the matching ones, at score 0.
        assertThat(lexical).filteredOn(hit -> hit.score() > 0)
                .extracting(PassageHit::documentId)
                .containsExactly("menus");
        // menus: lexical 1st and vector 2nd; delays: vector 1st, and no lexical credit at all.
        // Coverage: 1 of 4 terms (temps, plainte, obtienne, réponse; "faut-il" only frames it).
        assertThat(hybrid)
                .extracting(PassageHit::documentId, PassageHit::score, PassageHit::queryCoverage)
                .containsExactly(
                        tuple("menus", (float) (1.0 / 61 + 1.0 / 62), 0.25),
                        tuple("delays", (float) (1.0 / 61), 0.0));
    }

    @Test
    void hybridScoresAreReciprocalRankFusionScores() throws IOException {
        addParaphraseSamples();

        List<PassageHit> hits =
                index.search("visites des familles", embedder.vector("visites des familles"), 3);

        // First in both lists: 1/61 + 1/61.
        assertThat(hits.getFirst().documentId()).isEqualTo("visits");
        assertThat(hits.getFirst().score()).isEqualTo((float) (2.0 / 61));
        assertThat(hits).extracting(PassageHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void withoutAQueryVectorTheSearchIsPlainBm25() throws IOException {
        add("proc", RECLAMATIONS_PROCEDURE);
        add("ehpad", EHPAD_INSPECTION);
        index.commit();
        String question = "Quel délai pour répondre à une réclamation après inspection ?";

        assertThat(index.search(question, null, 5)).isEqualTo(index.search(question, 5));
        assertThat(index.search(question, null, 5)).isNotEmpty();
    }

    @Test
    void vectorSearchNeverReturnsDocumentRecords() throws IOException {
        addParaphraseSamples();

        assertThat(index.search("rapport", embedder.vector("rapport"), 50))
                .hasSize(3)
                .allSatisfy(hit -> assertThat(hit.passageId()).contains("#"));
    }

    @Test
    void aQuestionOfStopWordsIsAnsweredByTheVectorsAlone() throws IOException {
        addParaphraseSamples();

        assertThat(index.search("Comment est-ce que ?", 5)).isEmpty();
        assertThat(index.search("Comment est-ce que ?", embedder.vector("délai"), 1))
                .extracting(PassageHit::documentId, PassageHit::queryCoverage)
                .containsExactly(tuple("delays", 0.0));
    }

    @Test
    void vectorsAreComparedByDirectionWhateverTheirLength() throws IOException {
        // Unnormalised, "long" would win a dot product (10 against 0.1); by direction, "aligned"
        // is the query's own direction and "long" is 45° away.
        float[] aligned = unit(0, 0.1f);
        float[] longOne = unit(0, 10f);
        longOne[1] = 10f;
        index.add(record("aligned", "aligned.pdf", "", VISITS), VISITS, List.of(aligned));
        index.add(record("long", "long.pdf", "", MENUS), MENUS, List.of(longOne));
        index.commit();

        assertThat(index.search("xyzzy", unit(0, 3f), 2))
                .extracting(PassageHit::documentId)
                .containsExactly("aligned", "long");
        assertThat(aligned[0]).as("the caller's array is left untouched").isEqualTo(0.1f);
    }

    private float[] unit(int axis, float length) {
        float[] vector = new float[embedder.dimension()];
        vector[axis] = length;
        return vector;
    }

    @Test
    void aWrongNumberOfVectorsIsRefusedAndNothingIsWritten() throws IOException {
        List<float[]> one = vectors(RECLAMATIONS_PROCEDURE.subList(0, 1));

        assertThatThrownBy(
                        () -> index.add(record("proc", "proc.pdf", "", RECLAMATIONS_PROCEDURE),
                                RECLAMATIONS_PROCEDURE, one))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 passages but 1 vectors");
        index.commit();
        assertThat(index.documents()).isEmpty();
    }

    @Test
    void aVectorOfTheWrongDimensionIsRefusedAndNothingIsWritten() throws IOException {
        List<float[]> shortVectors = List.of(new float[] {1, 0, 0});

        assertThatThrownBy(() -> index.add(record("v", "v.pdf", "", VISITS), VISITS, shortVectors))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passage 0 vector has 3 dimensions, the index expects 64");
        assertThatThrownBy(
                        () -> index.add(record("v", "v.pdf", "", VISITS), VISITS,
                                List.of(new float[64])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero");
        index.commit();
        assertThat(index.passageCount()).isZero();
    }

    @Test
    void aQueryVectorOfTheWrongDimensionIsRefused() throws IOException {
        addParaphraseSamples();

        assertThatThrownBy(() -> index.search(QUESTION, new float[] {1, 2}, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query vector has 2 dimensions");
    }

    @Test
    void passagesWithoutVectorsAreRefusedByAVectorIndex() {
        assertThatThrownBy(() -> index.add(record("v", "v.pdf", "", VISITS), VISITS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds vectors of 'test-hashing'");
    }

    @Test
    void aLexicalIndexRefusesVectorsAndQueryVectors(@TempDir Path lexicalDir) throws IOException {
        try (CapsuleIndex lexical = LuceneCapsuleIndex.open(lexicalDir, IndexSettings.lexicalOnly())) {
            assertThatThrownBy(
                            () -> lexical.add(record("v", "v.pdf", "", VISITS), VISITS,
                                    vectors(VISITS)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("holds no vectors");
            assertThatThrownBy(() -> lexical.search(QUESTION, embedder.vector(QUESTION), 5))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("holds no vectors");
            assertThat(lexical.search(QUESTION, null, 5)).isEmpty();
        }
    }

    @Test
    void anEmptyVectorIndexFindsNothing() throws IOException {
        assertThat(index.search(QUESTION, embedder.vector(QUESTION), 5)).isEmpty();
    }

    @Test
    void vectorsSurviveAReopen() throws IOException {
        addParaphraseSamples();
        index.close();
        index = LuceneCapsuleIndex.open(dir, IndexSettings.of(embedder));

        assertThat(index.search(QUESTION, embedder.vector(QUESTION), 2))
                .extracting(PassageHit::documentId)
                .contains("delays");
    }
}
