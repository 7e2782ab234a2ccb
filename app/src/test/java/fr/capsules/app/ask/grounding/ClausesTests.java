package fr.capsules.app.ask.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClausesTests {

    @Test
    void anOpeningConditionIsAClauseOfItsOwn() {
        assertThat(Clauses.of("Si le résident ne peut pas se déplacer, l'inspecteur se rend dans sa chambre."))
                .containsExactly("Si le résident ne peut pas se déplacer", "l'inspecteur se rend dans sa chambre.");
    }

    @Test
    void anOpeningTimePhraseIsNot() {
        assertThat(Clauses.of("Après validation du projet, la mention visible est retirée."))
                .containsExactly("Après validation du projet, la mention visible est retirée.");
    }

    @Test
    void semicolonsAndColonsSplit() {
        assertThat(Clauses.of("Le CVS ne s'est pas réuni : sa composition est ancienne ; elle sera renouvelée."))
                .hasSize(3);
    }

    @Test
    void clausesJoinedByEtWithTheirOwnSubjectAndVerbSplit() {
        assertThat(Clauses.of("Le CVS ne s'est pas réuni en 2022 et sa composition a été renouvelée."))
                .containsExactly("Le CVS ne s'est pas réuni en 2022", "sa composition a été renouvelée.");
    }

    @Test
    void objectsJoinedByEtDoNot() {
        assertThat(Clauses.of("Le directeur ne transmet pas le registre et le planning.")).hasSize(1);
    }

    @Test
    void aContrastIsAClauseOfItsOwn() {
        assertThat(Clauses.of("Les levers suivent le planning et non le rythme des résidents."))
                .containsExactly("Les levers suivent le planning", "et non le rythme des résidents.");
        assertThat(Clauses.of("L'IA est un outil qui aide, pas un outil qui fait le travail."))
                .containsExactly("L'IA est un outil qui aide", "pas un outil qui fait le travail.");
    }

    @Test
    void anOpeningTantQueIsAConditionOfItsOwn() {
        assertThat(Clauses.of("Tant que la réponse n'est pas validée, la mention reste affichée."))
                .containsExactly("Tant que la réponse n'est pas validée", "la mention reste affichée.");
    }
}
