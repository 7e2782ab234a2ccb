package fr.capsules.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.capsules.ingest.parse.Block;
import fr.capsules.ingest.parse.DocumentFormat;
import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateExtractorTests {

    private final DateExtractor dates = new DateExtractor();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Visite effectuée le 25/03/2024 par la mission.         | 25/03/2024          | 2024-03-25
        Réponse reçue le 25.03.2024.                            | 25.03.2024          | 2024-03-25
        Courrier du 25-03-2024 adressé au directeur.            | 25-03-2024          | 2024-03-25
        Relance le 25/3/24 sans réponse.                        | 25/3/24             | 2024-03-25
        Export du 2024-04-03T10:00 depuis le logiciel.          | 2024-04-03          | 2024-04-03
        Version du 2024/04/03.                                  | 2024/04/03          | 2024-04-03
        Inspection du 3 avril 2024 à l'EHPAD.                   | 3 avril 2024        | 2024-04-03
        Arrêté du 1er mars 2023 relatif aux contrôles.          | 1er mars 2023       | 2023-03-01
        Fait à Lille, le mardi 3 avril 2024.                    | mardi 3 avril 2024  | 2024-04-03
        PROCÈS-VERBAL DU 3 AVRIL 2024                           | 3 AVRIL 2024        | 2024-04-03
        Délai fixé au 15 févr. 2025.                            | 15 févr. 2025       | 2025-02-15
        Reçu le 17 août 2024, enregistré.                       | 17 août 2024        | 2024-08-17
        Complaint received April 3, 2024 by e-mail.             | April 3, 2024       | 2024-04-03
        Complaint received 3 April 2024 by e-mail.              | 3 April 2024        | 2024-04-03
        Accusé de réception du 12/25/2024 (format américain).   | 12/25/2024          | 2024-12-25
        """)
    void eachWrittenFormIsRead(String text, String raw, LocalDate expected) {
        assertThat(dates.extract(text)).containsExactly(new ExtractedDate(raw, expected, false, null));
    }

    @Test
    void ambiguousNumericDateIsReadDayFirstAndFlagged() {
        assertThat(dates.extract("Plainte enregistrée le 04/03/2024."))
                .containsExactly(new ExtractedDate("04/03/2024", LocalDate.of(2024, 3, 4), true, LocalDate.of(2024, 4, 3)));
    }

    @Test
    void sameDayAndMonthIsNotAmbiguous() {
        assertThat(dates.extract("le 05/05/2024")).containsExactly(
                new ExtractedDate("05/05/2024", LocalDate.of(2024, 5, 5), false, null));
    }

    @Test
    void unambiguousAmericanDatesInTheSameTextResolveTheAmbiguousOnes() {
        List<ExtractedDate> found = dates.extract("Received 04/03/2024, acknowledged 04/17/2024.");

        assertThat(found).extracting(ExtractedDate::date, ExtractedDate::ambiguous)
                .containsExactly(
                        tuple(LocalDate.of(2024, 4, 3), false),
                        tuple(LocalDate.of(2024, 4, 17), false));
    }

    @Test
    void unambiguousFrenchDatesInTheSameTextConfirmTheDayFirstReading() {
        List<ExtractedDate> found = dates.extract("Visite le 04/03/2024, rapport transmis le 18/03/2024.");

        assertThat(found.getFirst()).isEqualTo(new ExtractedDate("04/03/2024", LocalDate.of(2024, 3, 4), false, null));
    }

    @Test
    void conflictingOrdersInTheSameTextLeaveTheDateAmbiguous() {
        List<ExtractedDate> found = dates.extract("Saisie le 18/03/2024, réponse 03/25/2024, relance 04/05/2024.");

        assertThat(found).hasSize(3);
        assertThat(found.get(2)).isEqualTo(
                new ExtractedDate("04/05/2024", LocalDate.of(2024, 5, 4), true, LocalDate.of(2024, 4, 5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Échéance au 31/02/2024.", "Le 30 février 2024.", "Le 00/03/2024.", "Le 13/13/2024.",
        "Rapport du 2024-02-30.", "Archive de 1850-03-12.", "Le 3 avril 2150."
    })
    void impossibleDatesAreRejected(String text) {
        assertThat(dates.extract(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Tél. : 03 20 45 67 89", "Tél. : 03.20.45.67.89", "Dossier n° 2024-123-45",
        "Article L.1112-3 du code de la santé publique", "Logiciel version 1.2.3",
        "Référence 12/03/2024/7", "Montant de 1.234.567 euros", "Lot 5/6/2024A",
        "Mission prévue en avril 2024"
    })
    void numbersThatAreNotDatesAreNotMatched(String text) {
        assertThat(dates.extract(text)).isEmpty();
    }

    @Test
    void twoDigitYearsPivotAtSeventy() {
        assertThat(dates.extract("Créé le 15/06/69, révisé le 15/06/70."))
                .extracting(ExtractedDate::date)
                .containsExactly(LocalDate.of(2069, 6, 15), LocalDate.of(1970, 6, 15));
    }

    @Test
    void datesAreReturnedInReadingOrder() {
        assertThat(dates.extract("Le 2 mai 2024, puis le 2024-05-10 et enfin le 15/05/2024."))
                .extracting(ExtractedDate::iso)
                .containsExactly("2024-05-02", "2024-05-10", "2024-05-15");
    }

    @Test
    void documentDatePrefersADateAnnouncedByACueOnTheFirstPage() {
        ParsedDocument doc = doc(
                new Paragraph("Textes de référence : arrêté du 12 mai 2016.", 1),
                new Heading(1, "Rapport d'inspection", 1),
                new Paragraph("Date de l'inspection : 03/04/2024", 1),
                new Paragraph("Fait à Arras, le 15 avril 2024", 9));

        assertThat(dates.documentDate(doc)).get().extracting(ExtractedDate::iso).isEqualTo("2024-04-03");
    }

    @Test
    void documentDateFallsBackToTheFirstDate() {
        ParsedDocument doc = doc(
                new Paragraph("Aucune date en première page.", 1),
                new Paragraph("Échéance : 30/06/2024.", 2),
                new Paragraph("Rapport du 15 avril 2024.", 3));

        assertThat(dates.documentDate(doc)).get().extracting(ExtractedDate::iso).isEqualTo("2024-06-30");
    }

    @Test
    void documentDateResolvesAmbiguityOverTheWholeDocument() {
        ParsedDocument doc = doc(
                new Paragraph("Visite du 04/03/2024.", 1),
                new Paragraph("Complaint received 03/15/2024.", 4));

        assertThat(dates.documentDate(doc)).contains(
                new ExtractedDate("04/03/2024", LocalDate.of(2024, 4, 3), false, null));
    }

    @Test
    void documentWithoutDateHasNone() {
        assertThat(dates.documentDate(doc(new Paragraph("Procédure de réclamation.", 0)))).isEmpty();
    }

    @Test
    void ambiguousDateIsDescribedInFrench() {
        ExtractedDate date = new ExtractedDate("04/03/2024", LocalDate.of(2024, 3, 4), true, LocalDate.of(2024, 4, 3));

        assertThat(DateExtractor.describe(date)).isEqualTo(
                "date ambiguë « 04/03/2024 » : lue comme 2024-03-04 (jour/mois), pourrait être 2024-04-03 (mois/jour)");
    }

    private static ParsedDocument doc(Block... blocks) {
        return new ParsedDocument(DocumentFormat.PDF, null, 9, List.of(blocks), List.of());
    }

    /** The cues' folding from a table for Latin-1 text is the decomposition it was before. */
    @Test
    void foldingLatin1TextFromTheTableIsFoldingAsBefore() {
        java.util.Random random = new java.util.Random(41);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(10);
                String pieces = kind < 9 ? "Fait à Lille, le ÉTÉ ÿ ß µ ½ ª" : "İΣσĳŉ\u0301";
                text.append(kind < 6 ? (char) random.nextInt(256) : pieces.charAt(random.nextInt(pieces.length())));
            }
            String expected = java.util.regex.Pattern.compile("\\p{M}+")
                    .matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD))
                    .replaceAll("")
                    .toLowerCase(java.util.Locale.ROOT);
            assertThat(DateExtractor.fold(text.toString())).as(text.toString()).isEqualTo(expected);
        }
    }
}
