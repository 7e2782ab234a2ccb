package fr.capsules.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import fr.capsules.ingest.pseudonymize.Category;
import fr.capsules.ingest.pseudonymize.PseudonymKey;
import fr.capsules.ingest.pseudonymize.PseudonymTable;
import fr.capsules.ingest.pseudonymize.PseudonymTableException;
import fr.capsules.ingest.pseudonymize.PseudonymizationSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pseudonymisation stage in a real run: what reaches the index, the counts, the table on disk. */
class PseudonymiseTextTests {

    private static final String NIR = "1 85 05 78 006 084 91";
    private static final String NIR_WRONG_KEY = "1 85 05 78 006 084 36";

    @TempDir
    Path dir;

    private final PseudonymKey key = PseudonymKey.generate();
    private Path tableFile;
    private CapsuleIndex index;
    private Ingestion ingestion;

    @BeforeEach
    void open() throws IOException {
        index = LuceneCapsuleIndex.open(dir.resolve("index"), IndexSettings.lexicalOnly());
        ingestion = new Ingestion(IngestionSettings.defaults());
        tableFile = dir.resolve("pseudonymes").resolve("table.cpspt");
    }

    @AfterEach
    void close() throws IOException {
        ingestion.close();
        index.close();
    }

    private static SourceFile text(String name, String content) {
        return SourceFile.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private List<IngestionResult> ingest(SourceFile... files) throws IOException {
        PseudonymTable table = PseudonymTable.loadOrEmpty(tableFile, key);
        PseudonymiseText stage = PseudonymiseText.with(PseudonymizationSettings.defaults(), table, tableFile, key);
        return ingestion.ingestAll(List.of(files), index, stage, List.of());
    }

    private String indexedText() throws IOException {
        return index.search("résidente signalement chute famille téléphone EHPAD", 50).stream()
                .map(PassageHit::text)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void personalDataIsReplacedBeforeTheIndexAndEachCategoryIsCounted() throws IOException {
        IngestionResult result = ingest(text("signalement.txt", """
                Signalement de chute à l'EHPAD Les Tilleuls

                La résidente Mme Jeanne Dupont (NIR %s), née le 12/03/1938, a chuté le 4 mars 2024.
                Sa fille, Mme Claire Martin, joignable au 06 12 34 56 78 ou à claire.martin@example.fr, a été
                prévenue. Conformément à l'article L. 311-3 du CASF, la famille a été informée.
                """.formatted(NIR))).get(0);

        assertThat(result.status()).isEqualTo(IngestionStatus.INDEXED);
        assertThat(result.counts()).containsEntry("NIR remplacés", 1)
                .containsEntry("téléphones remplacés", 1)
                .containsEntry("adresses e-mail remplacées", 1)
                .containsEntry("dates de naissance remplacées", 1)
                .containsEntry("personnes remplacées", 2);
        String indexed = indexedText();
        assertThat(indexed).contains("[NIR 1]", "[PERSONNE 1]", "[PERSONNE 2]", "[TÉLÉPHONE 1]", "[EMAIL 1]")
                .doesNotContain("Dupont", "Martin", "006 084", "06 12 34", "example.fr", "1938")
                // Not personal: kept as written.
                .contains("EHPAD Les Tilleuls", "L. 311-3", "4 mars 2024");
    }

    @Test
    void theTitleIsPseudonymisedToo() throws IOException {
        IngestionResult result = ingest(text("plainte.md", """
                # Plainte de Madame Jeanne Lefebvre

                Madame Jeanne Lefebvre se plaint des délais de réponse de l'établissement.
                """)).get(0);

        assertThat(result.title()).isEqualTo("Plainte de [PERSONNE 1]");
        assertThat(index.document(result.documentId())).get().satisfies(d -> assertThat(d.title()).doesNotContain("Lefebvre"));
    }

    @Test
    void theSamePersonWrittenThreeWaysGetsOnePseudonymAcrossFilesOfTheCapsule() throws IOException {
        ingest(text("rapport.txt", "Signalement : Madame Jeanne Dupont, résidente de la chambre 12, a chuté."));
        ingest(text("courrier.txt", "Signalement : DUPONT Jeanne a été revue par le médecin. La famille de Mme Dupont est informée."));

        String indexed = indexedText();
        assertThat(indexed).contains("[PERSONNE 1]").doesNotContain("[PERSONNE 2]").doesNotContainIgnoringCase("dupont");
        assertThat(PseudonymTable.load(tableFile, key).entries())
                .filteredOn(e -> e.category() == Category.PERSON)
                .singleElement()
                .satisfies(e -> assertThat(e.originals()).contains("Madame Jeanne Dupont", "DUPONT Jeanne", "Mme Dupont"));
    }

    @Test
    void aNumberWithAWrongNirKeyIsNotReplacedAsANir() throws IOException {
        IngestionResult result = ingest(text("note.txt",
                "Signalement : le numéro relevé sur le registre, " + NIR_WRONG_KEY + ", ne correspond à aucun résident.")).get(0);

        assertThat(result.counts()).doesNotContainKey("NIR remplacés");
        assertThat(indexedText()).doesNotContain("[NIR");
    }

    @Test
    void namesThatAreCommonWordsAreReplacedAfterACivilityOnly() throws IOException {
        ingest(text("cvs.txt", "Signalement au CVS : Mme Blanc préside ; le linge blanc est rangé. M. Juste a signé, c'est juste."));

        String indexed = indexedText();
        assertThat(indexed).contains("[PERSONNE 1] préside", "linge blanc", "[PERSONNE 2] a signé", "c'est juste")
                .doesNotContain("Mme Blanc", "M. Juste");
    }

    @Test
    void tableCellsAreReplacedInTheirCellsAndTheRowsStayWhole() throws IOException {
        IngestionResult result = ingest(text("residents.csv", """
                Nom;Prénom;Chambre;Signalement
                Dupont;Jeanne;12;chute
                Martin;Paul;14;famille injoignable
                """)).get(0);

        assertThat(result.status()).isEqualTo(IngestionStatus.INDEXED);
        String indexed = indexedText();
        assertThat(indexed).doesNotContain("Dupont", "Martin").contains("12", "chute", "famille injoignable");
    }

    @Test
    void theTableOnDiskIsEncryptedAndOpensWithItsKeyOnly() throws IOException {
        ingest(text("signalement.txt", "Signalement : la résidente Mme Jeanne Dupont, NIR " + NIR + ", tél. 06 12 34 56 78."));

        byte[] onDisk = Files.readAllBytes(tableFile);
        String asText = new String(onDisk, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("Dupont", "DUPONT", "1850578006084", "85 05 78", "0612345678", "PERSONNE");
        assertThat(PseudonymTable.load(tableFile, key).entries()).extracting(PseudonymTable.Entry::pseudonym)
                .contains("[PERSONNE 1]", "[NIR 1]", "[TÉLÉPHONE 1]");
        assertThatThrownBy(() -> PseudonymTable.load(tableFile, PseudonymKey.generate()))
                .isInstanceOfSatisfying(PseudonymTableException.class,
                        e -> assertThat(e.reason()).isEqualTo(PseudonymTableException.Reason.WRONG_KEY));
    }

    @Test
    void withoutAUsableTableEveryFileFailsAndNothingIsIndexedInClear() throws IOException {
        List<IngestionResult> results = ingestion.ingestAll(
                List.of(text("a.txt", "Signalement : Mme Jeanne Dupont."), text("b.txt", "Signalement : M. Paul Martin.")),
                index, PseudonymiseText.unavailable("aucune clé de pseudonymisation configurée"), List.of());

        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(r.failure()).isEqualTo(FailureReason.PSEUDONYMISATION_UNAVAILABLE);
            assertThat(r.error()).isEqualTo("aucune clé de pseudonymisation configurée");
        });
        assertThat(index.documents()).isEmpty();
    }
}
