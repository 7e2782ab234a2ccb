package fr.capsules.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ArchiveExpanderTests {

    private final ArchiveExpander expander = new ArchiveExpander(new ArchiveLimits(10, 50L * 1024 * 1024, 100), 5L * 1024 * 1024);

    private ArchiveExpander.Expansion expand(byte[] zip) {
        return expander.expand("envoi.zip", new ByteArrayInputStream(zip), zip.length);
    }

    @Test
    void entriesBecomeFilesNamedAfterTheArchiveAndTheirPath() throws IOException {
        ArchiveExpander.Expansion expansion = expand(TestFiles.zip(new String[][] {
            {"procedures/accueil.txt", "Accueil du public"}, {"faq.md", "# FAQ"}}));
        assertThat(expansion.files()).extracting(f -> f.name().value())
                .containsExactly("envoi.zip/procedures/accueil.txt", "envoi.zip/faq.md");
        assertThat(expansion.rejected()).isEmpty();
    }

    @Test
    void pathTraversalEntriesAreRejectedOneByOne() throws IOException {
        ArchiveExpander.Expansion expansion = expand(TestFiles.zip(new String[][] {
            {"../../etc/passwd", "root"}, {"/absolu.txt", "x"}, {"ok.txt", "contenu"}}));
        assertThat(expansion.files()).extracting(f -> f.name().value()).containsExactly("envoi.zip/ok.txt");
        assertThat(expansion.rejected()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(IngestionStatus.REJECTED));
        assertThat(expansion.rejected().get(0).error()).contains("..");
    }

    @Test
    void aZipBombIsRefusedWhole() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
        }
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> expand(bomb))
                .isInstanceOf(ArchiveExpander.ArchiveRejectedException.class)
                .hasMessageContaining("bombe zip");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        String[][] entries = new String[11][];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = new String[] {"f" + i + ".txt", "contenu " + i};
        }
        assertThatThrownBy(() -> expand(TestFiles.zip(entries))).hasMessageContaining("plus de 10 fichiers");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        assertThatThrownBy(() -> expand("pas une archive".getBytes())).isInstanceOf(ArchiveExpander.ArchiveRejectedException.class);
    }
}
