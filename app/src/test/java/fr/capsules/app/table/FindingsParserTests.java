package fr.capsules.app.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FindingsParserTests {

    private final FindingsParser parser = new FindingsParser(50);

    @Test
    void mixedNumberingStylesKeepTheInputOrderAndWhatWasWritten() {
        List<Finding> findings = parser.fromText("""
                1. Le projet d'établissement n'a pas été actualisé depuis 2017.
                E2 Le registre des entrées et des sorties n'est pas tenu à jour.
                - La traçabilité des douches n'est pas assurée dans le dossier de soins.
                R1 : Les transmissions ciblées ne sont pas utilisées par l'équipe de nuit.
                """);

        assertThat(findings).extracting(Finding::number, Finding::label, Finding::text, Finding::type)
                .containsExactly(
                        tuple(1, "1", "Le projet d'établissement n'a pas été actualisé depuis 2017.", null),
                        tuple(2, "E2", "Le registre des entrées et des sorties n'est pas tenu à jour.", FindingType.ECART),
                        tuple(3, "", "La traçabilité des douches n'est pas assurée dans le dossier de soins.", null),
                        tuple(4, "R1", "Les transmissions ciblées ne sont pas utilisées par l'équipe de nuit.",
                                FindingType.REMARQUE));
    }

    @Test
    void everyMarkerOfTheRulesOpensAFinding() {
        List<Finding> findings = parser.fromText("""
                1) Absence de médecin coordonnateur depuis mars 2024.
                2 - Le plan bleu n'a pas été mis à jour.
                (3) Aucun exercice d'évacuation incendie n'a été réalisé en 2024.
                * Le chariot d'urgence n'est pas vérifié mensuellement.
                • Les protocoles de contention ne sont pas signés.
                – La commission de coordination gériatrique ne se réunit pas.
                E 1. Le règlement de fonctionnement ne mentionne pas les droits des résidents.
                R2 - Les menus ne sont pas validés par une diététicienne.
                Écart 3 : Le livret d'accueil n'est pas remis aux familles.
                Remarque n°2 : Les animations sont concentrées le matin.
                Ecart n° 4 – La procédure de signalement des événements indésirables est absente.
                """);

        assertThat(findings).extracting(Finding::label)
                .containsExactly("1", "2", "3", "", "", "", "E1", "R2", "Écart 3", "Remarque n°2", "Ecart n° 4");
        assertThat(findings).extracting(Finding::text).first().isEqualTo("Absence de médecin coordonnateur depuis mars 2024.");
        assertThat(findings.getLast().text())
                .isEqualTo("La procédure de signalement des événements indésirables est absente.");
        assertThat(findings.get(9).type()).isEqualTo(FindingType.REMARQUE);
        assertThat(findings.get(10).type()).isEqualTo(FindingType.ECART);
    }

    @Test
    void aFindingWrappedOverTwoLinesIsJoinedWithASpace() {
        List<Finding> findings = parser.fromText("""
                E1 : Les prescriptions médicales ne sont pas systématiquement
                signées par le médecin prescripteur.
                E2 : Les stupéfiants ne sont pas stockés dans un coffre fermé à clé.
                """);

        assertThat(findings).extracting(Finding::text).containsExactly(
                "Les prescriptions médicales ne sont pas systématiquement signées par le médecin prescripteur.",
                "Les stupéfiants ne sont pas stockés dans un coffre fermé à clé.");
    }

    @Test
    void blankLinesBetweenFindingsAreIgnored() {
        List<Finding> findings = parser.fromText("""

                1. Le conseil de la vie sociale ne s'est pas réuni en 2024.


                2. Les fiches de poste des agents de service hospitalier sont absentes.

                """);

        assertThat(findings).extracting(Finding::label).containsExactly("1", "2");
    }

    @Test
    void anUnmarkedLineAfterABlankLineAndAFullSentenceStartsANewFinding() {
        List<Finding> findings = parser.fromText("""
                1. L'affichage des tarifs à l'entrée de l'établissement est absent.

                Le dossier administratif de deux résidents ne contient pas le contrat de séjour signé.
                2. La liste des personnes qualifiées n'est pas affichée.
                """);

        assertThat(findings).extracting(Finding::label, Finding::text).containsExactly(
                tuple("1", "L'affichage des tarifs à l'entrée de l'établissement est absent."),
                tuple("", "Le dossier administratif de deux résidents ne contient pas le contrat de séjour signé."),
                tuple("2", "La liste des personnes qualifiées n'est pas affichée."));
    }

    @Test
    void anUnmarkedLineAfterABlankLineContinuesAnUnfinishedSentence() {
        List<Finding> findings = parser.fromText("""
                1. Les bilans de chute ne sont pas réalisés

                après chaque chute signalée.
                """);

        assertThat(findings).singleElement().extracting(Finding::text)
                .isEqualTo("Les bilans de chute ne sont pas réalisés après chaque chute signalée.");
    }

    @Test
    void sectionHeadingsSetTheTypeOfTheFindingsThatFollowAndAreNotFindings() {
        List<Finding> findings = parser.fromText("""
                ÉCARTS CONSTATÉS
                1. L'établissement ne dispose pas d'un projet de soins intégré au projet d'établissement.
                2. Le temps de médecin coordonnateur est inférieur au minimum réglementaire.

                Remarques :
                1. Les résidents ne sont pas associés à l'élaboration des menus.
                """);

        assertThat(findings).extracting(Finding::label, Finding::type).containsExactly(
                tuple("1", FindingType.ECART), tuple("2", FindingType.ECART), tuple("1", FindingType.REMARQUE));
    }

    @Test
    void aNumberedSectionHeadingIsStillAHeading() {
        List<Finding> findings = parser.fromText("""
                I. Écarts à la réglementation
                - Le registre des plaintes et réclamations n'est pas tenu.
                II. Remarques relatives aux bonnes pratiques
                - Les couchers sont organisés dès 18 h 30.
                """);

        assertThat(findings).extracting(Finding::text, Finding::type).containsExactly(
                tuple("Le registre des plaintes et réclamations n'est pas tenu.", FindingType.ECART),
                tuple("Les couchers sont organisés dès 18 h 30.", FindingType.REMARQUE));
    }

    @Test
    void aLabelOutranksTheSectionHeading() {
        List<Finding> findings = parser.fromText("""
                Remarques
                E7 : La déclaration des événements indésirables graves à l'ARS n'est pas faite.
                """);

        assertThat(findings).singleElement().extracting(Finding::type).isEqualTo(FindingType.ECART);
    }

    @Test
    void withoutHeadingOrLabelTheTypeComesOnlyFromUnambiguousWording() {
        List<Finding> findings = parser.fromText("""
                - La contention est pratiquée sans prescription médicale, en méconnaissance de l'article L. 311-3 du CASF.
                - Contrairement aux recommandations de bonnes pratiques de la HAS, le projet personnalisé n'est pas réévalué.
                - Les chambres doubles n'offrent pas de rideau de séparation.
                - Non-conformité de l'installation de la chambre froide, contrairement aux bonnes pratiques.
                """);

        assertThat(findings).extracting(Finding::type)
                .containsExactly(FindingType.ECART, FindingType.REMARQUE, null, null);
    }

    @Test
    void withoutMarkersEachParagraphIsOneFinding() {
        List<Finding> findings = parser.fromText("""
                Le plan de formation ne prévoit aucune formation à la bientraitance
                pour les agents de nuit.

                Les dossiers de liaison d'urgence ne sont pas à jour.
                """);

        assertThat(findings).extracting(Finding::label, Finding::text).containsExactly(
                tuple("", "Le plan de formation ne prévoit aucune formation à la bientraitance pour les agents de nuit."),
                tuple("", "Les dossiers de liaison d'urgence ne sont pas à jour."));
    }

    @Test
    void withoutMarkersOrBlankLinesEachLineIsOneFinding() {
        List<Finding> findings = parser.fromText("""
                Écarts :
                Le plan de formation ne prévoit aucune formation à la bientraitance.
                Les dossiers de liaison d'urgence ne sont pas à jour.

                Remarques :
                La salle à manger est bruyante aux heures des repas.
                """);

        assertThat(findings).extracting(Finding::text, Finding::type).containsExactly(
                tuple("Le plan de formation ne prévoit aucune formation à la bientraitance.", FindingType.ECART),
                tuple("Les dossiers de liaison d'urgence ne sont pas à jour.", FindingType.ECART),
                tuple("La salle à manger est bruyante aux heures des repas.", FindingType.REMARQUE));
    }

    @Test
    void aWordStartingWithEcartIsWordingNotALabel() {
        List<Finding> findings = parser.fromText("""
                Écart de température non tracé dans la chambre froide de la cuisine.
                Écarts importants entre les effectifs affichés et les effectifs présents.
                """);

        assertThat(findings).extracting(Finding::label).containsExactly("", "");
        assertThat(findings.getFirst().text()).startsWith("Écart de température");
    }

    @Test
    void bulletsAnnouncedByAColonBelongToTheNumberedFinding() {
        List<Finding> findings = parser.fromText("""
                E1 : Les documents suivants ne sont pas remis au résident à son admission :
                - le règlement de fonctionnement ;
                - la charte des droits et libertés.
                E2 : Le tableau des effectifs n'est pas transmis.
                """);

        assertThat(findings).extracting(Finding::label, Finding::text).containsExactly(
                tuple("E1", "Les documents suivants ne sont pas remis au résident à son admission :"
                        + " le règlement de fonctionnement ; la charte des droits et libertés."),
                tuple("E2", "Le tableau des effectifs n'est pas transmis."));
    }

    @Test
    void textIsNormalisedTrailingSeparatorsDroppedAndAccentsKept() {
        List<Finding> findings = parser.fromText(
                "  -   Les\u00A0protocoles d’hygiène   ne sont pas affichés ;\r\n-\tLe linge sale   transite par l'office ,\r\n");

        assertThat(findings).extracting(Finding::text).containsExactly(
                "Les protocoles d'hygiène ne sont pas affichés", "Le linge sale transite par l'office");
    }

    @Test
    void aMarkerWithoutTextIsNotAFinding() {
        List<Finding> findings = parser.fromText("""
                E1 :
                E2 : Le projet d'établissement n'a pas été soumis au conseil de la vie sociale.
                """);

        assertThat(findings).singleElement().extracting(Finding::label).isEqualTo("E2");
    }

    @Test
    void aMarkerAloneOnItsLineTakesTheTextOfTheNextLine() {
        List<Finding> findings = parser.fromText("""
                1.
                Les extincteurs n'ont pas été vérifiés depuis 2022.
                """);

        assertThat(findings).singleElement().extracting(Finding::label, Finding::text)
                .containsExactly("1", "Les extincteurs n'ont pas été vérifiés depuis 2022.");
    }

    @Test
    void noFindingIsRefused() {
        assertThatThrownBy(() -> parser.fromText("  \n\n Écarts :\n Remarques :\n"))
                .isInstanceOf(InvalidFindingsException.class)
                .hasMessageStartingWith("aucun constat trouvé");
        assertThatThrownBy(() -> parser.fromText(null)).isInstanceOf(InvalidFindingsException.class);
    }

    @Test
    void moreFindingsThanTheLimitAreRefusedWithBothNumbers() {
        String pasted = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> i + ". Le dossier du résident " + i + " ne contient pas de projet personnalisé.")
                .collect(Collectors.joining("\n"));

        assertThatThrownBy(() -> parser.fromText(pasted))
                .isInstanceOf(InvalidFindingsException.class)
                .hasMessageContaining("51 constats ; limite 50");
    }

    @Test
    void typeNamesAreDetectedWithoutCaseOrAccents() {
        assertThat(FindingType.detect("ÉCART")).contains(FindingType.ECART);
        assertThat(FindingType.detect("Ecart réglementaire")).contains(FindingType.ECART);
        assertThat(FindingType.detect("E3")).contains(FindingType.ECART);
        assertThat(FindingType.detect("remarques")).contains(FindingType.REMARQUE);
        assertThat(FindingType.detect("R")).contains(FindingType.REMARQUE);
        assertThat(FindingType.detect("Écart / remarque")).isEmpty();
        assertThat(FindingType.detect("Recommandation")).isEmpty();
        assertThat(FindingType.detect(null)).isEmpty();
        assertThat(FindingType.ECART.json()).isEqualTo("écart");
        assertThat(FindingType.REMARQUE.json()).isEqualTo("remarque");
    }
}
