package fr.capsules.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceNameTests {

    @Test
    void plainNamesAndRelativeFoldersAreAccepted() {
        assertThat(new SourceName("2024/ehpad-les-tilleuls/rapport.pdf").fileName()).isEqualTo("rapport.pdf");
        assertThat(SourceName.problemWith("Procédure réclamations (v2).docx", false)).isNull();
    }

    @Test
    void dangerousNamesAreRefusedWithAReason() {
        assertThat(SourceName.problemWith("../../etc/passwd", true)).contains("..");
        assertThat(SourceName.problemWith("/etc/passwd", true)).contains("absolu");
        assertThat(SourceName.problemWith("a\\b.txt", true)).contains("\\");
        assertThat(SourceName.problemWith("dossier/fichier.txt", false)).contains("/");
        assertThat(SourceName.problemWith("bip\u0007.txt", false)).contains("contrôle");
        assertThat(SourceName.problemWith("x".repeat(300) + ".pdf", false)).contains("trop long");
        assertThat(SourceName.problemWith("   ", false)).contains("vide");
        assertThatThrownBy(() -> new SourceName("a/../b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printableNamesAreBoundedAndFreeOfControlCharacters() {
        assertThat(SourceName.printable("a\u0000b")).isEqualTo("a?b");
        assertThat(SourceName.printable("y".repeat(500))).hasSize(121);
    }
}
