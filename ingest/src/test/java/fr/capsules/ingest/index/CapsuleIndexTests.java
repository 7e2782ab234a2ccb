package fr.capsules.ingest.index;

import static fr.capsules.ingest.index.SampleDocuments.EHPAD_INSPECTION;
import static fr.capsules.ingest.index.SampleDocuments.RECLAMATIONS_PROCEDURE;
import static fr.capsules.ingest.index.SampleDocuments.passage;
import static fr.capsules.ingest.index.SampleDocuments.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import fr.capsules.ingest.chunk.Passage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapsuleIndexTests {

    @TempDir Path dir;

    private CapsuleIndex index;

    @BeforeEach
    void open() throws IOException {
        index = LuceneCapsuleIndex.open(dir, IndexSettings.lexicalOnly());
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private void addSamples() throws IOException {
        index.add(
                record("proc", "procedures/reclamations.pdf", "Procédure réclamations",
                        RECLAMATIONS_PROCEDURE),
                RECLAMATIONS_PROCEDURE);
        index.add(
                record("ehpad", "2024/ehpad-x/rapport.pdf", "Rapport d'inspection EHPAD X",
                        EHPAD_INSPECTION),
                EHPAD_INSPECTION);
        index.commit();
    }

    @Test
    void searchReturnsTheAnsweringPassageWithItsCitation() throws IOException {
        addSamples();

        List<PassageHit> hits =
                index.search("Quel est le délai pour répondre à une réclamation ?", 3);

        PassageHit best = hits.getFirst();
        assertThat(best.passageId()).isEqualTo("proc#1");
        assertThat(best.documentId()).isEqualTo("proc");
        assertThat(best.file()).isEqualTo("procedures/reclamations.pdf");
        assertThat(best.title()).isEqualTo("Procédure réclamations");
        assertThat(best.page()).isEqualTo(2);
        assertThat(best.headingPath())
                .containsExactly("Procédure de traitement des réclamations", "Délais");
        assertThat(best.kind()).isEqualTo(Passage.Kind.TEXT);
        assertThat(best.text()).startsWith("Le délai de réponse");
        assertThat(best.score()).isPositive();
    }

    @Test
    void documentRecordsAreListedByFileAndNeverReturnedAsPassages() throws IOException {
        addSamples();

        assertThat(index.documents())
                .extracting(DocumentRecord::file)
                .containsExactly("2024/ehpad-x/rapport.pdf", "procedures/reclamations.pdf");
        assertThat(index.document("ehpad")).get().extracting(DocumentRecord::chunks).isEqualTo(2);
        assertThat(index.passageCount()).isEqualTo(5);
        // "rapport" and "inspection" are in the record's title but a record is not a passage.
        assertThat(index.search("rapport inspection EHPAD", 10))
                .allSatisfy(hit -> assertThat(hit.passageId()).contains("#"));
    }

    @Test
    void aDocumentsPassagesComeBackInDocumentOrder() throws IOException {
        addSamples();

        List<PassageHit> passages = index.passages("proc");

        assertThat(passages).extracting(PassageHit::passageId).containsExactly("proc#0", "proc#1", "proc#2");
        assertThat(passages.get(1).text()).startsWith("Le délai de réponse");
        assertThat(passages.get(1).page()).isEqualTo(2);
        assertThat(index.passages("inconnu")).isEmpty();
    }

    @Test
    void recordRoundTripsThroughTheIndex() throws IOException {
        DocumentRecord record =
                new DocumentRecord(
                        "x", "a/b.docx", "Titre", null, 0, 1, SampleDocuments.sha256("b"),
                        "c1", "DOCX", List.of("page 3 sans texte"),
                        java.time.Instant.parse("2024-05-02T10:15:30.123Z"));
        index.add(record, List.of(passage(0, List.of(), "Texte court.")));
        index.commit();

        assertThat(index.document("x")).contains(record);
    }

    @Test
    void deleteRemovesTheDocumentAndItsPassages() throws IOException {
        addSamples();

        index.delete("proc");
        index.commit();

        assertThat(index.document("proc")).isEmpty();
        assertThat(index.passageCount()).isEqualTo(2);
        assertThat(index.search("délai de réponse", 10)).extracting(PassageHit::documentId).doesNotContain("proc");
    }

    @Test
    void aSearchReturnsOnlyPassagesThatMatchAQuestionTerm() throws IOException {
        addSamples();
        assertThat(index.search("délai de réponse", 10))
                .isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.score()).isPositive());
        assertThat(index.search("tartiflette savoyarde", 10)).isEmpty();
    }

    @Test
    void addingAnExistingIdReplacesTheDocument() throws IOException {
        addSamples();
        List<Passage> revised = List.of(passage(1, List.of(), "Nouvelle procédure."));

        index.add(record("proc", "procedures/reclamations.pdf", "V2", revised), revised);
        index.commit();

        assertThat(index.documents()).hasSize(2);
        assertThat(index.passageCount()).isEqualTo(3);
    }

    @Test
    void uncommittedChangesAreInvisibleAndLostWhenClosed() throws IOException {
        addSamples();
        index.add(record("late", "late.pdf", "Tardif", EHPAD_INSPECTION), EHPAD_INSPECTION);
        index.delete("proc");

        assertThat(index.document("late")).isEmpty();
        assertThat(index.document("proc")).isPresent();
        assertThat(index.passageCount()).isEqualTo(5);

        index.close(); // as a crash: no commit
        index = LuceneCapsuleIndex.open(dir, IndexSettings.lexicalOnly());

        assertThat(index.document("late")).isEmpty();
        assertThat(index.document("proc")).isPresent();
        assertThat(index.passageCount()).isEqualTo(5);
    }

    @Test
    void duplicatesAreFoundByFileHashAndByContentHashEvenBeforeCommit() throws IOException {
        addSamples();
        DocumentRecord proc = index.document("proc").orElseThrow();
        DocumentRecord copy =
                record("copy", "2023/copie.pdf", "Copie", List.of(passage(1, List.of(), "x")));
        index.add(copy, List.of(passage(1, List.of(), "x")));

        assertThat(index.findByFileHash(proc.sha256().toUpperCase())).contains(proc);
        assertThat(index.findByContentHash(proc.contentHash())).contains(proc);
        assertThat(index.findByContentHash(copy.contentHash())).contains(copy);
        assertThat(index.findByFileHash(SampleDocuments.sha256("inconnu"))).isEmpty();

        index.delete("proc");
        assertThat(index.findByContentHash(proc.contentHash())).isEmpty();
    }

    @Test
    void aTermInTheTitleOrHeadingsOutranksTheSameTermInTheBodyAlone() throws IOException {
        List<Passage> inBody =
                List.of(passage(1, List.of("Généralités"),
                        "Ce document évoque la maltraitance parmi d'autres sujets de la vie"
                                + " quotidienne des résidents et du personnel soignant."));
        List<Passage> inHeading =
                List.of(passage(1, List.of("Maltraitance"),
                        "Ce document évoque la maltraitance parmi d'autres sujets de la vie"
                                + " quotidienne des résidents et du personnel soignant."));
        List<Passage> inTitle =
                List.of(passage(1, List.of("Généralités"),
                        "Ce document évoque la maltraitance parmi d'autres sujets de la vie"
                                + " quotidienne des résidents et du personnel soignant."));
        index.add(record("body", "body.pdf", "Note de service", inBody), inBody);
        index.add(record("heading", "heading.pdf", "Note de service", inHeading), inHeading);
        index.add(record("title", "title.pdf", "Prévention de la maltraitance", inTitle), inTitle);
        index.commit();

        // Title and headings weigh the same (twice the text); between those two, the shorter
        // field wins, as BM25 wants.
        List<String> ranked = index.search("maltraitance", 3).stream().map(PassageHit::documentId).toList();
        assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrder("title", "heading");
        assertThat(ranked.get(2)).isEqualTo("body");
    }

    @Test
    void adjacentQueryTermsOutrankTheSameTermsFarApart() throws IOException {
        String filler = " Le reste du paragraphe traite d'autres sujets sans rapport aucun. ";
        List<Passage> apart =
                List.of(passage(1, List.of(), "Le registre est tenu à jour." + filler
                        + "Les plaintes sont transmises au directeur."));
        List<Passage> together =
                List.of(passage(1, List.of(), "Le registre des plaintes est tenu à jour." + filler
                        + "Les documents sont transmis au directeur."));
        index.add(record("apart", "apart.pdf", "", apart), apart);
        index.add(record("together", "together.pdf", "", together), together);
        index.commit();

        assertThat(index.search("registre des plaintes", 2))
                .extracting(PassageHit::documentId)
                .containsExactly("together", "apart");
    }

    @Test
    void queryCoverageIsTheShareOfDistinctQueryTermsInThePassage() throws IOException {
        addSamples();

        // Analysed terms: délai, répondre, réclamation, après, inspection.
        List<PassageHit> hits =
                index.search("Quel délai pour répondre à une réclamation après inspection ?", 10);

        PassageHit delays = hits.stream().filter(h -> h.passageId().equals("proc#1")).findFirst()
                .orElseThrow();
        // délai, réclamation (text and headings), inspection; "répondre" stems apart from
        // "réponse".
        assertThat(delays.queryCoverage()).isEqualTo(0.6);
        PassageHit closing = hits.stream().filter(h -> h.passageId().equals("proc#2"))
                .findFirst().orElseThrow();
        // réclamation (from the headings) and après
        assertThat(closing.queryCoverage()).isEqualTo(0.4);
    }

    @Test
    void wordsThatOnlyFrameTheQuestionAreNotQueryTerms() throws IOException {
        addSamples();

        // "Doit-on faire" frames the question: its only term is réclamation, which proc#2 holds.
        PassageHit hit = index.search("Doit-on faire une réclamation ?", 10).stream()
                .filter(h -> h.passageId().equals("proc#2")).findFirst().orElseThrow();

        assertThat(hit.queryCoverage()).isEqualTo(1.0);
        assertThat(index.search("Que dois-je faire ?", 5)).isEmpty();
    }

    @Test
    void aPassageWhoseDocumentAnswersElsewhereTooOutranksAnEqualPassageAlone() throws IOException {
        Passage same = passage(1, List.of(), "Le registre des plaintes est tenu à jour par le secrétariat.");
        List<Passage> alone = List.of(same);
        List<Passage> withMore = List.of(same, passage(2, List.of(), "Les plaintes sont classées chaque mois."));
        // Added first: with equal scores it would come first (lower Lucene doc id).
        index.add(record("alone", "a.md", "Note", alone), alone);
        index.add(record("more", "b.md", "Note", withMore), withMore);
        index.commit();

        assertThat(index.search("registre des plaintes", 3))
                .extracting(PassageHit::passageId)
                .startsWith("more#0", "alone#0");
    }

    @Test
    void blankQueriesAreRejectedAndStopWordOnlyQueriesFindNothing() throws IOException {
        addSamples();

        assertThatThrownBy(() -> index.search("   ", 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThat(index.search("Comment est-ce que ?", 5)).isEmpty();
    }

    @Test
    void hugeQueriesAreCutToTheirFirstDistinctTerms() throws IOException {
        addSamples();
        StringBuilder pasted = new StringBuilder("délai réponse réclamation ");
        for (int i = 0; i < 20_000; i++) {
            pasted.append("mot").append(i).append(' ');
        }

        assertThat(index.search(pasted.toString(), 5))
                .extracting(PassageHit::passageId)
                .first()
                .isEqualTo("proc#1");
    }

    @Test
    void aPassageCountDifferentFromTheDeclaredChunksIsRefused() {
        assertThatThrownBy(
                        () -> index.add(record("p", "p.pdf", "", EHPAD_INSPECTION),
                                List.of(passage(1, List.of(), "seul"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 chunks but 1 passages");
    }
}
