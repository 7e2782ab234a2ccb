package fr.capsules.app.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.app.CapsulesProperties;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.capsule.CapsuleKind;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import fr.capsules.ingest.pipeline.Ingestion;
import fr.capsules.ingest.pseudonymize.PseudonymKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key from the configuration and what each capsule gets from it. */
class PseudonymTablesTests {

    @TempDir
    Path data;

    private PseudonymTables tables(String key) {
        return new PseudonymTables(new CapsulesProperties(data, data.resolve("catalogue"), null, ""),
                new PseudonymisationProperties(key));
    }

    private static Capsule capsule(boolean generic, Boolean enabled) {
        return new Capsule(new CapsuleDefinition("essai", "Essai", null, "Vérifier.", "Référent", 1, null,
                new CapsuleDefinition.Scope(generic, generic ? List.of() : List.of("inspection")), CapsuleKind.CHAT,
                null, null, null, null, null, new CapsuleDefinition.PseudonymisationSettings(enabled, null, null), null, null), null);
    }

    private List<IngestionResult> ingest(PseudonymTables tables, Capsule capsule) throws Exception {
        try (CapsuleIndex index = LuceneCapsuleIndex.open(data.resolve("index"), IndexSettings.lexicalOnly());
                Ingestion ingestion = new Ingestion(IngestionSettings.defaults())) {
            return ingestion.ingestAll(List.of(SourceFile.of("note.txt",
                    "Signalement : Mme Jeanne Dupont a chuté.".getBytes(StandardCharsets.UTF_8))), index,
                    tables.stageFor(capsule), List.of());
        }
    }

    @Test
    void aServiceCapsuleIsPseudonymisedByDefaultAndAGenericOneIsNot() {
        PseudonymTables tables = tables(PseudonymKey.generate().toBase64());

        assertThat(tables.stageFor(capsule(false, null))).isNotNull();
        assertThat(tables.stageFor(capsule(true, null))).isNull();
        assertThat(tables.stageFor(capsule(false, false))).isNull();
        assertThat(tables.stageFor(capsule(true, true))).isNotNull();
    }

    @Test
    void withoutAKeyTheFilesOfAPseudonymisedCapsuleFailAndSayWhy() throws Exception {
        PseudonymTables tables = tables("");

        assertThat(tables.hasKey()).isFalse();
        IngestionResult result = ingest(tables, capsule(false, null)).get(0);
        assertThat(result.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(result.failure().json()).isEqualTo("pseudonymisation-unavailable");
        assertThat(result.error()).contains("aucune clé de pseudonymisation", "CAPSULES_PSEUDONYMISATION_KEY");
        // A capsule in clear does not need the key.
        assertThat(ingest(tables, capsule(true, null)).get(0).status()).isEqualTo(IngestionStatus.INDEXED);
    }

    @Test
    void aMalformedKeyStopsTheServiceWithHowToMakeOne() {
        assertThatThrownBy(() -> tables("pas une clé"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CAPSULES_PSEUDONYMISATION_KEY")
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> tables("c2hvcnQ="))
                .hasMessageContaining("32 octets");
    }

    @Test
    void anotherKeyDoesNotOpenTheTableAndTheFilesFailRatherThanStartANewOne() throws Exception {
        Capsule capsule = capsule(false, null);
        assertThat(ingest(tables(PseudonymKey.generate().toBase64()), capsule).get(0).status()).isEqualTo(IngestionStatus.INDEXED);

        PseudonymTables other = tables(PseudonymKey.generate().toBase64());
        assertThatThrownBy(() -> other.load(capsule.id()))
                .isInstanceOf(PseudonymTableUnavailableException.class)
                .hasMessageContaining("clé incorrecte");
    }
}
