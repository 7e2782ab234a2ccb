package fr.capsules.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.capsule.CapsuleDefinition.Column;
import fr.capsules.app.capsule.ColumnChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cell checks as a capsule declares them, on cells a small model might write. */
class ColumnRulesTests {

    private static final String DEADLINE = "(immédiat|sans délai|\\d{1,3} (jours?|semaines?|mois|ans?)|\\d{1,2}/\\d{1,2}/\\d{4})";
    private static final List<Column> COLUMNS = List.of(
            new Column("type", "Type", "", List.of("écart", "remarque"), null),
            new Column("reference", "Référence", "", List.of(), new ColumnChecks(
                    ".*(\\b(articles?)\\s|\\b[LRD]\\.?\\s?\\d{1,4}-|\\b(RBPP|HAS|ANESM)\\b).*", "une référence", 160, true,
                    "à compléter", null, null, null, null)),
            new Column("mesure", "Mesure", "", List.of(), new ColumnChecks(null, null, 400, null, null, true, 8, null, null)),
            new Column("nature", "Nature", "", List.of("injonction", "prescription", "recommandation"), new ColumnChecks(
                    null, null, null, null, null, null, null, new ColumnChecks.DerivedFrom("type",
                            Map.of("écart", List.of("prescription", "injonction"), "remarque", List.of("recommandation"))), null)),
            new Column("delai", "Délai", "", List.of(), new ColumnChecks(DEADLINE, "un délai : « 3 mois » ou une date", 40, null,
                    null, null, null, null, null)),
            new Column("echeance", "Échéance", "", List.of(), new ColumnChecks(null, null, 80, null, null, null, null, null, true)));
    private static final ColumnRules RULES = ColumnRules.of(COLUMNS);
    private static final String REPORT = "Écart E1 : le projet d'établissement, adopté en 2014, n'a pas été actualisé depuis ;"
            + " il ne comporte pas de volet relatif à la prévention de la maltraitance. Écart à : article L.311-8 du CASF.";
    private static final String PAST_ROW = "Constat : Projet d'établissement échu ; Mesure : Actualiser le projet d'établissement"
            + " après consultation du conseil de la vie sociale et le transmettre à l'ARS ; Nature : prescription";

    private static List<String> failures(String column, String value, Map<String, String> cells) {
        return RULES.failures(column, value, new CellCheck.Row(cells, List.of(new CellCheck.CitedText(REPORT, Map.of()),
                new CellCheck.CitedText(PAST_ROW, Map.of("mesure", "Actualiser le projet d'établissement après consultation du"
                        + " conseil de la vie sociale et le transmettre à l'ARS")))));
    }

    private static List<String> failures(String column, String value) {
        return failures(column, value, Map.of("type", "écart"));
    }

    @Test
    void aDeadlineIsADeadline() {
        assertThat(failures("delai", "3 mois")).isEmpty();
        assertThat(failures("delai", "Immédiat")).isEmpty();
        assertThat(failures("delai", "15 jours")).isEmpty();
        assertThat(failures("delai", "15/01/2027")).isEmpty();
        assertThat(failures("delai", "il ne comporte pas de volet relatif à la prévention de la maltraitance"))
                .anySatisfy(f -> assertThat(f).contains("attendu un délai"))
                .anySatisfy(f -> assertThat(f).contains("trop long"));
    }

    @Test
    void aColumnDeclaredAsDeadlinesTakesAnyWritingOfOneDeadlineAndNothingElse() {
        assertThat(failures("echeance", "quinze jours")).isEmpty();
        assertThat(failures("echeance", "sous quinzaine")).isEmpty();
        assertThat(failures("echeance", "Dans un délai de 3 mois")).isEmpty();
        assertThat(failures("echeance", "dès réception du rapport")).isEmpty();
        assertThat(failures("echeance", "au plus tard le 1er mars 2027")).isEmpty();
        assertThat(failures("echeance", "article L.311-8 du CASF"))
                .containsExactly("« article L.311-8 du CASF » n'est pas un délai : attendu « Immédiat », « 15 jours », « 3 mois » ou une date");
        // A sentence that merely contains a duration is a copied passage, not a deadline.
        assertThat(failures("echeance", "le projet est actualisé tous les 5 ans")).singleElement()
                .satisfies(f -> assertThat(f).contains("n'est pas un délai"));
    }

    @Test
    void aReferenceNamesAnArticleOrRecommendationOfACitedPassageOrIsLeftToComplete() {
        assertThat(failures("reference", "article L.311-8 du CASF")).isEmpty();
        assertThat(failures("reference", "à compléter")).isEmpty();
        assertThat(failures("reference", "article L.999-12 du CASF")).containsExactly("L999-12 ne figure dans aucun passage cité");
        assertThat(failures("reference", "le projet d'établissement n'a pas été actualisé"))
                .anySatisfy(f -> assertThat(f).contains("attendu une référence"));
    }

    @Test
    void aMeasureStartsWithAnInfinitiveAndCopiesNoPassageBeyondAFewWords() {
        assertThat(failures("mesure", "Actualiser le projet d'établissement et le transmettre à l'ARS.")).isEmpty();
        assertThat(failures("mesure", "S'assurer de la tenue du registre.")).isEmpty();
        assertThat(failures("mesure", "Ne plus administrer de traitement sans prescription.")).isEmpty();
        assertThat(failures("mesure", "Le projet d'établissement n'a pas été actualisé."))
                .containsExactly("ne commence pas par un verbe à l'infinitif (« Mettre en place… », « Transmettre… »)");
        assertThat(failures("mesure", "Actualiser : il ne comporte pas de volet relatif à la prévention de la maltraitance"))
                .anySatisfy(f -> assertThat(f).isEqualTo("recopie un passage cité sur 13 mots (au plus 8)"));
        // A past measure of the same column is the house style, not a copy.
        assertThat(failures("mesure", "Actualiser le projet d'établissement après consultation du conseil de la vie sociale"
                + " et le transmettre à l'ARS")).isEmpty();
    }

    @Test
    void natureAgreesWithTypeByTheCapsulesRule() {
        assertThat(failures("nature", "injonction", Map.of("type", "remarque")))
                .containsExactly("« injonction » ne convient pas à « remarque » (type) : attendu recommandation");
        assertThat(failures("nature", "injonction", Map.of("type", "écart"))).isEmpty();
        assertThat(failures("nature", "sanction", Map.of("type", "écart"))).anySatisfy(f -> assertThat(f).contains("valeur permise"));
        assertThat(RULES.derivedValues("nature", Map.of("type", "remarque"))).containsExactly("recommandation");
    }

    @Test
    void theRetryRequestNamesEachFailedCheck() {
        String request = ColumnRules.retryRequest(Map.of("delai", List.of("« voir passage » ne convient pas : attendu un délai")));

        assertThat(request).contains("« delai » : « voir passage » ne convient pas : attendu un délai").contains("JSON complet");
    }
}
