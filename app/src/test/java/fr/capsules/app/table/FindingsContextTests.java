package fr.capsules.app.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Lines around the findings that are context: they name the draft and are never rows. */
class FindingsContextTests {

    private final FindingsParser parser = new FindingsParser(250);

    private static final String TWELVE = IntStream.rangeClosed(1, 12)
            .mapToObj(i -> i + ". Le dossier du résident n° " + i + " ne comporte pas de projet personnalisé actualisé.")
            .collect(Collectors.joining("\n"));

    @Test
    void twelveNumberedFindingsUnderATitleLineGiveTwelveFindingsAndTheTitleNamesTheDraft() {
        FindingsParser.FindingsRead read = parser.readText(
                "Constats de l'inspection du 14/10/2026 — EHPAD Les Tilleuls\n\n" + TWELVE);

        assertThat(read.findings()).hasSize(12);
        assertThat(read.findings()).extracting(Finding::label).startsWith("1", "2").endsWith("12");
        assertThat(read.context().lines()).containsExactly("Constats de l'inspection du 14/10/2026 — EHPAD Les Tilleuls");
        assertThat(read.context().title()).contains("EHPAD Les Tilleuls — inspection du 14/10/2026");
    }

    @Test
    void establishmentAndMissionLinesOnTheirOwnAreContextToo() {
        FindingsParser.FindingsRead read = parser.readText("""
                Mission d'inspection — 3 mars 2026
                Établissement : EHPAD « La Roseraie », Saint-Aubin
                Inspecteurs : Mme P., M. G.

                E1 : Le plan bleu n'a pas été actualisé depuis 2019 ;
                il ne prévoit pas de pièce rafraîchie.
                R1 : Le CVS ne s'est pas réuni en 2025.
                """);

        assertThat(read.findings()).extracting(Finding::label).containsExactly("E1", "R1");
        assertThat(read.findings().getFirst().text()).isEqualTo(
                "Le plan bleu n'a pas été actualisé depuis 2019 ; il ne prévoit pas de pièce rafraîchie.");
        assertThat(read.context().title()).contains("EHPAD La Roseraie — inspection du 3 mars 2026");
    }

    @Test
    void withoutMarkersOnlyLeadingLinesThatReadAsContextAreSetAside() {
        FindingsParser.FindingsRead read = parser.readText("""
                Inspection du 02/02/2026
                Absence de plan bleu actualisé.
                Date de péremption des collyres dépassée.
                """);

        assertThat(read.findings()).extracting(Finding::text)
                .containsExactly("Absence de plan bleu actualisé.", "Date de péremption des collyres dépassée.");
        assertThat(read.context().title()).contains("Inspection du 02/02/2026");
    }

    @Test
    void aFirstFindingWrittenAsASentenceBeforeNumberedOnesIsStillAFinding() {
        List<Finding> findings = parser.fromText("""
                Le projet d'établissement n'est pas actualisé.
                2. Le registre des réclamations n'est pas tenu.
                """);

        assertThat(findings).hasSize(2);
    }

    @Test
    void letteredItemsKeepTheirLetterAndEnumerateInsideAFindingEndingWithAColon() {
        List<Finding> lettered = parser.fromText("""
                a) Absence de plan bleu.
                b) Contentions sans prescription médicale.
                """);
        List<Finding> nested = parser.fromText("""
                1. Les chambres suivantes ne disposent pas d'appel malade :
                a) chambre 12 ;
                b) chambre 14.
                2. Le CVS ne s'est pas réuni.
                """);

        assertThat(lettered).extracting(Finding::label).containsExactly("a", "b");
        assertThat(nested).extracting(Finding::label).containsExactly("1", "2");
        assertThat(nested.getFirst().text()).contains("chambre 12").contains("chambre 14");
    }

    @Test
    void aMailWithQuotedRepliesHeadersAndSignatureGivesOnlyTheFindings() {
        FindingsParser.FindingsRead read = parser.readText("""
                De : Paule Martin <p.martin@ars.example.fr>
                Envoyé : lundi 19 octobre 2026 09:12
                Objet : RE: Constats EHPAD Les Tilleuls — visite du 14/10/2026

                Bonjour,

                Voici les constats arrêtés avec l'équipe :
                E1. Absence de plan bleu actualisé.
                E2. Contentions sans prescription médicale.
                R1. Le CVS ne s'est pas réuni en 2025.

                Cordialement,
                Paule Martin
                Inspectrice, délégation départementale

                Le 16/10/2026 à 17:40, Gilles Durand a écrit :
                > Paule, peux-tu relire ma liste ?
                > 1. Absence de plan bleu.
                > 2. Une ancienne version du constat.
                """);

        assertThat(read.findings()).extracting(Finding::label).containsExactly("E1", "E2", "R1");
        assertThat(read.findings().getLast().text()).isEqualTo("Le CVS ne s'est pas réuni en 2025.");
        assertThat(read.context().title()).contains("EHPAD Les Tilleuls — inspection du 14/10/2026");
    }

    @Test
    void aMailThatOnlyForwardsQuotedFindingsReadsThemWithoutTheirMarks() {
        List<Finding> findings = parser.fromText("""
                Bonjour, je te transfère la liste.

                Le 16/10/2026 à 17:40, Gilles Durand a écrit :
                > 1. Absence de plan bleu actualisé.
                > 2. Contentions sans prescription
                > médicale écrite.
                """);

        assertThat(findings).extracting(Finding::text)
                .containsExactly("Absence de plan bleu actualisé.", "Contentions sans prescription médicale écrite.");
    }

    @Test
    void anEmptyPasteIsRefusedWithAFrenchSentence() {
        assertThatThrownBy(() -> parser.readText(" \n\t\n")).isInstanceOf(InvalidFindingsException.class)
                .hasMessageStartingWith("texte vide : aucun constat trouvé");
        assertThatThrownBy(() -> parser.readText("> \n> \n")).isInstanceOf(InvalidFindingsException.class)
                .hasMessageStartingWith("aucun constat trouvé");
    }

    @Test
    void twoHundredFindingsInOnePasteAreReadWithinTheBound() {
        String pasted = IntStream.rangeClosed(1, 200).mapToObj(i -> "E" + i + ". Constat numéro " + i + ".")
                .collect(Collectors.joining("\n"));

        assertThat(parser.fromText(pasted)).hasSize(200);
        assertThatThrownBy(() -> new FindingsParser(100).fromText(pasted)).hasMessageContaining("200 constats ; limite 100");
    }
}
