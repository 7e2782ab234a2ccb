package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.awt.image.BufferedImage;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectorTests {

    private final FormatDetector detector = new FormatDetector();

    @TempDir
    Path dir;

    @Test
    void recognisesPdfDocxAndXlsxByTheirContentWhateverTheirName() throws IOException {
        byte[] pdf = PdfFixtures.inspectionReport().bytes(dir, "rapport.pdf");
        byte[] docx = Files.readAllBytes(OfficeFixtures.inspectionReportDocx(dir));
        byte[] xlsx = Files.readAllBytes(OfficeFixtures.followUpXlsx(dir));

        assertThat(detector.detect("rapport.pdf", pdf)).isEqualTo(DocumentFormat.PDF);
        assertThat(detector.detect("rapport", pdf)).isEqualTo(DocumentFormat.PDF);
        assertThat(detector.detect("rapport.pdf", docx)).isEqualTo(DocumentFormat.DOCX);
        assertThat(detector.detect("suivi.docx", xlsx)).isEqualTo(DocumentFormat.XLSX);
    }

    @Test
    void rejectsAPngNamedPdfSayingWhatItReallyIs() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);

        assertThatThrownBy(() -> detector.detect("rapport.pdf", png.toByteArray()))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("type de fichier non pris en charge : le contenu est une image PNG, pas un PDF");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> detector.detect("rapport.pdf", new byte[0]))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("fichier vide");
    }

    @Test
    void rejectsAZipThatIsNeitherAWordNorAnExcelFile() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("photos/visite.jpg"));
            out.write(new byte[] {1, 2, 3});
        }

        assertThatThrownBy(() -> detector.detect("rapport.docx", zip.toByteArray()))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("type de fichier non pris en charge : le contenu est une archive ZIP "
                        + "qui n'est ni un document Word ni un classeur Excel, pas un document Word (.docx)");
    }

    @Test
    void rejectsAnOldBinaryExcelFileAndSaysToSaveItAsXlsx() throws IOException {
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("Feuil1").createRow(0).createCell(0).setCellValue("ancien");
            workbook.write(xls);
        }

        assertThatThrownBy(() -> detector.detect("suivi.xls", xls.toByteArray()))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessageContaining("classeur Excel ancien format (.xls)")
                .hasMessageContaining("enregistrez-le au format .xlsx");
    }

    @Test
    void rejectsUnknownBinaryContent() {
        byte[] binary = {0x42, 0x00, 0x13, 0x37, 0x00, 0x00, 0x7F};

        assertThatThrownBy(() -> detector.detect("notes.txt", binary))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("type de fichier non pris en charge : le contenu est un fichier binaire de type inconnu, "
                        + "pas un fichier texte");
    }

    @Test
    void rejectsAnHtmlErrorPageSavedAsPdf() {
        byte[] html = "<!DOCTYPE html><html><body>404 Not Found</body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> detector.detect("rapport.pdf", html))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("type de fichier non pris en charge : le contenu est une page HTML, pas un PDF");
    }

    @Test
    void choosesAmongTextFormatsByExtension() {
        byte[] text = "Établissement;Délai\nEHPAD;3 mois\n".getBytes(StandardCharsets.UTF_8);

        assertThat(detector.detect("export.csv", text)).isEqualTo(DocumentFormat.CSV);
        assertThat(detector.detect("page.HTM", text)).isEqualTo(DocumentFormat.HTML);
        assertThat(detector.detect("guide.markdown", text)).isEqualTo(DocumentFormat.MARKDOWN);
        assertThat(detector.detect("notes.txt", text)).isEqualTo(DocumentFormat.TEXT);
        assertThat(detector.detect(null, text)).isEqualTo(DocumentFormat.TEXT);
        assertThat(detector.detect("export-portail.xls", text)).isEqualTo(DocumentFormat.CSV);
    }

    @Test
    void recognisesHtmlContentWithoutAnHtmlExtension() {
        byte[] html = "\n <!doctype html><html><body><p>Bonjour</p></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThat(detector.detect("page.txt", html)).isEqualTo(DocumentFormat.HTML);
    }
}
