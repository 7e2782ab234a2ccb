package fr.capsules.app.ask.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NegationsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Le directeur ne doit pas informer la famille avant l'enquête     | ne doit pas
            La réclamation n'est pas recevable                                | n'est pas
            L'établissement n'a jamais transmis son registre                  | n'a jamais
            Le résident ne reçoit plus de visite                              | ne reçoit plus
            Aucun délai n'est fixé par le règlement                           | Aucun délai
            Le rapport ne mentionne aucune anomalie                           | ne mentionne aucune
            Le plaignant n'a reçu ni accusé de réception ni réponse           | n'a reçu ni
            Nul ne peut consulter le dossier médical sans accord               | Nul ne
            Le registre est tenu sans contrôle du directeur                   | sans contrôle
            Les locaux sont non conformes                                     | non conformes
            Une non-conformité a été relevée                                  | non-conformité
            Il est interdit de fumer dans les chambres                        | interdit
            Les réclamations hors compétence de l'ARS sont réorientées         | hors compétence
            Le médecin ne l'a nullement autorisé                              | ne l'a nullement
            Absence de plan bleu dans l'établissement                         | Absence de
            Défaut de signalement de deux événements                          | Défaut de
            À défaut de confirmation                                          | À défaut de
            Le courrier d'attente est encore absent de 12 % des dossiers      | absent
            Les réclamations anonymes sont écartées                           | écartées
            pas un outil qui fait le travail                                  | pas un
            """)
    void negatedClausesAreReadWithTheirCue(String clause, String cue) {
        assertThat(Negations.of(clause).cue()).isEqualTo(cue);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Le directeur doit informer la famille",
        "Le signalement est transmis sans délai à l'ARS",
        "Plus de deux mois se sont écoulés",
        "La réclamation est traitée plus que jamais en priorité",
        "L'accusé de réception est envoyé avant qu'il ne soit trop tard",
        "N'importe quel agent peut enregistrer la réclamation",
        "D'aucuns pensent que le délai est trop court",
        "Non seulement le directeur, mais aussi le médecin est informé",
        "Il faut vérifier si le registre est conforme ou non",
        "L'établissement ne doit accueillir une personne âgée qu'après évaluation",
        "Non, la mention est retirée après validation",
        "Il ne faut pas écrire moins de huit questions",
        "Il ne faut pas omettre de signaler les faits",
        "Rien ne vous empêche de demander une médiation",
        "Les réclamations anonymes ne sont pas écartées",
        "Les aides-soignantes administrent les médicaments en l'absence d'infirmière",
    })
    void affirmativeClausesHaveNoCue(String clause) {
        assertThat(Negations.of(clause).negated()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Le dossier n'est communiqué qu'au patient",
        "Le dossier n'est pas communiqué, sauf au patient lui-même",
        "Le délai est de deux mois à moins que l'enquête ne l'exige",
        "Tant que la réponse n'est pas validée",
    })
    void restrictionsAndExceptionsAreMixed(String clause) {
        assertThat(Negations.of(clause).mixed()).isTrue();
    }
}
