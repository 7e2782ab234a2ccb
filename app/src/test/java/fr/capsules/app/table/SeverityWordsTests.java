package fr.capsules.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.capsule.CapsuleDefinition.SeverityRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A capsule's severity rules read against a finding's own words, as the fallback without a model reads them. */
class SeverityWordsTests {

    private static final List<SeverityRule> RULES = List.of(
            new SeverityRule(List.of("danger", "sans délai"), "injonction", "Immédiat"),
            new SeverityRule(List.of("maltrait", "grave"), "injonction", "15 jours"),
            new SeverityRule(List.of("non actualisé"), "prescription", null),
            new SeverityRule(List.of("formation"), null, "12 mois"));
    private static final List<String> ECART = List.of("prescription", "injonction");

    @Test
    void aWordOpeningAWordOfTheFindingMatchesWhateverItsCaseAndAccents() {
        assertThat(SeverityWords.first("Résidents exposés à un DANGER immédiat (portes non sécurisées).", RULES, ECART))
                .map(SeverityRule::deadline).hasValue("Immédiat");
        assertThat(SeverityWords.first("Défaut de signalement d'actes pouvant relever de la maltraitance.", RULES, ECART))
                .map(SeverityRule::deadline).hasValue("15 jours");
        assertThat(SeverityWords.first("Événement indésirable GRAVE non déclaré.", RULES, ECART))
                .map(SeverityRule::deadline).hasValue("15 jours");
        assertThat(SeverityWords.first("Projet d'établissement non actualise depuis 2014.", RULES, ECART))
                .map(SeverityRule::nature).hasValue("prescription");
    }

    @Test
    void aWordInsideAnotherWordDoesNotMatch() {
        // "grave" inside "aggravé", "danger" inside nothing else: only the start of a word counts.
        assertThat(SeverityWords.first("Situation aggravée par l'absence de cadre de santé.", RULES, ECART)).isEmpty();
    }

    @Test
    void theFirstMatchingRuleWins() {
        assertThat(SeverityWords.first("Danger grave et imminent pour les résidents.", RULES, ECART))
                .map(SeverityRule::deadline).hasValue("Immédiat");
    }

    @Test
    void aRuleWhoseNatureTheCapsulesRuleForbidsIsSkipped() {
        // A remarque can only be a recommandation: a severity word does not make it an injonction, but a rule without
        // a nature still applies.
        List<String> remarque = List.of("recommandation");
        assertThat(SeverityWords.first("Absence de formation à la prévention de la maltraitance.", RULES, remarque))
                .map(SeverityRule::deadline).hasValue("12 mois");
        assertThat(SeverityWords.first("Risque grave signalé par les familles.", RULES, remarque)).isEmpty();
    }
}
