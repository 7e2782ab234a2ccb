package fr.capsules.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.parse.Block;
import fr.capsules.ingest.parse.DocumentFormat;
import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.TableBlock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TitleExtractorTests {

    private final TitleExtractor titles = new TitleExtractor();

    @ParameterizedTest
    @ValueSource(strings = {
        "rapport.pdf", "Rapport (2).pdf", "RAPPORT_final_v3.docx", "document.docx", "Document1.docx",
        "doc.pdf", "fichier.txt", "scan_0001.pdf", "Numérisation 2024-04-03.pdf", "sans titre.docx",
        "untitled.pdf", "Copie de rapport.pdf", "export.csv", "IMG_20240403.jpg", "nouveau document.txt",
        "Classeur1.xlsx", "20240403.pdf", "03-04-2024.pdf", "rapport avril 2024.pdf", "cr.pdf",
        "C:\\Users\\agent\\Bureau\\rapport.pdf", ""
    })
    void genericFileNamesAreRecognised(String fileName) {
        assertThat(titles.isGenericFileName(fileName)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "procedure-reclamations_v2.pdf", "rapport_inspection_EHPAD_Les_Tilleuls.pdf",
        "Trame tableau de mesures.xlsx", "guide-circuit-medicament.docx"
    })
    void fileNamesThatNameTheirSubjectAreMeaningful(String fileName) {
        assertThat(titles.isGenericFileName(fileName)).isFalse();
    }

    @Test
    void meaningfulFileNameIsHumanisedWithoutInventingAccents() {
        assertThat(titles.title("procedure-reclamations_v2.pdf", doc(null)))
                .isEqualTo("Procedure reclamations v2");
    }

    @Test
    void meaningfulFileNameGivesWayToTheDocumentsOpeningHeading() {
        ParsedDocument withHeading = doc(null,
                new Heading(1, "Règles de protection des données et IA", 0),
                new Paragraph("Ce document précise les règles applicables.", 0));
        assertThat(titles.title("regles-protection-donnees-ia.docx", withHeading))
                .isEqualTo("Règles de protection des données et IA");
    }

    @Test
    void aOneWordOrGenericOpeningHeadingDoesNotReplaceAMeaningfulFileName() {
        ParsedDocument sheet = doc(null, new Heading(1, "Feuil1", 0), new Heading(2, "Sommaire", 0));
        assertThat(titles.title("tableau-mesures-hortensias.xlsx", sheet)).isEqualTo("Tableau mesures hortensias");
    }

    @Test
    void meaningfulMetadataTitleWinsOverAMeaningfulFileName() {
        assertThat(titles.title("procedure-reclamations_v2.pdf", doc("Procédure de traitement des réclamations")))
                .isEqualTo("Procédure de traitement des réclamations");
    }

    @Test
    void genericFileNameTakesTheMeaningfulMetadataTitle() {
        ParsedDocument doc = doc("Rapport d'inspection de l'EHPAD Les Tilleuls", new Heading(1, "Synthèse", 1));

        assertThat(titles.title("rapport.pdf", doc)).isEqualTo("Rapport d'inspection de l'EHPAD Les Tilleuls");
    }

    @Test
    void officeExportMetadataIsIgnoredInFavourOfTheFirstHeading() {
        ParsedDocument doc = doc(
                "Microsoft Word - rapport.docx",
                new Paragraph("", 1),
                new Heading(3, "Préambule", 1),
                new Heading(1, "Rapport d'inspection – EHPAD Les Tilleuls (Arras)", 1),
                new Paragraph("La mission s'est déroulée le 3 avril 2024.", 1));

        assertThat(titles.title("rapport.pdf", doc)).isEqualTo("Rapport d'inspection – EHPAD Les Tilleuls (Arras)");
    }

    @Test
    void metadataTitleThatMerelyRepeatsAGenericNameIsIgnored() {
        ParsedDocument doc = doc("untitled", new Heading(2, "Procédure de gestion des réclamations", 0));

        assertThat(titles.title("Document1.docx", doc)).isEqualTo("Procédure de gestion des réclamations");
    }

    @Test
    void withoutHeadingTheFirstLineOfTextIsTaken() {
        ParsedDocument doc = doc(
                null,
                new Paragraph("   \n", 1),
                new Paragraph("Compte rendu de la visite\u00A0inopinée\ndu 12 mars 2024 à la résidence.", 1));

        assertThat(titles.title("scan_0001.pdf", doc)).isEqualTo("Compte rendu de la visite inopinée");
    }

    @Test
    void longFirstLineIsCutAtAWordBoundary() {
        String line = "Les inspecteurs ont constaté que le protocole de prévention des chutes n'était pas connu "
                + "des équipes de nuit, ni affiché dans les unités, ni évalué depuis sa dernière révision en 2019";
        String title = titles.title("rapport.pdf", doc(null, new Paragraph(line, 1)));

        assertThat(title).hasSizeLessThanOrEqualTo(TitleExtractor.MAX_TITLE_CHARS).endsWith("…");
        assertThat(line).startsWith(title.substring(0, title.length() - 1));
        assertThat(line.charAt(title.length() - 1)).isEqualTo(' ');
    }

    @Test
    void spreadsheetWithoutTextIsNamedAfterItsSheet() {
        ParsedDocument doc = doc(null,
                new TableBlock("Feuil1", List.of("A"), List.of(List.of("x")), 0),
                new TableBlock("Mesures EHPAD 2024", List.of("Constat"), List.of(List.of("y")), 0));

        assertThat(titles.title("Classeur1.xlsx", doc)).isEqualTo("Mesures EHPAD 2024");
    }

    @Test
    void emptyDocumentWithGenericNameKeepsTheHumanisedFileName() {
        assertThat(titles.title("rapport (2).pdf", doc(null))).isEqualTo("Rapport (2)");
    }

    private static ParsedDocument doc(String metadataTitle, Block... blocks) {
        return new ParsedDocument(DocumentFormat.PDF, metadataTitle, 1, List.of(blocks), List.of());
    }
}
