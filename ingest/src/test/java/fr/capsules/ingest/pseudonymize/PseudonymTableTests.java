package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.ingest.pseudonymize.PersonName.Gender;
import fr.capsules.ingest.pseudonymize.PseudonymTableException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymTableTests {

    @TempDir Path dir;

    private final PseudonymKey key = PseudonymKey.generate();

    private static PersonName name(String surname, String firstName, Gender gender) {
        return new PersonName(surname, firstName, gender);
    }

    @Test
    void aValueGetsOnePseudonymAndEachCategoryCountsFromOne() {
        PseudonymTable table = PseudonymTable.empty();
        assertThat(table.pseudonym(Category.NIR, "1850578006084", "1 85 05 78 006 084 91")).isEqualTo("[NIR 1]");
        assertThat(table.pseudonym(Category.PHONE, "+33612345678", "06 12 34 56 78")).isEqualTo("[TÉLÉPHONE 1]");
        assertThat(table.pseudonym(Category.NIR, "2310259350017", null)).isEqualTo("[NIR 2]");
        assertThat(table.pseudonym(Category.NIR, "1850578006084", "185057800608491")).isEqualTo("[NIR 1]");
        assertThat(table.entry("[NIR 1]")).hasValueSatisfying(e ->
                assertThat(e.originals()).containsExactly("1 85 05 78 006 084 91", "185057800608491"));
    }

    @Test
    void mentionsOfOnePersonMeetWhateverTheyAddAndContradictionsMakeAnotherPerson() {
        PseudonymTable table = PseudonymTable.empty();
        String dupont = table.person(name("Dupont", null, Gender.FEMALE), "Mme Dupont");
        assertThat(table.person(name("Dupont", "Jeanne", Gender.FEMALE), "Madame Jeanne Dupont")).isEqualTo(dupont);
        assertThat(table.person(name("DUPONT", "Jeanne", Gender.UNKNOWN), "DUPONT Jeanne")).isEqualTo(dupont);
        assertThat(table.person(name("Dupont", "J.", Gender.UNKNOWN), "J. Dupont")).isEqualTo(dupont);
        assertThat(table.person(name("Dupont", "Pierre", Gender.MALE), "Pierre Dupont")).isNotEqualTo(dupont);
        assertThat(table.person(name("Dupont", null, Gender.MALE), "M. Dupont")).isNotEqualTo(dupont);
        assertThat(table.person(name("Dupont", null, Gender.COUPLE), "M. et Mme Dupont")).isNotEqualTo(dupont);
        assertThat(table.surnames()).containsExactly("DUPONT");
    }

    @Test
    void aMentionWithoutFirstNamePrefersThePersonNamedJustBefore() {
        PseudonymTable table = PseudonymTable.empty();
        String gerard = table.person(name("Durand", "Gérard", Gender.UNKNOWN), "Gérard Durand");
        String jacqueline = table.person(name("Durand", "Jacqueline", Gender.UNKNOWN), "Jacqueline Durand");
        assertThat(table.person(name("Durand", null, Gender.FEMALE), "Mme Durand", jacqueline)).isEqualTo(jacqueline);
        assertThat(table.person(name("Durand", null, Gender.UNKNOWN), "Durand", null)).isEqualTo(gerard);
    }

    @Test
    void aTableSavedEncryptedReadsBackOnlyWithItsKey() throws IOException {
        PseudonymTable table = PseudonymTable.empty();
        table.person(name("Dupont", "Jeanne", Gender.FEMALE), "Madame Jeanne Dupont");
        table.pseudonym(Category.NIR, "2310259350017", "2 31 02 59 350 017 77");
        table.firstNameOnly("Claire", "Claire");
        Path file = dir.resolve("capsule/pseudonymes.bin");
        table.save(file, key);

        String onDisk = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain("Dupont", "DUPONT", "2310259350017", "Claire", "PERSONNE");

        PseudonymTable read = PseudonymTable.load(file, PseudonymKey.fromBase64(key.toBase64()));
        assertThat(read.entries()).isEqualTo(table.entries());
        assertThat(read.surnames()).containsExactly("DUPONT");
        // Counters carry on where they stopped.
        assertThat(read.pseudonym(Category.NIR, "1850578006084", null)).isEqualTo("[NIR 2]");
        assertThat(read.person(name("Dupont", null, Gender.FEMALE), "Mme Dupont")).isEqualTo("[PERSONNE 1]");
    }

    @Test
    void aWrongKeyIsSaidPlainly() throws IOException {
        Path file = dir.resolve("t.bin");
        PseudonymTable.empty().save(file, key);
        assertThatThrownBy(() -> PseudonymTable.load(file, PseudonymKey.generate()))
                .isInstanceOfSatisfying(PseudonymTableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_KEY))
                .hasMessageContaining("clé incorrecte");
    }

    @Test
    void anyChangedByteIsDetected() throws IOException {
        Path file = dir.resolve("t.bin");
        PseudonymTable table = PseudonymTable.empty();
        table.pseudonym(Category.EMAIL, "a@example.fr", "a@example.fr");
        table.save(file, key);
        byte[] bytes = Files.readAllBytes(file);
        for (int i : new int[] {bytes.length - 1, bytes.length / 2, 20}) {
            byte[] altered = bytes.clone();
            altered[i] ^= 0x01;
            Files.write(file, altered);
            assertThatThrownBy(() -> PseudonymTable.load(file, key))
                    .isInstanceOfSatisfying(PseudonymTableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED))
                    .hasMessageContaining("altérée");
        }
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> PseudonymTable.load(file, key)).isInstanceOf(PseudonymTableException.class);
    }

    @Test
    void aFileThatIsNotATableIsSaidToBeOne() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "Mme Dupont, 06 12 34 56 78 — pas une table.");
        assertThatThrownBy(() -> PseudonymTable.load(file, key))
                .isInstanceOfSatisfying(PseudonymTableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_TABLE));
    }

    @Test
    void aMissingFileIsAnErrorForLoadAndAnEmptyTableForLoadOrEmpty() throws IOException {
        assertThatThrownBy(() -> PseudonymTable.load(dir.resolve("absent.bin"), key)).isInstanceOf(NoSuchFileException.class);
        assertThat(PseudonymTable.loadOrEmpty(dir.resolve("absent.bin"), key).size()).isZero();
    }

    @Test
    void twoSavesOfOneTableDifferBecauseEachUsesAFreshNonce() throws IOException {
        PseudonymTable table = PseudonymTable.empty();
        table.pseudonym(Category.IBAN, "FR7622939363065799417371591", null);
        table.save(dir.resolve("a.bin"), key);
        table.save(dir.resolve("b.bin"), key);
        assertThat(Files.readAllBytes(dir.resolve("a.bin"))).isNotEqualTo(Files.readAllBytes(dir.resolve("b.bin")));
    }

    @Test
    void concurrentDocumentsOfOneCapsuleShareConsistentPseudonyms() throws Exception {
        PseudonymTable table = PseudonymTable.empty();
        Pseudonymizer pseudonymizer = new Pseudonymizer();
        Set<String> texts = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String phone = String.format("06 12 34 56 %02d", i % 10);
                runs.add(pool.submit(() -> texts.add(pseudonymizer.pseudonymize(
                        "Mme Dupont, tél. " + phone + ", NIR 1 85 05 78 006 084 91.", table).text())));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(table.entries()).hasSize(12);
        assertThat(texts).hasSize(10).allSatisfy(t -> assertThat(t).startsWith("[PERSONNE 1], tél. [TÉLÉPHONE ")
                .endsWith(", NIR [NIR 1]."));
    }
}
