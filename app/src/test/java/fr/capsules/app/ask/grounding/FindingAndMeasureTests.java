package fr.capsules.app.ask.grounding;

import static fr.capsules.app.ask.grounding.WarningKinds.cited;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ask.grounding.GroundingWarning.Kind;
import org.junit.jupiter.api.Test;

/**
 * A negated finding and its measure side by side (two cells of a table row, or a constat and its mesure): an answer
 * that restates the measure as an instruction is not read as denying the finding; one that states the finding's
 * contrary as a fact is. Sentences written for these tests, not taken from the benchmark's sets.
 */
class FindingAndMeasureTests {

    private static final String ROW = "| R3 | Registre des fugues non tenu depuis 2023. | remarque | RBPP ANESM | "
            + "Tenir le registre des fugues et analyser chaque fugue en équipe. | recommandation | 6 mois |";
    /** The same row as the ingestion renders a table row ({@code TableRows}: "header : value ; …"). */
    private static final String RENDERED = "N° : R3 ; Constat : Registre des fugues non tenu depuis 2023. ; Type : remarque ; "
            + "Référence : RBPP ANESM ; Mesure : Tenir le registre des fugues et analyser chaque fugue en équipe. ; "
            + "Nature : recommandation ; Délai : 6 mois";
    private static final String PROSE = "Constat : les bons de transport des prélèvements ne sont pas horodatés. "
            + "Mesure : horodater chaque bon de transport des prélèvements.";

    @Test
    void aTableRowsCellsAreClausesOfTheirOwn() {
        assertThat(Clauses.of("| E2 | Bons non horodatés. | écart | Horodater chaque bon. | 1 mois |"))
                .containsExactly("E2", "Bons non horodatés.", "écart", "Horodater chaque bon.", "1 mois");
    }

    @Test
    void theMeasureRestatedAsAnInstructionIsNoDenialOfTheFinding() {
        assertThat(cited(ROW, "Il faut tenir le registre des fugues et analyser chaque fugue en équipe."))
                .doesNotContain(Kind.NEGATION_MISMATCH);
        assertThat(cited(ROW, "L'établissement doit tenir le registre des fugues dans un délai de six mois."))
                .doesNotContain(Kind.NEGATION_MISMATCH);
        assertThat(cited(RENDERED, "Il faut tenir le registre des fugues et analyser chaque fugue en équipe."))
                .doesNotContain(Kind.NEGATION_MISMATCH);
        assertThat(cited(PROSE, "Il est demandé d'horodater chaque bon de transport des prélèvements."))
                .doesNotContain(Kind.NEGATION_MISMATCH);
    }

    @Test
    void theFindingsContraryStatedAsAFactIsStillADenial() {
        assertThat(cited(ROW, "Le registre des fugues est tenu depuis 2023.")).contains(Kind.NEGATION_MISMATCH);
        assertThat(cited(RENDERED, "Le registre des fugues est tenu depuis 2023.")).contains(Kind.NEGATION_MISMATCH);
        assertThat(cited(PROSE, "Les bons de transport des prélèvements sont horodatés.")).contains(Kind.NEGATION_MISMATCH);
    }

    @Test
    void anInstructionIsRecognised() {
        assertThat(Clauses.instruction("Tracer l'habilitation de chaque technicien")).isTrue();
        assertThat(Clauses.instruction("Il faut analyser chaque fugue")).isTrue();
        assertThat(Clauses.instruction("L'officine doit recruter le pharmacien adjoint manquant")).isTrue();
        assertThat(Clauses.instruction("Il est recommandé de mesurer le délai")).isTrue();
        assertThat(Clauses.instruction("Le registre des fugues est tenu")).isFalse();
        assertThat(Clauses.instruction("Registre des fugues non tenu")).isFalse();
    }
}
