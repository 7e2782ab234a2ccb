package fr.capsules.ingest.pseudonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PseudonymizerTests {

    private final Pseudonymizer pseudonymizer = new Pseudonymizer();

    private String pseudonymize(String text) {
        return pseudonymizer.pseudonymize(text, PseudonymTable.empty()).text();
    }

    @Test
    void everyCategoryIsReplacedByItsPseudonym() {
        String text = "Mme Jeanne Dupont, née le 03/02/1931, NIR 2 31 02 59 350 017 77, demeure 14 rue des Glycines, "
                + "59300 Valenciennes ; tél. 06 71 28 44 19 ; courriel jeanne.dupont@example.fr ; "
                + "IBAN FR76 2293 9363 0657 9941 7371 591.";
        assertThat(pseudonymize(text)).isEqualTo("[PERSONNE 1], née le [DATE DE NAISSANCE 1], NIR [NIR 1], demeure "
                + "[ADRESSE 1] ; tél. [TÉLÉPHONE 1] ; courriel [EMAIL 1] ; IBAN [IBAN 1].");
    }

    @Test
    void theSamePersonWrittenThreeWaysGetsOnePseudonym() {
        assertThat(pseudonymize("Mme Dupont a chuté. Madame Jeanne Dupont a été vue. Dossier DUPONT Jeanne. "
                + "Dupont a indiqué qu'elle dormait."))
                .isEqualTo("[PERSONNE 1] a chuté. [PERSONNE 1] a été vue. Dossier [PERSONNE 1]. "
                        + "[PERSONNE 1] a indiqué qu'elle dormait.");
    }

    @Test
    void theSameNumberInAnyWritingGetsOnePseudonym() {
        assertThat(pseudonymize("Tél. 06 71 28 44 19, ou +33 6 71 28 44 19, NIR 2310259350017 77 ou 2.31.02.59.350.017.77."))
                .isEqualTo("Tél. [TÉLÉPHONE 1], ou [TÉLÉPHONE 1], NIR [NIR 1] ou [NIR 1].");
    }

    @Test
    void twoPeopleOfOneSurnameAreToldApartByCivilityOrFirstName() {
        assertThat(pseudonymize("M. Durand et Mme Durand ; Paul Girard et Lucie Girard."))
                .isEqualTo("[PERSONNE 1] et [PERSONNE 2] ; [PERSONNE 3] et [PERSONNE 4].");
    }

    @Test
    void everydayWordsAreNamesOnlyWhereTheyNameSomeone() {
        assertThat(pseudonymize("Mme Blanc préside le CVS. Le linge blanc est rangé. M. Juste a signé ; c'est juste. "
                + "Selon M. JUSTE, la présidente Blanc a raison."))
                .isEqualTo("[PERSONNE 1] préside le CVS. Le linge blanc est rangé. [PERSONNE 2] a signé ; c'est juste. "
                        + "Selon [PERSONNE 2], la présidente [PERSONNE 1] a raison.");
    }

    @Test
    void legalReferencesInspectionDatesAndEstablishmentsAreKept() {
        String text = "Inspection du 12 mars 2024 à l'EHPAD Les Tilleuls et au Centre hospitalier de Valenciennes, "
                + "au visa de l'article L. 311-3 du CASF, des articles R. 1112-91 et D. 312-155-0, de l'EHPAD Jean Moulin "
                + "et de l'Hôpital Claude Bernard.";
        assertThat(pseudonymize(text)).isEqualTo(text);
    }

    @Test
    void aNirWithAWrongKeyIsLeftAsWritten() {
        String text = "NIR erroné : 2 57 08 60 398 143 45.";
        assertThat(pseudonymize(text)).isEqualTo(text);
    }

    @Test
    void aSurnameKnownFromAnEarlierDocumentOfTheCapsuleIsFoundBare() {
        PseudonymTable capsule = PseudonymTable.empty();
        pseudonymizer.pseudonymize("Plainte de Mme Lefèvre.", capsule);
        assertThat(pseudonymizer.pseudonymize("Lefèvre a rappelé le 3 mai.", capsule).text())
                .isEqualTo("[PERSONNE 1] a rappelé le 3 mai.");
    }

    @Test
    void aCommonWordSurnameIsNotTakenAtTheStartOfASentence() {
        assertThat(pseudonymize("M. Juste est venu. Juste avant le repas, il a chuté. Il a vu Juste hier."))
                .isEqualTo("[PERSONNE 1] est venu. Juste avant le repas, il a chuté. Il a vu [PERSONNE 1] hier.");
    }

    @Test
    void firstNamesOfTheTextsPersonsAndInGreetingsAreReplaced() {
        assertThat(pseudonymize("À : Claire Vasseur\n\nBonjour Claire,\n\nAntoine Roussel viendra. Antoine a confirmé.\n\n"
                + "Bonne journée,\nJulien\n"))
                .isEqualTo("À : [PERSONNE 1]\n\nBonjour [PERSONNE 1],\n\n[PERSONNE 2] viendra. [PERSONNE 2] a confirmé.\n\n"
                        + "Bonne journée,\n[PERSONNE 3]\n");
    }

    @Test
    void keptTermsAndSwitchedOffCategoriesAreLeftAsWritten() {
        PseudonymizationSettings settings = PseudonymizationSettings.defaults()
                .keeping(List.of("Hélène Mortier", "accueil@ehpad-tilleuls.fr"))
                .replacing(EnumSet.of(Category.PERSON, Category.EMAIL));
        Pseudonymizer keeping = new Pseudonymizer(settings);
        String text = "Signé : Hélène Mortier (accueil@ehpad-tilleuls.fr, tél. 03 27 45 12 90), pour M. Durand "
                + "(p.durand@example.fr).";
        assertThat(keeping.pseudonymize(text, PseudonymTable.empty()).text())
                .isEqualTo("Signé : Hélène Mortier (accueil@ehpad-tilleuls.fr, tél. 03 27 45 12 90), pour [PERSONNE 1] "
                        + "([EMAIL 1]).");
    }

    @Test
    void establishmentNamesAreReplacedWhenSwitchedOn() {
        Pseudonymizer naming = new Pseudonymizer(PseudonymizationSettings.defaults()
                .replacing(EnumSet.allOf(Category.class)));
        assertThat(naming.pseudonymize("Visite de l'EHPAD Jean Moulin.", PseudonymTable.empty()).text())
                .isEqualTo("Visite de l'[ÉTABLISSEMENT 1].");
    }

    @Test
    void theResultCountsReplacementsPerCategoryForTheFileReport() {
        PseudonymizationResult result = pseudonymizer.pseudonymize(
                "M. Durand (NIR 1 85 05 78 006 084 91) et Mme Blanc (NIR 2 31 02 59 350 017 77) ; Durand a signé.",
                PseudonymTable.empty());
        assertThat(result.counts()).isEqualTo(Map.of(Category.PERSON, 3, Category.NIR, 2));
        assertThat(result.summary()).isEqualTo("Pseudonymisation : 3 personnes, 2 NIR remplacés.");
        assertThat(result.replacements()).extracting(Replacement::category, Replacement::original, Replacement::pseudonym)
                .startsWith(tuple(Category.PERSON, "M. Durand", "[PERSONNE 1]"), tuple(Category.NIR, "1 85 05 78 006 084 91", "[NIR 1]"));
        assertThat(pseudonymizer.pseudonymize("Rien à signaler.", PseudonymTable.empty()).summary())
                .isEqualTo("Pseudonymisation : aucune donnée personnelle détectée.");
    }

    @Test
    void theSameTextAndTableGiveTheSameResult() {
        String text = "Mme Dupont, M. Durand, 06 71 28 44 19, Dupont.";
        assertThat(pseudonymizer.pseudonymize(text, PseudonymTable.empty()))
                .isEqualTo(pseudonymizer.pseudonymize(text, PseudonymTable.empty()));
    }

    @Test
    void hostileRepetitionsTakeLinearTime() {
        // Quadratic matching on 50,000 characters costs seconds of CPU per text; linear, milliseconds.
        // CPU time, not the wall clock, so that a loaded machine does not fail the test.
        List<String> hostile = List.of("a".repeat(50_000), "1 ".repeat(25_000), "FR76 ".repeat(10_000),
                "DUPONT ".repeat(7_000), "x@".repeat(25_000), "M. ".repeat(16_000), "12 rue ".repeat(7_000));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String text : hostile) {
            long start = threads.getCurrentThreadCpuTime();
            pseudonymizer.pseudonymize(text, PseudonymTable.empty());
            assertThat(Duration.ofNanos(threads.getCurrentThreadCpuTime() - start))
                    .as("CPU time on %s…", text.substring(0, 8))
                    .isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void anEmptyTextGivesAnEmptyResult() {
        assertThat(pseudonymizer.pseudonymize(null, PseudonymTable.empty()).text()).isEmpty();
        assertThat(pseudonymizer.pseudonymize("", PseudonymTable.empty()).replacements()).isEmpty();
    }
}
