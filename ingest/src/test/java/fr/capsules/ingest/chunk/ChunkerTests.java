package fr.capsules.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.capsules.ingest.chunk.Passage.Kind;
import fr.capsules.ingest.normalize.DocumentNormalizer;
import fr.capsules.ingest.parse.Block;
import fr.capsules.ingest.parse.DocumentFormat;
import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.TableBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTests {

    private static final ChunkingSettings SMALL = new ChunkingSettings(200, 300);

    private final Chunker chunker = new Chunker();
    private final DocumentNormalizer normalizer = new DocumentNormalizer();

    @Test
    void passagesCarryTheHeadingPathWhereTheyStart() {
        List<Passage> passages = chunk(SMALL,
                new Heading(1, "Rapport d'inspection", 1),
                new Heading(2, "1. Constats", 1),
                new Heading(3, "1.1 Circuit du médicament", 1),
                new Paragraph("Les piluliers sont préparés la nuit par une seule IDE.", 1),
                new Heading(2, "2. Mesures", 1),
                new Paragraph("La mission prescrit une double vérification.", 1));

        assertThat(passages).extracting(Passage::headingPath).containsExactly(
                List.of("Rapport d'inspection", "1. Constats", "1.1 Circuit du médicament"),
                List.of("Rapport d'inspection", "2. Mesures"));
        assertThat(passages.getFirst().text()).isEqualTo("Les piluliers sont préparés la nuit par une seule IDE.");
    }

    @Test
    void headingsWithoutBodyAndBlankParagraphsYieldNothing() {
        List<Passage> passages = chunk(SMALL,
                new Heading(1, "Annexes", 1),
                new Paragraph(" \u00A0\n ", 1),
                new Heading(2, "Annexe 1 – Liste des personnes rencontrées", 2));

        assertThat(passages).isEmpty();
    }

    @Test
    void shortParagraphsArePackedTogetherUpToTheTarget() {
        List<Passage> passages = chunk(SMALL,
                new Paragraph("Le registre des plaintes est tenu à jour.", 1),
                new Paragraph("Les réponses sont adressées sous quinze jours.", 1),
                new Paragraph("Aucune réclamation n'est restée sans suite en 2023.", 1));

        assertThat(passages).singleElement().extracting(Passage::text).isEqualTo(
                "Le registre des plaintes est tenu à jour.\nLes réponses sont adressées sous quinze jours.\n"
                        + "Aucune réclamation n'est restée sans suite en 2023.");
    }

    @Test
    void paragraphsAreNotSplitWhenTheNextOneDoesNotFit() {
        String first = "La direction a présenté le projet d'établissement, validé en conseil de la vie sociale. "
                + "Il couvre la période 2023-2027.";
        String second = "Le plan de formation prévoit des sessions sur la bientraitance, la contention et "
                + "la prévention des chutes pour l'ensemble des soignants.";
        List<Passage> passages = chunk(SMALL, new Paragraph(first, 1), new Paragraph(second, 1));

        assertThat(passages).extracting(Passage::text).containsExactly(first, second);
    }

    @Test
    void aPageChangeClosesThePassage() {
        List<Passage> passages = chunk(SMALL,
                new Heading(1, "Constats", 1),
                new Paragraph("L'établissement accueille 84 résidents.", 1),
                new Paragraph("Le taux d'encadrement de nuit est insuffisant.", 2));

        assertThat(passages).extracting(Passage::page, Passage::text).containsExactly(
                tuple(1, "L'établissement accueille 84 résidents."),
                tuple(2, "Le taux d'encadrement de nuit est insuffisant."));
        assertThat(passages.get(1).headingPath()).containsExactly("Constats");
    }

    @Test
    void longParagraphIsCutAtSentenceEndsNotAtAbbreviations() {
        String text = "Conformément à l'art. L. 311-3 du CASF, M. Durand et Mme. Petit ont été entendus. "
                + "Le protocole (cf. p. 12 du rapport, section 3.1) n'est pas appliqué la nuit, etc. "
                + "Les transmissions ne sont pas tracées dans le dossier de soins informatisé. "
                + "La mission relève l'absence de traçabilité des changements de protection des résidents. "
                + "Elle demande la mise en place d'un outil de suivi.";
        List<Passage> passages = chunk(new ChunkingSettings(150, 250), new Paragraph(text, 1));

        assertThat(passages).extracting(Passage::text).containsExactly(
                "Conformément à l'art. L. 311-3 du CASF, M. Durand et Mme. Petit ont été entendus. "
                        + "Le protocole (cf. p. 12 du rapport, section 3.1) n'est pas appliqué la nuit, etc. "
                        + "Les transmissions ne sont pas tracées dans le dossier de soins informatisé.",
                "La mission relève l'absence de traçabilité des changements de protection des résidents. "
                        + "Elle demande la mise en place d'un outil de suivi.");
        assertThat(passages).allSatisfy(p -> assertThat(p.text()).endsWith("."));
    }

    @Test
    void passageNeverExceedsTheMaximumWhenSentencesAreLong() {
        String sentence = "La mission constate que les prescriptions médicamenteuses ne sont pas systématiquement "
                + "retranscrites dans le logiciel de soins et que les administrations ne sont pas tracées. ";
        List<Passage> passages = chunk(new ChunkingSettings(150, 200), new Paragraph(sentence.repeat(4), 1));

        assertThat(passages).hasSize(4).allSatisfy(p -> assertThat(p.text()).hasSizeLessThanOrEqualTo(200));
    }

    @Test
    void sentenceLongerThanTheMaximumIsCutAtAWordBoundary() {
        String words = "contention ".repeat(40).strip();
        List<Passage> passages = chunk(new ChunkingSettings(50, 100), new Paragraph(words, 1));

        assertThat(passages).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(p.text()).hasSizeLessThanOrEqualTo(100);
            assertThat(p.text()).matches("contention( contention)*");
        });
        assertThat(String.join(" ", passages.stream().map(Passage::text).toList())).isEqualTo(words);
    }

    @Test
    void paragraphTextIsNormalised() {
        List<Passage> passages = chunk(SMALL, new Paragraph("La traça-\nbilité\u00A0des\nsoins est assurée.", 1));

        assertThat(passages).singleElement().extracting(Passage::text)
                .isEqualTo("La traçabilité des soins est assurée.");
    }

    @Test
    void eachTableRowIsOnePassageWithItsHeaders() {
        TableBlock table = new TableBlock("Mesures", List.of("Constat", "Mesure", "Nature", "Délai"), List.of(
                List.of("Absence de registre des plaintes", "Mettre en place un registre", "Prescription", "3 mois"),
                List.of("Protocole de contention non signé", "Faire signer le protocole", "Recommandation", "")),
                4);
        List<Passage> passages = chunk(SMALL, new Heading(1, "Tableau des mesures", 4), table);

        assertThat(passages).extracting(Passage::text).containsExactly(
                "Constat : Absence de registre des plaintes ; Mesure : Mettre en place un registre ; "
                        + "Nature : Prescription ; Délai : 3 mois",
                "Constat : Protocole de contention non signé ; Mesure : Faire signer le protocole ; "
                        + "Nature : Recommandation");
        assertThat(passages).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(Kind.TABLE_ROW);
            assertThat(p.page()).isEqualTo(4);
            assertThat(p.headingPath()).containsExactly("Tableau des mesures", "Mesures");
        });
    }

    @Test
    void tableRowsAreNeverSplitEvenWhenLong() {
        String longFinding = "Les résidents ne disposent pas d'un projet personnalisé actualisé ; ".repeat(10);
        TableBlock table = new TableBlock("", List.of("Constat"), List.of(List.of(longFinding)), 0);

        assertThat(chunk(SMALL, table)).singleElement().satisfies(p -> {
            assertThat(p.text()).hasSizeGreaterThan(SMALL.maxChars());
            assertThat(p.headingPath()).isEmpty();
        });
    }

    @Test
    void captionAlreadyLastInThePathIsNotRepeated() {
        TableBlock sheet = new TableBlock("Réclamations 2024", List.of("N°", "Objet"), List.of(List.of("12", "Repas")), 0);

        assertThat(chunk(SMALL, new Heading(1, "Réclamations 2024", 0), sheet))
                .singleElement().extracting(Passage::headingPath).isEqualTo(List.of("Réclamations 2024"));
    }

    @Test
    void emptyHeadersAreNamedAfterTheirColumnAndEmptyRowsAreSkipped() {
        TableBlock table = new TableBlock("Suivi", List.of("Date", "", "Statut"), List.of(
                List.of("03/04/2024", "Appel de la famille", "Clos"),
                List.of("", " ", "")),
                0);

        assertThat(chunk(SMALL, table)).extracting(Passage::text)
                .containsExactly("Date : 03/04/2024 ; Colonne 2 : Appel de la famille ; Statut : Clos");
    }

    @Test
    void valuesRepeatedFromMergedCellsKeepEveryRowMeaningful() {
        // The parser repeats a vertically merged "Thématique" into each row it covers, and a
        // horizontally merged header and value into each column.
        TableBlock table = new TableBlock("Écarts", List.of("Thématique", "Écart", "Écart"), List.of(
                List.of("Circuit du médicament", "Piluliers non vérifiés", "Piluliers non vérifiés"),
                List.of("Circuit du médicament", "Stupéfiants non tracés", "Stupéfiants non tracés"),
                List.of("Thématique", "Écart", "Écart")),
                2);

        assertThat(chunk(SMALL, table)).extracting(Passage::text).containsExactly(
                "Thématique : Circuit du médicament ; Écart : Piluliers non vérifiés",
                "Thématique : Circuit du médicament ; Écart : Stupéfiants non tracés");
    }

    @Test
    void tableClosesThePassageInProgressSoReadingOrderIsKept() {
        TableBlock table = new TableBlock("", List.of("Constat"), List.of(List.of("Écart 1")), 1);
        List<Passage> passages = chunk(SMALL,
                new Paragraph("Synthèse des écarts :", 1), table, new Paragraph("Fin du tableau.", 1));

        assertThat(passages).extracting(Passage::kind, Passage::text).containsExactly(
                tuple(Kind.TEXT, "Synthèse des écarts :"),
                tuple(Kind.TABLE_ROW, "Constat : Écart 1"),
                tuple(Kind.TEXT, "Fin du tableau."));
    }

    @Test
    void shortLeadInIsKeptWithTheParagraphItIntroduces() {
        String body = "Les inspecteurs ont relevé l'absence de procédure écrite de gestion des événements "
                + "indésirables et l'absence de retour d'expérience formalisé auprès des équipes soignantes.";
        List<Passage> passages = chunk(SMALL, new Paragraph("Constats :", 1), new Paragraph(body, 1));

        assertThat(passages).singleElement().extracting(Passage::text).isEqualTo("Constats :\n" + body);
    }

    @Test
    void chunkerIsStatelessAcrossDocuments() {
        List<Passage> first = chunk(SMALL, new Heading(1, "Premier", 1), new Paragraph("Texte un.", 1));
        List<Passage> second = chunk(SMALL, new Paragraph("Texte deux.", 1));

        assertThat(first.getFirst().headingPath()).containsExactly("Premier");
        assertThat(second.getFirst().headingPath()).isEmpty();
    }

    /** As in ingestion: the document is normalised, then chunked. */
    private List<Passage> chunk(ChunkingSettings settings, Block... blocks) {
        ParsedDocument parsed = new ParsedDocument(DocumentFormat.PDF, null, 4, List.of(blocks), List.of());
        return chunker.chunk(normalizer.normalise(parsed), settings);
    }
}
