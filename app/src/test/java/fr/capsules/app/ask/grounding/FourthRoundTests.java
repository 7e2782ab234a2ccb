package fr.capsules.app.ask.grounding;

import static fr.capsules.app.ask.grounding.WarningKinds.cited;
import static fr.capsules.app.ask.grounding.WarningKinds.unmarked;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ask.grounding.GroundingWarning.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10.5, fourth round: the general rules added for the causes held-out 3 showed (docs/GROUNDING.md, "Fourth
 * round"). Each rule has a meaning change it must catch and a paraphrase it must let through; the sentences are
 * written for these tests in the style of the example capsules' documents, not taken from the benchmark's sets.
 */
class FourthRoundTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ne … que with the que far from ne | Le contrôle a relevé des écarts dans la pharmacie, la cuisine et la lingerie. | Le contrôle n'a relevé d'écarts importants que dans la pharmacie. | QUALIFIER_MISMATCH
            a first-person sentence that restates the passage | Je vous adresserai une réponse écrite dans le délai de deux mois. | Je ne vous adresserai pas de réponse écrite dans le délai de deux mois. | NEGATION_MISMATCH
            an abstention-worded sentence that restates the passage | Une réponse unique est adressée au plaignant par la délégation. | Aucune réponse n'est adressée au plaignant par la délégation. | NEGATION_MISMATCH
            a sentence of two content terms | Le bilan est transmis par courriel lorsque le plaignant a écrit en ligne. | Il n'est jamais transmis par courriel. | NEGATION_MISMATCH
            negation added where the source's non bears on an adjective | Le foyer est géré par une association à but non lucratif. | Le foyer n'est pas géré par une association. | NEGATION_MISMATCH
            negation added where the source's one denial bears on another act | Les outils peuvent inventer une source, omettre une réserve, sortir une phrase de son contexte ou divulguer des données nominatives. | Les outils ne divulguent jamais de données nominatives. | NEGATION_MISMATCH
            sans added to a sentence whose non bears on another word | Une plainte pour non-transmission du dossier est adressée au directeur avec rappel des délais. | Une plainte pour non-transmission du dossier est adressée au directeur sans rappel des délais. | NEGATION_MISMATCH
            sans que opens a clause of its own | Les mesures feront l'objet d'un suivi ; le foyer transmettra à la délégation les justificatifs demandés. | Les mesures feront l'objet d'un suivi, sans que le foyer ait à transmettre de justificatifs. | NEGATION_MISMATCH
            negation added to one act of an instruction list | Limiter les visites de nuit aux cas ne présentant pas de risque particulier et formaliser un protocole validé par le cadre de santé. | Formaliser un protocole sans validation du cadre de santé. | NEGATION_MISMATCH
            an exception the source does not make | Transmettre au procureur les faits susceptibles de constituer un délit. | Transmettre au procureur les faits susceptibles de constituer un délit, sauf en foyer. | QUALIFIER_MISMATCH
            a figure after au moins for plusieurs | Plusieurs plaintes concordantes justifient une inspection inopinée. | Au moins quatre plaintes concordantes justifient une inspection inopinée. | UNSUPPORTED
            an article counting what the source counts | Signalement tardif de trois incidents graves survenus la nuit. | Signalement tardif d'un incident grave survenu la nuit. | UNSUPPORTED
            counts swapped across et | La mission comptait deux infirmières de l'ARS et un médecin inspecteur. | La mission comptait une infirmière de l'ARS et deux médecins inspecteurs. | UNSUPPORTED
            a rank in words | Une plainte répétée justifie un classement en niveau 2 ou 3. | Une plainte répétée justifie un classement en niveau un. | UNSUPPORTED
            figures swapped across parallel phrases | Les plaintes portent sur l'hygiène (31 %), les repas (12 %) et le linge (7 %). | Les plaintes portent sur les repas (7 %) et le linge (12 %). | UNSUPPORTED
            one item of a list after a colon denied | Le protocole s'applique à tout le personnel de nuit : infirmières, aides-soignantes, agents hôteliers et remplaçants. | Aucun remplaçant n'est concerné par le protocole. | NEGATION_MISMATCH
            éviter … sans turned into éviter … avec | Éviter les dossiers partagés sans mot de passe. | Éviter les dossiers partagés avec un mot de passe. | NEGATION_MISMATCH
            a third denial added to éviter … sans | Éviter les dossiers partagés sans mot de passe. | Il n'est pas utile d'éviter les dossiers partagés sans mot de passe. | NEGATION_MISMATCH
            ne pas supprimer for supprimer toute | Supprimer toute contention non prescrite et informer la famille. | Ne pas supprimer la contention non prescrite et informer la famille. | NEGATION_MISMATCH
            a negation dropped from an item of a negated list | Ce que l'agent ne doit jamais faire : envoyer un courrier contenant des données non anonymisées ; signer un courrier sans avoir relu ses pièces jointes. | L'agent ne doit jamais envoyer un courrier contenant des données anonymisées. | NEGATION_MISMATCH
            sans made après in an item of a negated list | Ce que l'agent ne doit jamais faire : envoyer un courrier contenant des données non anonymisées ; signer un courrier sans avoir relu ses pièces jointes. | L'agent ne doit jamais signer un courrier après avoir relu ses pièces jointes. | NEGATION_MISMATCH
            a rhythm the source does not state | Ces mesures feront l'objet d'un suivi par la délégation. | Ces mesures feront l'objet d'un suivi mensuel par la délégation. | QUALIFIER_MISMATCH
            not always made never | Information non systématique du médecin traitant après une hospitalisation. | Le médecin traitant n'est jamais informé après une hospitalisation. | QUALIFIER_MISMATCH
            never made not always | Le registre n'est jamais transmis aux familles des résidents. | Le registre n'est pas toujours transmis aux familles des résidents. | QUALIFIER_MISMATCH
            negation dropped where the subject sits in a clause of its own | Ce logiciel est une aide : il ne dispense pas le cadre de la relecture du planning, car il ne repère pas tout. | Ce logiciel dispense le cadre de la relecture du planning. | NEGATION_MISMATCH
            avant turned into après beside an adjective of negation | Envoyer le courrier d'attente avant l'échéance de deux mois, encore absent dans un dossier sur dix. | Envoyer le courrier d'attente après l'échéance de deux mois. | QUALIFIER_MISMATCH
            """)
    void aChangeIsWarned(String change, String source, String answer, Kind expected) {
        assertThat(cited(source, answer)).as(change).contains(expected);
        assertThat(unmarked(source, answer)).as(change + ", no marker").contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an abstention is still set aside | Le foyer compte 42 places d'hébergement permanent. | Les documents ne précisent pas le délai de réponse au plaignant.
            a two-term sentence restating the passage | Le bilan est transmis par courriel lorsque le plaignant a écrit en ligne. | Il est transmis par courriel.
            a shortening that drops a non adjective | Le foyer est géré par une association à but non lucratif. | Une association gère le foyer.
            non-X restated with ne … pas on the same stem | Une plainte pour non-transmission du dossier est adressée au directeur. | Lorsque le dossier n'a pas été transmis, la plainte est adressée au directeur.
            sans restated as en l'absence de | Cinq résidents sont sous contention sans prescription médicale ; aucune réévaluation n'est tracée. | Cinq résidents sont sous contention en l'absence de prescription médicale ; les réévaluations ne sont pas tracées.
            absence de restated as faute de | Toutefois, la gestion des risques est insuffisante : absence de plan canicule et défaut de déclaration des incidents graves. | Toutefois, la gestion des risques est insuffisante, faute de plan canicule et de déclaration des incidents graves.
            a parenthesis of examples dropped | Le niveau 1 correspond à un désagrément ponctuel (défaut de courtoisie, absence de rappel). | Le niveau 1 correspond à un désagrément ponctuel.
            one act of an instruction list | Limiter les visites de nuit aux cas ne présentant pas de risque particulier et formaliser un protocole validé par le cadre de santé. | Formaliser un protocole validé par le cadre de santé.
            a rule in two branches restated as a rule and its exception | Il est remis en main propre lorsque le résident est présent, et par courrier dans les autres cas. | Il est envoyé par courrier, sauf lorsque le résident est présent.
            éviter … dépourvus de for éviter … sans | Éviter les dossiers partagés sans mot de passe. | Il convient d'éviter les dossiers partagés dépourvus de mot de passe.
            plus aucune for supprimer toute | Supprimer toute retranscription manuelle des prescriptions. | Plus aucune retranscription manuelle des prescriptions ne doit subsister.
            fait encore défaut for encore absent | Généraliser le courrier d'attente, encore absent dans 12 % des dossiers. | Généraliser le courrier d'attente ; il fait encore défaut dans 12 % des dossiers.
            il manque for absent | Généraliser le courrier d'attente, encore absent dans 12 % des dossiers. | Généraliser le courrier d'attente : il manque encore dans 12 % des dossiers.
            aucune … n'échappe for s'applique à toute | La charte s'applique à toute personne travaillant pour l'agence, au siège et dans les délégations. | Aucune personne travaillant pour l'agence, au siège ou en délégation, n'échappe à la charte.
            après kept under a negation | Information non systématique du médecin traitant après une hospitalisation. | Après une hospitalisation, le médecin traitant n'est pas informé de manière systématique.
            si … ne … pas for à défaut de | Le courrier est remis au directeur pour signature ; à défaut de signature, il est renvoyé au service. | Si le directeur ne signe pas le courrier, il est renvoyé au service.
            pas systématiquement for non systématique | Information non systématique du médecin traitant après une hospitalisation. | Le médecin traitant n'est pas systématiquement informé après une hospitalisation.
            parallel figures kept with their labels | Les plaintes portent sur l'hygiène (31 %), les repas (12 %) et le linge (7 %). | Les plaintes portent sur le linge (7 %) et les repas (12 %).
            one item of a list after a colon | Le protocole s'applique à tout le personnel de nuit : infirmières, aides-soignantes, agents hôteliers et remplaçants. | Le protocole concerne aussi les remplaçants.
            il faut before an instruction list | Supprimer toute contention non prescrite et informer la famille du résident. | Il faut supprimer toute contention non prescrite et informer la famille du résident.
            an et clause whose verb is reflexive | L'établissement ne dispose pas de plan canicule ; la procédure se limite à une affiche et la salle rafraîchie n'est pas équipée. | L'établissement n'a aucun plan canicule ; la procédure se limite à une affiche.
            an item of a negated list restated with both denials | Ce que l'agent ne doit jamais faire : envoyer un courrier contenant des données non anonymisées ; signer un courrier sans avoir relu ses pièces jointes. | L'agent ne doit jamais signer un courrier sans avoir relu ses pièces jointes.
            the other branch of a rule in two branches | Le bilan est envoyé par courriel lorsque la famille a donné son adresse, et par courrier dans les autres cas. | Le bilan est envoyé par courrier lorsque la famille n'a pas donné son adresse.
            a verb for its participle | Plusieurs plaintes concordantes justifient à elles seules une inspection. | Plusieurs plaintes concordantes suffisent à justifier une inspection.
            """)
    void aParaphraseIsNotWarned(String paraphrase, String source, String answer) {
        assertThat(cited(source, answer)).as(paraphrase).isEmpty();
        assertThat(unmarked(source, answer)).as(paraphrase + ", no marker").isEmpty();
    }

    @Test
    void negationFormsReadAsOneCanonicalPolarity() {
        assertThat(Negations.of("Supprimer toute contention non prescrite").negated()).isTrue();
        assertThat(Negations.of("il fait encore défaut dans 12 % des dossiers").negated()).isTrue();
        assertThat(Negations.of("il manque dans 12 % des dossiers").negated()).isTrue();
        assertThat(Negations.of("Aucune personne travaillant pour l'agence n'échappe à la charte").negated()).isFalse();
        assertThat(Negations.of("Le niveau 1 correspond à un désagrément (défaut de courtoisie)").negated()).isFalse();
        assertThat(Negations.of("Le contrôle n'a relevé d'écarts importants que dans la pharmacie").mixed()).isTrue();
        assertThat(Negations.of("Le foyer est géré par une association à but non lucratif").scope()).isEqualTo("but non lucratif");
        assertThat(Negations.denials("Éviter les dossiers partagés sans mot de passe")).hasSize(2);
        assertThat(Negations.denials("Il n'est pas utile d'éviter les dossiers partagés sans mot de passe")).hasSize(3);
    }

    @Test
    void instructionListsAreCutIntoActs() {
        assertThat(Clauses.of("Limiter les visites aux horaires prévus et formaliser un protocole validé par le médecin."))
                .containsExactly("Limiter les visites aux horaires prévus", "formaliser un protocole validé par le médecin.");
        assertThat(Clauses.of("Mettre fin à toute contention non prescrite, faire prescrire et réévaluer chaque contention."))
                .containsExactly("Mettre fin à toute contention non prescrite", "faire prescrire et réévaluer chaque contention.");
        assertThat(Clauses.of("Respecter la liberté d'aller et venir des résidents.")).hasSize(1);
        assertThat(Clauses.of("Le dossier est clos, sans que le directeur ait à signer le courrier."))
                .containsExactly("Le dossier est clos", "sans que le directeur ait à signer le courrier.");
    }

    @Test
    void figuresReadInNewPlaces() {
        assertThat(Figures.inAnswer("au moins quatre plaintes").keySet()).contains("4");
        assertThat(Figures.inAnswer("un classement en niveau un").keySet()).contains("1");
        assertThat(Figures.countedWithArticles("deux infirmières et un médecin").values()).containsExactly(
                java.util.Set.of("2"), java.util.Set.of("1"));
    }

    @Test
    void aRestrictionMayHoldItsObjectBetweenLimiterAndA() {
        assertThat(Qualifiers.of("Limiter l'aide à la prise par les aides-soignantes aux médicaments simples").restriction()).isTrue();
    }
}
