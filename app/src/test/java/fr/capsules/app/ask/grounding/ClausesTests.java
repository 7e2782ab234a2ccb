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
}
