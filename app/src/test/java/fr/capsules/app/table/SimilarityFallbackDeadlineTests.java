package fr.capsules.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.capsule.CapsuleDefinition.Column;
import fr.capsules.app.capsule.ColumnChecks;
import fr.capsules.app.capsule.CapsuleDefinition.TableSpec;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.PassageHit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fallback's deadline vote reads past deadlines through {@link Deadlines}: one deadline written two ways is one voice. */
class SimilarityFallbackDeadlineTests {

    private static final List<Column> COLUMNS = List.of(
            new Column("numero", "N°", "", List.of(), null),
            new Column("constat", "Constat", "", List.of(), null),
            new Column("type", "Type", "", List.of("écart", "remarque"), null),
            new Column("mesure", "Mesure", "", List.of(), null),
            new Column("nature", "Nature", "", List.of("injonction", "prescription", "recommandation"), new ColumnChecks(
                    null, null, null, null, null, null, null, new ColumnChecks.DerivedFrom("type",
                            Map.of("écart", List.of("prescription", "injonction"), "remarque", List.of("recommandation"))), null)),
            new Column("delai", "Délai", "", List.of(), null));
    private static final TableColumns TABLE = TableColumns.of(new TableSpec(COLUMNS,
            Map.of("injonction", "1 mois", "prescription", "3 mois", "recommandation", "6 mois"), List.of()));
    private static final Finding FINDING = new Finding(1, "E1", "Chariot de médicaments laissé ouvert dans le couloir.", FindingType.ECART);

    private static PassageHit pastRow(int n, String finding, String deadline, float score) {
        return new PassageHit("p" + n, "d" + n, "tableau-" + n + ".xlsx", "Tableau " + n, 0, List.of(),
                "Constat : " + finding + " ; Type : écart ; Mesure : Fermer le chariot à clé. ; Nature : injonction ; Délai : " + deadline,
                Passage.Kind.TABLE_ROW, score, 1.0);
    }

    @Test
    void twoCloseRowsThatAgreeOnAFortnightWrittenTwoWaysOutvoteTheHouseDeadline() {
        List<PassageHit> rows = List.of(
                pastRow(1, "Chariot de médicaments laissé ouvert dans le couloir.", "quinze jours", 10f),
                pastRow(2, "Chariot de médicaments ouvert dans le couloir.", "15 jours", 9f),
                pastRow(3, "Chariot laissé ouvert.", "1 mois", 5f));
        SimilarityFallback.Proposal proposal = SimilarityFallback.propose(FINDING, TABLE, ColumnRules.of(COLUMNS), rows);
        assertThat(proposal.cells()).containsEntry("nature", "injonction");
        // "quinze jours" and "15 jours" are one deadline with two voices; read apart, each would lose to the house's "1 mois".
        assertThat(Deadlines.same(proposal.cells().get("delai"), "15 jours")).isTrue();
    }

    @Test
    void aSingleCloseRowDoesNotOutvoteTheHouseDeadline() {
        List<PassageHit> rows = List.of(
                pastRow(1, "Chariot de médicaments laissé ouvert dans le couloir.", "quinze jours", 10f),
                pastRow(2, "Chariot de médicaments ouvert dans le couloir.", "Immédiat", 9f),
                pastRow(3, "Chariot laissé ouvert.", "1 mois", 5f));
        SimilarityFallback.Proposal proposal = SimilarityFallback.propose(FINDING, TABLE, ColumnRules.of(COLUMNS), rows);
        assertThat(proposal.cells()).containsEntry("delai", "1 mois");
    }
}
