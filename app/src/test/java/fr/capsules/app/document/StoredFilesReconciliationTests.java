package fr.capsules.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.CapsulesProperties;
import fr.capsules.app.capsule.CapsuleId;
import fr.capsules.ingest.Sha256;
import fr.capsules.ingest.index.DocumentRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a service killed in the middle of an upload or a removal leaves beside the index, and how the
 * next start puts it right ({@link DocumentFiles#reconcile}); {@link ServiceCrashTests} found it by
 * killing the service.
 */
class StoredFilesReconciliationTests {

    @TempDir
    Path data;

    private final CapsuleId capsule = new CapsuleId("essai");

    private DocumentFiles files() {
        return new DocumentFiles(new CapsulesProperties(data, data.resolve("catalogue"), null, ""));
    }

    private static DocumentRecord record(String text) {
        String sha256 = Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
        return new DocumentRecord(sha256.substring(0, 20), "note.txt", "Note", null, 1, 1, sha256, "h" + sha256, "TXT", List.of(),
                Instant.now());
    }

    @Test
    void originalsOfDocumentsTheIndexDoesNotHoldAreRemovedTheOthersKept() throws Exception {
        DocumentRecord indexed = record("Note conservée");
        DocumentRecord uncommitted = record("Envoi interrompu avant sa validation");
        Path uploads = data.resolve("documents").resolve("essai");
        Path kept = Files.createDirectories(uploads.resolve(indexed.documentId())).resolve("note.txt");
        Files.writeString(kept, "Note conservée");
        // Half written when the service was killed: a re-index would have indexed half a document.
        Path half = Files.createDirectories(uploads.resolve(uncommitted.documentId())).resolve("envoi.txt");
        Files.writeString(half, "Envoi interr");

        DocumentFiles.Reconciled reconciled = files().reconcile(capsule, List.of(indexed));

        assertThat(reconciled.originalsRemoved()).containsExactly(uncommitted.documentId());
        assertThat(kept).exists();
        assertThat(uploads.resolve(uncommitted.documentId())).doesNotExist();
        assertThat(files().uploaded(capsule)).extracting(s -> s.name().value()).containsExactly("note.txt");
    }

    @Test
    void aRollbackSetsAsideTheOriginalsItLeavesOutUntilAnotherVersionServes() throws Exception {
        Path uploads = data.resolve("documents").resolve("essai");
        Path wantedFolder = Files.createDirectories(uploads.resolve("doc-voulu"));
        Files.writeString(wantedFolder.resolve("voulu.txt"), "Procédure de la version restaurée");
        Path leftOutFolder = Files.createDirectories(uploads.resolve("doc-ecarte"));
        Files.writeString(leftOutFolder.resolve("ecarte.txt"), "Note ajoutée après cette version");
        DocumentFiles files = files();
        java.util.Map<String, DocumentFiles.KeptFile> kept = java.util.Map.of(
                "sha-voulu", new DocumentFiles.KeptFile("voulu.txt", wantedFolder, false),
                "sha-ecarte", new DocumentFiles.KeptFile("ecarte.txt", leftOutFolder, false));

        files.keepOnly(capsule, kept, java.util.Set.of("sha-voulu"));

        // The next rebuild reads only the wanted file; the other is kept aside, whole, should that rebuild fail.
        assertThat(files.uploaded(capsule)).extracting(s -> s.name().value()).containsExactly("voulu.txt");
        Path aside = data.resolve("published-originals").resolve("essai").resolve("doc-ecarte").resolve("ecarte.txt");
        assertThat(aside).hasContent("Note ajoutée après cette version");
        // Once the restored version serves without it, it goes.
        files.releaseRetainedExcept(capsule, java.util.Set.of("doc-voulu"));
        assertThat(aside.getParent()).doesNotExist();
    }

    @Test
    void aRemovalKilledBeforeItsCommitLeavesNoExclusionOfADocumentStillIndexed() throws Exception {
        DocumentRecord stillIndexed = record("Procédure du catalogue");
        DocumentRecord removed = record("Procédure retirée");
        DocumentFiles files = files();
        files.exclude(capsule, stillIndexed); // the removal was killed before the index committed it
        files.exclude(capsule, removed);

        DocumentFiles.Reconciled reconciled = files.reconcile(capsule, List.of(stillIndexed));

        assertThat(reconciled.exclusionsLifted()).containsExactly(stillIndexed.sha256());
        Exclusions exclusions = Exclusions.of(data.resolve("documents").resolve("essai"));
        assertThat(exclusions.excludes(stillIndexed.sha256())).isFalse();
        assertThat(exclusions.excludes(removed.sha256())).isTrue();
        assertThat(files.reconcile(capsule, List.of(stillIndexed)).nothing()).isTrue();
    }
}
