package fr.capsules.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The findings a report states with the text each breaks, read from its prose as inspectors write it. */
class ReportReferencesTests {

    @Test
    void eachWayOfStatingTheTextBrokenGivesTheFindingAndItsReference() {
        String text = """
                Écart E1 : des prélèvements sont réalisés à domicile sans convention. Écart à l'article L.6211-14 du CSP.

                Écart E2 : deux techniciens n'ont pas justifié de leur diplôme, en méconnaissance des articles L.4352-1 et L.4352-2 du CSP.

                Remarque R1 : la revue de direction ne suit aucun délai de rendu. Il est recommandé d'y remédier conformément à la norme NF EN ISO 15189 (§ 8.9).

                Écart E3 : le registre des réclamations n'est pas tenu. Écart à : article L.311-3 du CASF ; article L.331-8-1 du CASF.

                Remarque R2 : la procédure d'identitovigilance n'est pas diffusée. Ce constat renvoie au référentiel national d'identitovigilance (RNIV).
                """;
        List<ReportReferences.Statement> statements = ReportReferences.statements(text);
        assertThat(statements).extracting(ReportReferences.Statement::reference).containsExactly(
                "article L.6211-14 du CSP",
                "articles L.4352-1 et L.4352-2 du CSP",
                "norme NF EN ISO 15189 (§ 8.9)",
                "article L.311-3 du CASF ; article L.331-8-1 du CASF",
                "référentiel national d'identitovigilance (RNIV)");
        assertThat(statements.get(0).finding()).isEqualTo("des prélèvements sont réalisés à domicile sans convention");
        assertThat(statements.get(1).finding()).isEqualTo("deux techniciens n'ont pas justifié de leur diplôme");
        assertThat(statements.get(2).finding()).startsWith("la revue de direction ne suit aucun délai de rendu");
        assertThat(statements.get(3).finding()).isEqualTo("le registre des réclamations n'est pas tenu");
        assertThat(statements.get(4).finding()).startsWith("la procédure d'identitovigilance n'est pas diffusée");
    }

    @Test
    void withoutALabelTheFindingIsTheSentenceBeforeItsReference() {
        assertThat(ReportReferences.statements("Contentions sans prescription médicale. Écart à : article L.311-4-1 du CASF."))
                .containsExactly(new ReportReferences.Statement("Contentions sans prescription médicale", "article L.311-4-1 du CASF"));
        assertThat(ReportReferences.statements("Visite du 3 mai. Le courrier des résidents est ouvert sans leur accord, en infraction à"
                + " l'article L.311-3 du CASF. Fin du constat."))
                .containsExactly(new ReportReferences.Statement("Le courrier des résidents est ouvert sans leur accord",
                        "article L.311-3 du CASF"));
    }

    @Test
    void clausesJoinedInProseAreWrittenAsInATable() {
        assertThat(ReportReferences.house("l'article L.6211-2 du CSP et la norme NF EN ISO 15189."))
                .isEqualTo("article L.6211-2 du CSP ; norme NF EN ISO 15189");
        // A title or a parenthesis is not cut: only "et la norme", "et l'article"… open another clause.
        assertThat(ReportReferences.house("la RBPP ANESM « Les attentes de la personne et le projet personnalisé » (2008)"))
                .isEqualTo("RBPP ANESM « Les attentes de la personne et le projet personnalisé » (2008)");
        // "du code de l'action sociale et des familles" is one clause.
        assertThat(ReportReferences.house("l'article L.311-4 du code de l'action sociale et des familles"))
                .isEqualTo("article L.311-4 du code de l'action sociale et des familles");
    }

    @Test
    void aProceduralMentionOrAVagueOneIsNoStatement() {
        List<ReportReferences.Statement> none = ReportReferences.statements("""
                Conformément à l'article L.1435-7 du code de la santé publique (CSP), le rapport provisoire a été adressé au directeur.

                Les écarts correspondent à la méconnaissance d'une disposition législative. Le plan d'action est conforme aux attentes.
                2. Procédure
                Conformément aux articles L.313-13 et suivants du code de l'action sociale et des familles, l'inspection a été inopinée.
                """);
        assertThat(none).isEmpty();
    }
}
