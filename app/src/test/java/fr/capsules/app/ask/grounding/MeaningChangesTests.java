package fr.capsules.app.ask.grounding;

import static fr.capsules.app.ask.grounding.WarningKinds.cited;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ask.grounding.GroundingWarning.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10, point 5: each kind of meaning change the grounding check must catch, and the paraphrase of the same
 * source it must let through. Sources are sentences of the example capsules' documents.
 */
class MeaningChangesTests {

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
            negation dropped in the second of two coordinated clauses | Le conseil de la vie sociale ne s'est pas réuni en 2022 et sa composition n'a pas été renouvelée depuis 2019. | Le conseil de la vie sociale ne s'est pas réuni en 2022 et sa composition a été renouvelée depuis 2019. | NEGATION_MISMATCH
            negation dropped in a short sentence with a year | Le CVS ne s'est pas réuni en 2022. | Le CVS s'est réuni en 2022. | NEGATION_MISMATCH
            absence de turned affirmative | Écart E3 : absence de plan bleu dans l'établissement depuis 2021. | L'établissement dispose d'un plan bleu depuis 2021. | NEGATION_MISMATCH
            défaut de turned affirmative | Défaut de signalement de deux événements pouvant relever de la maltraitance. | Deux événements pouvant relever de la maltraitance ont été signalés. | NEGATION_MISMATCH
            et non turned around | Les horaires de lever sont fixés par l'organisation et non par le rythme des résidents. | Les horaires de lever sont fixés par le rythme des résidents. | NEGATION_MISMATCH
            a negative verb added | Les réclamations anonymes sont enregistrées par le pôle. | Les réclamations anonymes sont écartées par le pôle. | NEGATION_MISMATCH
            a second denial added to a negated clause | Le non-respect de la charte peut donner lieu à des poursuites disciplinaires. | Le non-respect de la charte ne peut pas donner lieu à des poursuites disciplinaires. | NEGATION_MISMATCH
            an act of a denied list restated as allowed | Ce que le référent ne doit jamais faire : téléverser un document nominatif ; copier des documents internes dans un outil externe. | Le référent peut copier des documents internes dans un outil externe. | NEGATION_MISMATCH
            a prefixed antonym dropped | La gestion des risques de l'établissement est insuffisante. | La gestion des risques de l'établissement est suffisante. | NEGATION_MISMATCH
            restriction added | Le médecin coordonnateur réévalue chaque contention des résidents. | Le médecin coordonnateur ne réévalue que les contentions anciennes des résidents. | QUALIFIER_MISMATCH
            seul added | Le médecin coordonnateur réévalue chaque contention des résidents. | Seul le médecin coordonnateur réévalue les contentions des résidents. | QUALIFIER_MISMATCH
            au moins added to a bare count | Douze dossiers de résidents ont été examinés par la mission. | Au moins douze dossiers de résidents ont été examinés par la mission. | QUALIFIER_MISMATCH
            au moins added to a bare deadline | Enregistrement dans l'ORSR : 2 jours ouvrés. | L'enregistrement dans l'ORSR se fait en deux jours ouvrés au moins. | QUALIFIER_MISMATCH
            sous turned into au moins | Adresser l'accusé de réception au réclamant sous 8 jours ouvrés. | Adresser l'accusé de réception au réclamant au moins 8 jours ouvrés après la réception. | QUALIFIER_MISMATCH
            rhythm in words changed | Réaliser un audit de traçabilité trimestriel des dossiers de soins. | Réaliser un audit de traçabilité annuel des dossiers de soins. | QUALIFIER_MISMATCH
            day in words changed | Le contrôle de l'établissement est annoncé une semaine à l'avance. | Le contrôle de l'établissement est annoncé la veille. | QUALIFIER_MISMATCH
            le jour même turned into le lendemain | L'information du conseil départemental avait été faite le jour même. | L'information du conseil départemental avait été faite le lendemain. | QUALIFIER_MISMATCH
            avant turned into après | Généraliser le courrier d'attente avant l'échéance de deux mois. | Généraliser le courrier d'attente après l'échéance de deux mois. | QUALIFIER_MISMATCH
            facultatif for obligatoire | La revue annuelle des capsules est obligatoire pour le référent. | La revue annuelle des capsules est facultative pour le référent. | NEGATION_MISMATCH
            a fraction in words changed | Le contrôle qualité porte sur 50 % des dossiers clos. | Le contrôle qualité porte sur un dixième des dossiers clos. | UNSUPPORTED
            jours ouvrés turned into calendaires |  Adresser l'accusé de réception au réclamant sous 8 jours ouvrés. | Adresser l'accusé de réception au réclamant sous 8 jours calendaires. | QUALIFIER_MISMATCH
            """)
    void aMeaningChangeIsWarned(String change, String source, String answer, Kind kind) {
        assertThat(cited(source, answer)).as(change).contains(kind);
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
            absence de for il n'existe pas | Écart E3 : absence de plan bleu dans l'établissement depuis 2021. | Il n'existe pas de plan bleu dans l'établissement depuis 2021.
            absence de beside an affirmative clause | E3 Stupéfiants détenus dans un tiroir ; absence de registre des entrées et sorties : tenir un registre des entrées et sorties. | Il n'existe pas de registre des entrées et sorties des stupéfiants.
            défaut de for ne … pas | Défaut de signalement de deux événements pouvant relever de la maltraitance. | Deux événements pouvant relever de la maltraitance n'ont pas été signalés.
            et non for ne … pas … mais | Les levers sont organisés selon le planning des équipes et non selon le rythme des résidents. | Les levers ne suivent pas le rythme des résidents mais le planning des équipes.
            pas without ne in a contrast | Le principe directeur est simple : l'IA est un outil qui aide, pas un outil qui fait le travail à la place de l'agent. | L'IA aide l'agent mais ne fait pas le travail à sa place.
            ne pas écarter for enregistrer | Les réclamations anonymes sont enregistrées. | Les réclamations anonymes ne sont pas écartées de l'enregistrement.
            ne pas omettre for signaler | Signaler au procureur de la République les faits susceptibles de constituer un délit. | Il ne faut pas omettre de signaler au procureur de la République les faits susceptibles de constituer un délit.
            rien ne empêche for pouvoir | Vous pouvez également demander à rencontrer un médiateur. | Rien ne vous empêche de demander à rencontrer un médiateur.
            pas moins de for au moins | Écrire au moins 8 questions de référence pour chaque capsule. | Il ne faut pas écrire moins de 8 questions de référence pour chaque capsule.
            tant que … ne … pas for jusqu'à ce que | Tout ce que produit un outil d'IA porte la mention « Généré par IA » jusqu'à ce qu'un agent nommé l'ait relu et validé. | Tant qu'un agent nommé ne l'a pas relu et validé, tout ce que produit un outil d'IA porte la mention « Généré par IA ».
            an opening Non of a FAQ answer | Non, une fois le projet validé la mention visible est retirée ; l'usage de l'IA reste tracé dans le dossier. | Après validation du projet, la mention visible est retirée, mais l'usage de l'IA reste tracé dans le dossier.
            a prefixed antonym for ne … pas | La gestion des risques de l'établissement est insuffisante. | La gestion des risques de l'établissement n'est pas suffisante.
            une seule for unique | Une réponse unique est adressée au réclamant. | Le réclamant reçoit une seule réponse.
            au plus on a bare deadline | Enregistrement dans l'ORSR : 2 jours ouvrés, y compris pour les réclamations reçues en délégation. | L'enregistrement dans l'ORSR se fait en deux jours ouvrés au plus.
            rhythm in other words | Le comité de retour d'expérience se réunit tous les six mois. | Le comité de retour d'expérience se réunit deux fois par an.
            delay ahead in other words | Le contrôle de l'établissement est annoncé une semaine à l'avance. | Le contrôle de l'établissement est annoncé sept jours à l'avance.
            jamais avant for seulement après | La mention est retirée seulement après validation par l'agent. | La mention n'est jamais retirée avant validation par l'agent.
            pour cent in words | Le contrôle qualité porte sur 15 % des dossiers clos. | Le contrôle qualité porte sur quinze pour cent des dossiers clos.
            a digit for the article | La mission comptait deux inspecteurs et une infirmière de santé publique. | La mission comptait 2 inspecteurs et 1 infirmière de santé publique.
            réservé à for dédié à | Mettre en place un relevé des températures du réfrigérateur dédié aux médicaments. | Mettre en place un relevé des températures du réfrigérateur réservé aux médicaments.
            pas facultatif for obligatoire | La revue annuelle des capsules est obligatoire pour le référent. | La revue annuelle des capsules n'est pas facultative pour le référent.
            proscrit for interdit | Leur usage est interdit pour tout contenu interne. | Leur usage est proscrit pour tout contenu interne.
            a fraction in words | Le contrôle qualité porte sur 10 % des dossiers clos. | Le contrôle qualité porte sur un dixième des dossiers clos.
            uniquement for seuls | Elle répond à partir des seuls documents du pôle et cite ses sources. | Elle s'appuie uniquement sur les documents du pôle et indique ses sources.
            """)
    void aParaphraseIsNotWarned(String paraphrase, String source, String answer) {
        assertThat(cited(source, answer)).as(paraphrase).isEmpty();
    }
}
