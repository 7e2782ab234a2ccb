package fr.capsules.app.ask.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ask.grounding.GroundingWarning.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10, point 5: each kind of meaning change the grounding check must catch, and the paraphrase of the same
 * source it must let through. Sources are sentences of the example capsules' documents.
 */
class MeaningChangesTests {

    private final GroundingCheck check = new GroundingCheck();

    private List<Kind> kinds(String source, String answer) {
        return check.check(answer + " [1]", Map.of(1, source)).stream().map(GroundingWarning::kind).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            literary negation dropped (the agency's case) | Lorsque la réponse au fond ne peut être apportée dans le délai de deux mois, notamment parce qu'une inspection a été décidée, le chargé de réclamations adresse au réclamant un courrier d'attente. | Lorsque la réponse au fond peut être apportée dans le délai de deux mois, le chargé de réclamations adresse au réclamant un courrier d'attente. | NEGATION_MISMATCH
            negation dropped in clauses merged by 'et' | Le registre des réclamations est tenu, mais les réponses apportées ne sont pas tracées. | Le registre des réclamations est tenu et les réponses apportées sont tracées. | NEGATION_MISMATCH
            one of two negations dropped | Un scan sans texte n'est pas exploitable : demander une version numérique. | Un scan sans texte reste exploitable. | NEGATION_MISMATCH
            negation added | Les extractions de l'ORSR utilisées pour les bilans sont anonymisées. | Les extractions de l'ORSR utilisées pour les bilans ne sont pas anonymisées. | NEGATION_MISMATCH
            aucun turned affirmative | Remarque R2 : le personnel n'a bénéficié d'aucune formation sur le circuit du médicament depuis trois ans. | Le personnel a bénéficié d'une formation sur le circuit du médicament depuis trois ans. | NEGATION_MISMATCH
            jamais dropped | La réponse ne fait jamais état d'une procédure disciplinaire ou pénale concernant une personne. | La réponse fait état de la procédure disciplinaire ou pénale concernant une personne. | NEGATION_MISMATCH
            sans turned into avec | La mission s'est présentée sans préavis le 9 juin 2022 afin d'observer l'organisation de nuit. | La mission s'est présentée avec préavis le 9 juin 2022 afin d'observer l'organisation de nuit. | NEGATION_MISMATCH
            a claim about a document is not an abstention | Le référent IA vérifie que le document est nécessaire à la capsule. | Le référent IA ne vérifie pas que le document est nécessaire à la capsule. | NEGATION_MISMATCH
            au moins turned into au plus | Organiser l'élection des membres du CVS et le réunir au moins trois fois par an. | Organiser l'élection des membres du CVS et le réunir au plus trois fois par an. | QUALIFIER_MISMATCH
            au plus tard turned into au plus tôt | La communication intervient au plus tard dans les huit jours suivant la demande et au plus tôt après un délai de réflexion de quarante-huit heures. | La communication du dossier intervient au plus tôt dans les huit jours suivant la demande. | QUALIFIER_MISMATCH
            ne … que turned into a negation | Cette mention ne peut être retirée que par l'agent qui valide, au moment de la validation. | Cette mention ne peut pas être retirée par l'agent qui valide. | QUALIFIER_MISMATCH
            ne … que dropped | Remarque R2 : les projets personnalisés ne sont établis que pour 40 % des résidents. | Les projets personnalisés sont établis pour 40 % des résidents. | QUALIFIER_MISMATCH
            sauf turned into même si | Le réclamant est orienté vers le conseil départemental de l'ordre compétent, sauf si les faits révèlent un danger pour les patients. | Le réclamant est orienté vers le conseil départemental de l'ordre compétent, même si les faits révèlent un danger pour les patients. | QUALIFIER_MISMATCH
            y compris turned into sauf | Toute réclamation de niveau 3 est traitée le jour de sa réception, y compris lorsque l'agent qui la reçoit n'est pas le chargé de réclamations habituel. | Toute réclamation de niveau 3 est traitée le jour de sa réception, sauf lorsque l'agent qui la reçoit n'est pas le chargé de réclamations habituel. | QUALIFIER_MISMATCH
            number changed | Les EHPAD représentent 41 % des réclamations reçues par l'agence en 2023. | Les EHPAD représentent 14 % des réclamations reçues par l'agence en 2023. | UNSUPPORTED
            deadline changed, in words | Une réponse vous sera adressée dans un délai indicatif de deux mois. | Une réponse vous sera adressée dans un délai indicatif d'un mois. | UNSUPPORTED
            unit of a deadline changed | L'accusé de réception est adressé dans un délai de huit jours ouvrés à compter de la réception. | L'accusé de réception est adressé dans un délai de huit mois à compter de la réception. | UNSUPPORTED
            sans with an infinitive turned into a gerund, double negation | Demander ses explications à l'établissement, sans citer le réclamant sans son accord. | Demander ses explications à l'établissement en citant le réclamant. | QUALIFIER_MISMATCH
            sans N dropped | R2 Registre des réclamations tenu sans traçabilité des réponses. | Le registre des réclamations est tenu avec traçabilité des réponses. | NEGATION_MISMATCH
            count in words changed, no unit | Les inspecteurs ont examiné douze dossiers de résidents tirés au sort. | Les inspecteurs ont examiné vingt dossiers de résidents tirés au sort. | UNSUPPORTED
            two figures swapped around contre | Le délai moyen de réponse est passé à 47 jours en 2023, contre 58 jours en 2022. | Le délai moyen de réponse est passé à 58 jours en 2023, contre 47 jours en 2022. | UNSUPPORTED
            two figures swapped around sur | Les contrats de séjour ne sont pas signés dans 9 cas sur 15. | Les contrats de séjour ne sont pas signés dans 15 cas sur 9. | UNSUPPORTED
            compound number in words changed | Cinquante réclamations ont été classées en niveau 3 ; trente-deux concernaient des EHPAD. | Cinquante réclamations ont été classées en niveau 3 ; vingt-deux concernaient des EHPAD. | UNSUPPORTED
            """)
    void aMeaningChangeIsWarned(String change, String source, String answer, Kind kind) {
        assertThat(kinds(source, answer)).as(change).contains(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            literary negation restated with ne … pas | Lorsque la réponse au fond ne peut être apportée dans le délai de deux mois, le chargé de réclamations adresse au réclamant un courrier d'attente. | Si la réponse au fond ne peut pas être apportée dans les deux mois, le chargé de réclamations adresse au réclamant un courrier d'attente.
            ne … pas avant for au plus tôt | La communication intervient au plus tôt après un délai de réflexion de quarante-huit heures. | La communication ne peut pas intervenir avant un délai de réflexion de quarante-huit heures.
            au moins for au minimum, after the figure | Organiser l'élection des membres du CVS et le réunir au moins trois fois par an. | Le CVS doit être réuni trois fois par an au minimum.
            ne … que for uniquement | Rappel : l'identité du réclamant n'est communiquée qu'avec son accord. | L'identité du réclamant est communiquée uniquement avec son accord.
            ne … que for jamais … sans | Rappel : l'identité du réclamant n'est communiquée qu'avec son accord. | L'identité du réclamant n'est jamais communiquée sans son accord.
            exclusivement for aucun autre … que | L'outil interne Capsules est le seul outil d'IA générative autorisé pour travailler sur des documents internes. | Aucun autre outil d'IA générative que l'outil interne Capsules n'est autorisé pour travailler sur des documents internes.
            sauf for à moins que | Le réclamant est orienté vers le conseil départemental de l'ordre compétent, sauf si les faits révèlent un danger pour les patients. | Le réclamant est orienté vers le conseil départemental de l'ordre compétent, à moins que les faits révèlent un danger pour les patients.
            jamais for en aucun cas | Ne collez jamais le courrier du réclamant dans un outil externe. | Ne collez en aucun cas le courrier du réclamant dans un outil externe.
            deadline in figures | L'accusé de réception est adressé dans un délai de huit jours ouvrés à compter de la réception. | L'accusé de réception est adressé sous 8 jours ouvrés à compter de la réception.
            il faut for doit | Au-delà de 4 mois, le motif du dépassement doit être tracé dans l'ORSR. | Au-delà de quatre mois, il faut tracer le motif du dépassement dans l'ORSR.
            a count in figures for words | Les inspecteurs ont examiné douze dossiers de résidents tirés au sort. | Les inspecteurs ont examiné 12 dossiers de résidents.
            a count restated from 'sur' | Les directives anticipées ne figurent que dans 6 dossiers sur 20. | Sur 20 dossiers, 6 seulement comportent les directives anticipées.
            two figures compared in the same order | Le délai moyen de réponse est passé à 47 jours en 2023, contre 58 jours en 2022. | En 2023, le délai moyen de réponse était de 47 jours, contre 58 jours en 2022.
            seuls meaning alone is no restriction | La nuit, deux agents assurent seuls la surveillance des résidents ; aucun infirmier n'est joignable par astreinte. | La nuit, aucun infirmier n'est joignable par astreinte.
            sans with an infinitive kept | Demander ses explications à l'établissement, sans citer le réclamant. | Il faut demander ses explications à l'établissement sans citer le réclamant.
            sans N for ne … pas and a participle of the same stem | R2 Registre des réclamations tenu sans traçabilité des réponses. | Le registre des réclamations est tenu, mais les réponses n'y sont pas tracées.
            un seul for une fois | Une réclamation reçue en plusieurs exemplaires fait l'objet d'un seul enregistrement. | Une réclamation reçue en plusieurs exemplaires n'est enregistrée qu'une fois.
            """)
    void aParaphraseIsNotWarned(String paraphrase, String source, String answer) {
        assertThat(kinds(source, answer)).as(paraphrase).isEmpty();
    }
}
