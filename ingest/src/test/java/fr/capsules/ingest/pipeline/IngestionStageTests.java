package fr.capsules.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.SourceName;
import fr.capsules.ingest.chunk.Passage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The stage contract: what a stage wired into a run may do to a file, and what reaches its result. */
class IngestionStageTests extends LexicalIngestionTest {

    private static final Pattern NIR = Pattern.compile("\\b[12] ?\\d{2} ?\\d{2} ?\\d{2} ?\\d{3} ?\\d{3} ?\\d{2}\\b");

    private static SourceFile text(String name, String content) {
        return SourceFile.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** What a pseudonymisation stage does, in a few lines: replace, count, tell. */
    private static void replaceSocialSecurityNumbers(FileIngestion file) {
        List<Passage> replaced = new ArrayList<>();
        int count = 0;
        for (Passage p : file.passages()) {
            Matcher numbers = NIR.matcher(p.text());
            StringBuilder text = new StringBuilder();
            while (numbers.find()) {
                numbers.appendReplacement(text, "[NIR]");
                count++;
            }
            numbers.appendTail(text);
            replaced.add(new Passage(text.toString(), p.page(), p.headingPath(), p.kind()));
        }
        file.passages(replaced);
        file.count("NIR remplacés", count);
        if (count > 0) {
            file.warn(count + " numéro(s) de sécurité sociale remplacé(s) par [NIR]");
        }
    }

    @Test
    void aStageWiredByOneLineChangesWhatIsIndexedAndAddsItsWarningAndCountToTheResult() throws IOException {
        SourceFile note = text("signalement.txt", "Signalement concernant M. X, NIR 1 85 05 78 006 084 36, "
                + "et son épouse, NIR 2 87 11 75 112 009 51, hébergés à l'EHPAD.");

        IngestionResult result = ingestion.ingestAll(List.of(note), index, IngestionStageTests::replaceSocialSecurityNumbers).get(0);

        assertThat(result.status()).isEqualTo(IngestionStatus.INDEXED);
        assertThat(result.counts()).containsExactly(java.util.Map.entry("NIR remplacés", 2));
        assertThat(result.warnings()).contains("2 numéro(s) de sécurité sociale remplacé(s) par [NIR]");
        assertThat(index.document(result.documentId())).get()
                .satisfies(d -> assertThat(d.warnings()).contains("2 numéro(s) de sécurité sociale remplacé(s) par [NIR]"));
        assertThat(index.search("signalement EHPAD épouse", 1)).singleElement()
                .satisfies(hit -> assertThat(hit.text()).contains("NIR [NIR]").doesNotContain("006 084"));
    }

    @Test
    void aStageThatEndsTheFileKeepsItOutOfTheIndexAndTheOthersGoOn() throws IOException {
        IngestionStage refuseDrafts = file -> {
            if (file.name().startsWith("brouillon")) {
                file.warn("mention « brouillon » dans le nom");
                file.reject("les brouillons ne sont pas admis dans cette capsule");
            }
        };

        List<IngestionResult> results = ingestion.ingestAll(List.of(
                text("brouillon-note.txt", "Projet de note sur les astreintes de la cellule de veille."),
                text("note.txt", "Note définitive sur les astreintes de la cellule de veille.")), index, refuseDrafts);

        assertThat(results).extracting(IngestionResult::status).containsExactly(IngestionStatus.REJECTED, IngestionStatus.INDEXED);
        assertThat(results.get(0).error()).isEqualTo("les brouillons ne sont pas admis dans cette capsule");
        assertThat(results.get(0).warnings()).contains("mention « brouillon » dans le nom");
        assertThat(index.documents()).extracting(d -> d.file()).containsExactly("note.txt");
    }

    @Test
    void aStageThatThrowsFailsItsFileWithATypedReason() {
        IngestionStage broken = file -> {
            throw new IOException("disque plein");
        };

        IngestionResult result = ingestion.ingestAll(List.of(text("a.txt", "Une note.")), index, broken).get(0);

        assertThat(result.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(result.failure()).isEqualTo(FailureReason.INPUT_OUTPUT);
        assertThat(result.error()).contains("disque plein");
    }

    @Test
    void eachFileIsReadOnceAndLaterStagesSeeTheBytesAndTheirHash() {
        byte[] bytes = "Le registre des plaintes est tenu à jour.".getBytes(StandardCharsets.UTF_8);
        AtomicInteger opens = new AtomicInteger();
        SourceFile counted = new SourceFile(new SourceName("registre.txt"), bytes.length, () -> {
            opens.incrementAndGet();
            return new ByteArrayInputStream(bytes);
        });
        List<String> seen = new ArrayList<>();

        IngestionStage look = file -> seen.add(file.documentId() + " " + file.sha256() + " " + file.bytes().length);
        IngestionResult result = ingestion.ingestAll(List.of(counted), index, look).get(0);

        assertThat(opens).hasValue(1);
        assertThat(seen).singleElement().asString()
                .startsWith(result.documentId() + " " + result.documentId())
                .endsWith(" " + bytes.length);
    }

    @Test
    void resultsAreToldInOrderOnceFinalIndexedOnesAfterTheirCommit() throws IOException {
        List<Integer> committedWhenTold = committedWhenTold(CommitRule.everyFiles(32), 32 + 3);

        assertThat(committedWhenTold.get(0)).isEqualTo(32);
        assertThat(committedWhenTold.getLast()).isEqualTo(32 + 3);
    }

    @Test
    void aRunCommitsWhenTheMostFilesArePendingHoweverRecentTheLastCommit() throws IOException {
        // At least 2 files and an hour between commits, but never more than 10 files pending.
        assertThat(committedWhenTold(new CommitRule(2, Duration.ofHours(1), 10, Long.MAX_VALUE), 25))
                .containsExactly(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20,
                        25, 25, 25, 25, 25, 25);
    }

    @Test
    void aRunCommitsWhenTheMostBytesArePendingHoweverRecentTheLastCommit() throws IOException {
        // Each of these notes is 52 bytes: 150 bytes pending are three notes.
        assertThat(committedWhenTold(new CommitRule(2, Duration.ofHours(1), 1000, 150), 7))
                .containsExactly(3, 3, 3, 6, 6, 6, 7, 7);
    }

    /** How many records were committed when each result of a run of {@code notes} notes and one empty file was told. */
    private List<Integer> committedWhenTold(CommitRule rule, int notes) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < notes; i++) {
            files.add(text("note-" + i + ".txt", "Note de service numéro " + i + " sur l'accueil des usagers."));
        }
        files.add(SourceFile.of("vide.txt", new byte[0]));
        List<String> told = new ArrayList<>();
        List<Integer> committedWhenTold = new ArrayList<>();

        List<IngestionResult> results;
        try (Ingestion byRule = new Ingestion(IngestionSettings.defaults(), null, rule)) {
            results = byRule.ingestAllWithProgress(files, index, result -> {
                told.add(result.file());
                try {
                    committedWhenTold.add(index.documents().size());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        assertThat(told).containsExactlyElementsOf(results.stream().map(IngestionResult::file).toList());
        return committedWhenTold;
    }
}
