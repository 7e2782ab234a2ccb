import java.util.List;

/** Binary documents of the "reclamations" capsule (PDF and DOCX). All content is invented. */
final class Reclamations {
    private Reclamations() {}

    private static final String HEADER = "ARS — Direction de la qualité, de la performance et des usagers — Pôle réclamations";

    static List<Doc> docs() {
        return List.of(procedure(), circuit(), maltraitance(), noteDeService(), bilan2023(), references(), modeles());
    }

    static Doc procedure() {
        Doc d = new Doc("documents/procedure/procedure-traitement-reclamations.pdf",
                "Procédure de traitement des réclamations des usagers")
                .subtitle("Référence PR-REC-01 — version 3 du 15 janvier 2024 — remplace la version 2 du 6 septembre 2021")
                .header(HEADER)
                .meta("Procédure de traitement des réclamations (PR-REC-01 v3)", "Pôle réclamations", Doc.date(2024, 1, 15))
                .subject("Procédure interne")
                .hyphenate();
        d.h1("1. Objet et champ d'application");
        d.p("""
            La présente procédure décrit les étapes de traitement des réclamations adressées à l'agence par les
            usagers du système de santé, leurs proches ou leurs représentants, depuis leur réception jusqu'à leur
            clôture. Elle s'applique au siège et aux six délégations départementales (Nord, Sud, Est, Ouest, Centre
            et Nord-Ouest). Elle ne couvre pas les signalements d'événements indésirables graves déclarés par les
            établissements, qui relèvent de la procédure de veille sanitaire, ni les demandes d'accès aux documents
            administratifs.""");
        d.p("""
            Est considérée comme une réclamation toute expression écrite d'insatisfaction relative à la prise en
            charge ou à l'accompagnement d'une personne par un établissement, un service ou un professionnel placé
            sous la compétence de l'agence. Une réclamation orale (appel téléphonique, visite) est consignée par
            l'agent qui la reçoit sur la fiche de recueil et invite l'usager à la confirmer par écrit ; à défaut de
            confirmation, elle est enregistrée avec la mention « réclamation orale ».""");
        d.h1("2. Réception et enregistrement");
        d.p("""
            Les réclamations parviennent par courrier, par courriel sur la boîte fonctionnelle du pôle, par le
            formulaire en ligne ou par transmission d'une autre administration. Toute réclamation est enregistrée
            dans l'outil régional de suivi des réclamations (ORSR) dans un délai de deux jours ouvrés suivant sa
            réception, quelle que soit la structure de l'agence qui la reçoit. L'enregistrement comporte : la date
            de réception, le canal, l'identité du réclamant, la structure mise en cause, le thème, le niveau de
            gravité et le service instructeur.""");
        d.p("""
            Les réclamations anonymes sont enregistrées. Elles sont instruites lorsque les faits décrits sont
            suffisamment précis ; elles ne donnent évidemment lieu à aucune réponse. Une réclamation reçue en
            plusieurs exemplaires (copie au préfet, au conseil départemental, etc.) fait l'objet d'un seul
            enregistrement, les autres envois étant rattachés au dossier.""");
        d.h1("3. Délais de traitement");
        d.p("""
            Les délais ci-dessous s'appliquent à compter de la date de réception par l'agence (cachet du courrier
            arrivée ou date du courriel). Ils constituent des engagements de service de l'agence ; ils ne se
            substituent pas aux délais fixés par les textes pour certaines procédures particulières.""");
        d.table(new double[] {2.2, 1.5, 3.3},
                new String[] {"Étape", "Délai", "Observations"},
                new String[] {"Enregistrement dans l'ORSR", "2 jours ouvrés", "Y compris pour les réclamations reçues en délégation."},
                new String[] {"Accusé de réception", "8 jours ouvrés", "Délai applicable depuis le 1er mars 2023 (auparavant 15 jours calendaires). Modèle 1."},
                new String[] {"Demande d'éléments à la structure mise en cause", "15 jours après réception", "La structure dispose de 15 jours pour répondre ; relance à J+21."},
                new String[] {"Réponse au fond", "2 mois", "À défaut, courrier d'attente (modèle 2) avant l'échéance."},
                new String[] {"Délai maximal de clôture", "4 mois", "Sauf inspection en cours ou procédure judiciaire ; motif tracé dans l'ORSR."},
                new String[] {"Situation de danger (niveau 3)", "Sans délai", "Voir la procédure de signalement des situations de maltraitance."});
        d.p("""
            Lorsque la réponse au fond ne peut être apportée dans le délai de deux mois, notamment parce qu'une
            inspection a été décidée, le chargé de réclamations adresse au réclamant un courrier d'attente avant
            l'expiration de ce délai. Ce courrier indique les démarches engagées, sans préjuger de leur issue, et
            la date à laquelle une réponse peut être attendue.""");
        d.h1("4. Qualification et niveau de gravité");
        d.p("""
            Chaque réclamation est qualifiée selon trois niveaux. Le niveau 1 correspond à un dysfonctionnement
            ponctuel sans atteinte à la sécurité (facturation, repas, perte de linge). Le niveau 2 correspond à un
            dysfonctionnement répété ou à une atteinte aux droits des usagers (défaut d'information, refus de
            soins, non-respect de l'intimité). Le niveau 3 correspond à une situation susceptible de mettre en
            danger la santé ou la sécurité d'une personne, notamment une suspicion de maltraitance.""");
        d.p("""
            Le niveau est proposé par le chargé de réclamations et validé par le responsable du pôle ou par le
            délégué départemental. Toute réclamation de niveau 3 est signalée le jour même au responsable
            hiérarchique et à la direction de l'autonomie ou à la direction de l'offre de soins selon la
            structure concernée.""");
        d.h1("5. Instruction");
        d.p("""
            L'instruction consiste à recueillir les éléments permettant d'apprécier le bien-fondé de la
            réclamation : demande d'éléments écrite à la structure mise en cause, échanges avec le réclamant,
            consultation des inspections et contrôles antérieurs, avis du médecin ou du pharmacien de l'agence le
            cas échéant. La demande adressée à la structure ne mentionne l'identité du réclamant qu'avec son
            accord ; à défaut, les faits sont présentés de manière à ne pas permettre son identification.""");
        d.p("""
            Lorsque la réclamation concerne un établissement de santé, l'agence rappelle au réclamant
            l'existence de la commission des usagers (CDU) de l'établissement, prévue à l'article L.1112-3 du code
            de la santé publique, et transmet la réclamation à l'établissement pour réponse directe, en demandant
            copie de la réponse. Lorsqu'elle concerne un professionnel de santé libéral et porte sur une question
            de déontologie, le réclamant est orienté vers le conseil départemental de l'ordre compétent, sauf si
            les faits révèlent un danger pour les patients.""");
        d.p("""
            La réclamation mal orientée, relevant d'une autre administration, est transmise à l'autorité
            compétente et le réclamant en est informé, conformément à l'article L.114-2 du code des relations
            entre le public et l'administration (CRPA).""");
        d.h1("6. Réponse et clôture");
        d.p("""
            La réponse au fond est rédigée en termes clairs, sans jargon, à partir des modèles de courriers du
            pôle. Elle expose les démarches effectuées, les constats et, le cas échéant, les mesures demandées à
            la structure. Elle ne contient aucune donnée de santé concernant une personne autre que le
            réclamant et n'indique jamais la teneur d'une procédure disciplinaire ou pénale en cours.""");
        d.p("""
            La réponse est signée par le délégué départemental pour les réclamations instruites en délégation et
            par le responsable du pôle pour celles instruites au siège. Elle est signée par le directeur général
            lorsque la réclamation émane d'un parlementaire ou d'un élu, lorsqu'elle fait l'objet d'une
            médiatisation ou lorsqu'elle concerne un décès. La réclamation est clôturée dans l'ORSR dès l'envoi de
            la réponse, avec la copie du courrier signé.""");
        d.h1("7. Conservation et protection des données");
        d.p("""
            Les dossiers de réclamation sont conservés cinq ans à compter de leur clôture, puis versés aux
            archives ou détruits selon le tableau de gestion. Les échanges contenant des données de santé se font
            exclusivement par messagerie sécurisée de santé. Les extractions de l'ORSR utilisées pour les bilans
            sont anonymisées.""");
        d.h1("8. Indicateurs");
        d.bullets(
                "taux d'accusés de réception envoyés dans le délai de 8 jours ouvrés (cible : 95 %) ;",
                "taux de réponses au fond dans le délai de 2 mois (cible : 80 %) ;",
                "délai moyen de traitement, par délégation et par type de structure ;",
                "nombre de réclamations ayant donné lieu à une inspection ou à un contrôle.");
        return d;
    }

    static Doc circuit() {
        Doc d = new Doc("documents/procedure/circuit-siege-delegations.pdf",
                "Circuit d'une réclamation entre le siège et les délégations départementales")
                .subtitle("Fiche d'organisation — mise à jour du 12 septembre 2023")
                .header(HEADER)
                .noMetaTitle("Pôle réclamations", Doc.date(2023, 9, 12))
                .hyphenate();
        d.h1("Principe général");
        d.p("""
            La réclamation est instruite par la délégation départementale du lieu d'implantation de la structure
            mise en cause. Le siège (pôle réclamations) assure l'enregistrement des réclamations qui lui
            parviennent directement, leur orientation, le suivi des délais, l'appui juridique aux délégations et le
            bilan annuel. Il instruit lui-même les réclamations concernant les structures à compétence régionale
            et les réclamations dites sensibles.""");
        d.h1("Étapes du circuit");
        d.table(new double[] {0.5, 2.6, 1.5, 1.4},
                new String[] {"N°", "Étape", "Acteur", "Délai"},
                new String[] {"1", "Réception de la réclamation (courrier, courriel, formulaire en ligne)", "Siège ou délégation", "J"},
                new String[] {"2", "Enregistrement dans l'ORSR et qualification du niveau de gravité", "Agent ayant reçu la réclamation", "J+2 ouvrés"},
                new String[] {"3", "Orientation vers la délégation compétente (affectation dans l'ORSR et transfert des pièces)", "Pôle réclamations (siège)", "J+2 ouvrés"},
                new String[] {"4", "Accusé de réception au réclamant", "Délégation instructrice", "J+8 ouvrés"},
                new String[] {"5", "Instruction : demande d'éléments, échanges, le cas échéant proposition d'inspection", "Délégation instructrice", "J+15 à J+45"},
                new String[] {"6", "Rédaction du projet de réponse et validation", "Chargé de réclamations, délégué départemental", "avant J+60"},
                new String[] {"7", "Signature et envoi ; clôture dans l'ORSR", "Délégué départemental (ou directeur général)", "J+60 au plus tard"},
                new String[] {"8", "Contrôle qualité par échantillon (10 % des dossiers clos)", "Pôle réclamations", "trimestriel"});
        d.h1("Réclamations instruites par le siège");
        d.bullets(
                "réclamations concernant une structure à compétence régionale (établissement de santé de référence, centre régional, plateforme régionale) ;",
                "réclamations émanant d'un parlementaire, d'un ministère ou du Défenseur des droits ;",
                "réclamations mettant en cause une délégation départementale ou un agent de l'agence ;",
                "réclamations médiatisées ou faisant l'objet d'une action contentieuse.");
        d.h1("Réclamations concernant plusieurs départements");
        d.p("""
            Lorsqu'une réclamation met en cause des structures situées dans plusieurs départements, le pôle
            désigne une délégation pilote, en principe celle du lieu de résidence du patient ou de l'usager. Les
            autres délégations contribuent à l'instruction dans un délai de quinze jours. Une réponse unique est
            adressée au réclamant.""");
        d.h1("Rôle du conseil départemental pour les EHPAD");
        d.p("""
            Les EHPAD relevant d'une autorisation conjointe de l'agence et du conseil départemental, toute
            réclamation concernant un EHPAD est portée à la connaissance du conseil départemental dans un délai de
            huit jours ouvrés. Les deux autorités conviennent de l'autorité qui instruit et répond ; à défaut
            d'accord, la délégation instruit et adresse copie de sa réponse au conseil départemental. Les
            réclamations portant exclusivement sur la tarification de l'hébergement sont transmises au conseil
            départemental, compétent en la matière.""");
        d.h1("Contacts");
        d.p("""
            Boîte fonctionnelle du pôle : reclamations@ars.example.fr. Chaque délégation dispose d'un référent
            réclamations dont la liste est tenue à jour sur l'intranet. En cas de doute sur la délégation
            compétente, le pôle tranche dans un délai d'un jour ouvré.""");
        return d;
    }

    static Doc maltraitance() {
        Doc d = new Doc("documents/maltraitance/signalements-maltraitance.pdf",
                "Traitement des réclamations révélant une situation de maltraitance")
                .subtitle("Fiche réflexe FR-REC-04 — validée en comité de direction le 3 octobre 2023")
                .header(HEADER)
                .meta("Fiche réflexe maltraitance - signalements", "Pôle réclamations", Doc.date(2023, 10, 3))
                .ligatures()
                .hyphenate();
        d.h1("1. Définition");
        d.p("""
            Au sens de l'article L.119-1 du code de l'action sociale et des familles, la maltraitance vise toute
            personne en situation de vulnérabilité lorsqu'un geste, une parole, une action ou un défaut d'action
            compromet ou porte atteinte à son développement, à ses droits, à ses besoins fondamentaux ou à sa santé,
            et que cette atteinte intervient dans une relation de confiance, de dépendance, de soin ou
            d'accompagnement. Les situations de maltraitance peuvent être ponctuelles ou durables, intentionnelles
            ou non ; leur origine peut être individuelle, collective ou institutionnelle.""");
        d.p("""
            Exemples fréquemment rencontrés dans les réclamations : contention sans prescription, défaut de soins
            d'hygiène, propos humiliants, privation de visites, retrait d'argent sur le compte d'un résident,
            négligences répétées dans l'aide au repas, absence de réponse aux appels la nuit.""");
        d.h1("2. Repérer : les signaux qui font passer une réclamation en niveau 3");
        d.bullets(
                "des faits de violence physique, psychologique, sexuelle ou financière sont décrits, même de manière imprécise ;",
                "la personne concernée est toujours exposée (le mis en cause est encore au contact de la victime) ;",
                "plusieurs réclamations concordantes concernent la même structure sur une courte période ;",
                "un décès ou une hospitalisation est rapporté en lien avec les faits décrits ;",
                "le réclamant indique avoir déjà alerté la structure sans effet.");
        d.h1("3. Agir le jour même");
        d.p("""
            Toute réclamation relevant du niveau 3 est traitée le jour de sa réception, y compris lorsque l'agent
            qui la reçoit n'est pas le chargé de réclamations habituel. L'agent informe immédiatement son
            responsable hiérarchique, qui saisit le délégué départemental et la direction métier compétente.""");
        d.table(new double[] {2.2, 1.5, 2.6},
                new String[] {"Action", "Qui", "Quand"},
                new String[] {"Évaluer le danger immédiat ; appeler la structure pour s'assurer de la mise en sécurité de la personne", "Délégué départemental ou cadre d'astreinte", "Dans l'heure"},
                new String[] {"Signaler au procureur de la République (article 40 du code de procédure pénale) lorsque les faits sont susceptibles de constituer un crime ou un délit", "Directeur général ou délégué départemental par délégation", "Sans délai, et au plus tard sous 24 heures"},
                new String[] {"Informer le conseil départemental (EHPAD, établissements pour personnes handicapées)", "Délégation", "Le jour même"},
                new String[] {"Proposer une inspection inopinée", "Délégation, direction de l'autonomie", "Décision sous 72 heures"},
                new String[] {"Enregistrer dans l'ORSR avec le niveau 3 et tracer chaque action", "Chargé de réclamations", "Au fil de l'eau"});
        d.h1("4. Ce qu'il ne faut pas faire");
        d.bullets(
                "attendre la réponse de la structure pour signaler au procureur lorsque les faits sont graves ;",
                "communiquer à la structure l'identité du réclamant sans son accord, notamment lorsqu'il s'agit d'un salarié (protection du lanceur d'alerte) ;",
                "qualifier juridiquement les faits dans le courrier au réclamant (« il y a eu maltraitance ») avant la fin des investigations ;",
                "saisir le récit des faits, ou toute donnée nominative, dans un outil d'intelligence artificielle non validé par l'agence.");
        d.h1("5. Réponse au réclamant");
        d.p("""
            Le réclamant reçoit un accusé de réception indiquant que sa réclamation a été transmise aux services
            compétents et que des suites y sont données, sans en préciser la nature lorsqu'une enquête judiciaire
            est en cours. Il est informé de l'existence du numéro national 3977 contre les maltraitances envers les
            personnes âgées et les adultes en situation de handicap. La réponse définitive est adressée à l'issue de
            l'inspection ; elle indique, de façon générale, les mesures demandées à la structure.""");
        d.h1("6. Suivi");
        d.p("""
            Les situations de niveau 3 font l'objet d'un point hebdomadaire en délégation jusqu'à la mise en
            sécurité effective des personnes. Le pôle réclamations établit chaque trimestre une synthèse régionale
            des signalements, présentée au comité de direction. L'efficacité des mesures est vérifiée lors du
            contrôle de suivi.""");
        return d;
    }

    static Doc noteDeService() {
        Doc d = new Doc("documents/notes/note-de-service-2023-02-14.pdf",
                "Note de service n° 2023-07 relative aux délais d'accusé de réception des réclamations")
                .subtitle("Le directeur général — 14 février 2023")
                .header("ARS — Direction générale")
                .noMetaTitle("Direction générale", Doc.date(2023, 2, 14));
        d.p("Destinataires : délégués départementaux ; responsable du pôle réclamations ; chargés de réclamations du siège et des délégations.");
        d.h1("Objet");
        d.p("""
            Le bilan 2022 a montré que seuls 64 % des accusés de réception avaient été envoyés dans le délai de
            quinze jours calendaires prévu par la procédure PR-REC-01 (version 2). Les usagers expriment, dans
            leurs relances, le sentiment que leur courrier n'a pas été lu.""");
        d.h1("Décision");
        d.p("""
            À compter du 1er mars 2023, l'accusé de réception de toute réclamation est adressé dans un délai de
            huit jours ouvrés à compter de sa réception par l'agence. Il est envoyé par courriel lorsque le
            réclamant a écrit par voie électronique, conformément à l'article L.112-8 du code des relations entre
            le public et l'administration, et par courrier dans les autres cas.""");
        d.p("""
            L'accusé de réception mentionne la date de réception, le service chargé du dossier et ses coordonnées,
            ainsi que le délai indicatif de réponse de deux mois. Le modèle 1 des modèles de courriers du pôle est
            mis à jour en conséquence.""");
        d.h1("Mise en œuvre");
        d.p("""
            Les délégations disposant d'un stock de réclamations non accusées au 1er mars 2023 adressent les
            accusés de réception correspondants avant le 31 mars 2023. Le pôle réclamations suit mensuellement
            l'indicateur et le présente au comité de direction. La procédure PR-REC-01 sera révisée pour intégrer
            ce nouveau délai.""");
        d.p("Le directeur général");
        return d;
    }

    static Doc bilan2023() {
        Doc d = new Doc("documents/bilans/2023/rapport.pdf", "Bilan annuel des réclamations 2023")
                .subtitle("Pôle réclamations — présenté au comité de direction du 26 mars 2024")
                .header(HEADER)
                .noMetaTitle("", Doc.date(2024, 3, 26))
                .hyphenate();
        d.metaAuthor = null;
        d.h1("1. Synthèse");
        d.p("""
            En 2023, l'agence a enregistré 1 248 réclamations, soit une hausse de 9 % par rapport à 2022 (1 145).
            Les EHPAD restent la première catégorie de structures mises en cause (41 %), devant les établissements
            de santé (22 %) et les professionnels de santé libéraux (15 %). Le délai moyen de réponse au fond
            s'établit à 47 jours, contre 58 jours en 2022.""");
        d.p("""
            L'abaissement du délai d'accusé de réception à huit jours ouvrés, entré en vigueur le 1er mars 2023, a
            été bien approprié : 91 % des accusés de réception ont été envoyés dans le délai, contre 64 % en 2022
            sous l'ancien délai de quinze jours. 78 % des réponses au fond ont été adressées dans le délai de deux
            mois, en deçà de la cible de 80 %.""");
        d.p("Données extraites de l'outil régional de suivi (ORSR) le 01/15/2024 ; les réclamations reçues après l'extraction ne sont pas comptabilisées.");
        d.h1("2. Répartition par délégation");
        d.table(new double[] {2, 1.2, 1.2, 1.4, 1.4},
                new String[] {"Structure", "Réclamations reçues", "Dont niveau 3", "Délai moyen (jours)", "Réponses sous 2 mois"},
                new String[] {"Siège (compétence régionale)", "96", "4", "61", "69 %"},
                new String[] {"Délégation Nord", "231", "9", "44", "81 %"},
                new String[] {"Délégation Sud", "212", "11", "52", "74 %"},
                new String[] {"Délégation Est", "187", "6", "39", "86 %"},
                new String[] {"Délégation Ouest", "205", "8", "45", "79 %"},
                new String[] {"Délégation Centre", "174", "7", "49", "76 %"},
                new String[] {"Délégation Nord-Ouest", "143", "5", "50", "75 %"},
                new String[] {"Total", "1 248", "50", "47", "78 %"});
        d.h1("3. Motifs principaux");
        d.p("""
            Pour les EHPAD, les motifs les plus fréquents sont la qualité des soins d'hygiène (23 %), l'insuffisance
            de personnel, notamment la nuit (19 %), la communication avec les familles (14 %), la facturation
            (11 %) et la restauration (9 %). Cinquante réclamations ont été classées en niveau 3 ; trente-deux
            concernaient des EHPAD et ont donné lieu à dix-neuf inspections inopinées.""");
        d.p("""
            Pour les établissements de santé, les réclamations portent principalement sur l'attente aux urgences,
            la communication du dossier médical et les frais de séjour. Elles sont, pour la plupart, réorientées
            vers la commission des usagers de l'établissement, avec demande de copie de la réponse.""");
        d.h1("4. Points d'attention et actions 2024");
        d.bullets(
                "réduire le délai de réponse au siège (61 jours), lié aux réclamations sensibles nécessitant la signature du directeur général ;",
                "généraliser le courrier d'attente avant l'échéance de deux mois, encore absent dans 12 % des dossiers en dépassement ;",
                "former les nouveaux chargés de réclamations à la qualification du niveau de gravité ;",
                "expérimenter un assistant d'aide à la rédaction des réponses, dans le respect de la charte d'utilisation de l'IA générative de l'agence.");
        d.h1("5. Évolution sur trois ans");
        d.table(new double[] {2, 1, 1, 1},
                new String[] {"Indicateur", "2021", "2022", "2023"},
                new String[] {"Réclamations reçues", "1 032", "1 145", "1 248"},
                new String[] {"Part des EHPAD", "38 %", "40 %", "41 %"},
                new String[] {"Accusés de réception dans le délai", "61 %", "64 %", "91 %"},
                new String[] {"Réponses au fond sous 2 mois", "70 %", "72 %", "78 %"},
                new String[] {"Délai moyen de réponse (jours)", "63", "58", "47"});
        return d;
    }

    static Doc references() {
        Doc d = new Doc("documents/reference/references-reglementaires.docx",
                "Références réglementaires utiles au traitement des réclamations")
                .subtitle("Mémento du pôle réclamations — mise à jour 2024-01-15")
                .meta("Références réglementaires - réclamations", "Pôle réclamations", Doc.date(2024, 1, 15));
        d.h1("1. Code de la santé publique");
        d.h2("1.1 Droits des usagers des établissements de santé");
        d.p("""
            L'article L.1112-3 institue dans chaque établissement de santé une commission des usagers (CDU), chargée
            de veiller au respect des droits des usagers et de faciliter leurs démarches. Les réclamations relatives
            à un établissement de santé doivent d'abord être examinées par l'établissement, qui y répond par écrit et
            peut proposer une rencontre avec un médiateur médical ou non médical (articles R.1112-91 à R.1112-94).""");
        d.h2("1.2 Accès au dossier médical");
        d.p("""
            L'article L.1111-7 garantit l'accès de toute personne aux informations concernant sa santé. La
            communication intervient au plus tard dans les huit jours suivant la demande et au plus tôt après un
            délai de réflexion de quarante-huit heures ; ce délai est porté à deux mois lorsque les informations
            datent de plus de cinq ans. Une réclamation pour non-communication du dossier est transmise à
            l'établissement avec rappel de ces délais.""");
        d.h1("2. Code de l'action sociale et des familles");
        d.h2("2.1 Droits des personnes accueillies");
        d.p("""
            L'article L.311-3 garantit à toute personne accueillie en établissement social ou médico-social le
            respect de sa dignité, de son intégrité, de sa vie privée, de son intimité et de sa sécurité. L'article
            L.311-5 permet à toute personne prise en charge, ou à son représentant légal, de faire appel à une
            personne qualifiée choisie sur une liste établie conjointement par le préfet, le directeur général de
            l'agence et le président du conseil départemental.""");
        d.h2("2.2 Signalement des dysfonctionnements");
        d.p("""
            L'article L.331-8-1 impose aux établissements et services sociaux et médico-sociaux d'informer sans
            délai les autorités administratives de tout dysfonctionnement grave ou événement ayant pour effet de
            menacer ou de compromettre la santé, la sécurité ou le bien-être des personnes prises en charge.
            L'article L.119-1 définit la maltraitance.""");
        d.h1("3. Code des relations entre le public et l'administration");
        d.p("""
            L'article L.112-3 prévoit que toute demande adressée à l'administration fait l'objet d'un accusé de
            réception. L'article L.112-8 ouvre la saisine par voie électronique. L'article L.114-2 impose à
            l'autorité saisie à tort de transmettre la demande à l'autorité compétente et d'en aviser l'intéressé.
            Les réclamations ne sont pas des demandes tendant à l'obtention d'une décision : la règle selon laquelle
            le silence gardé pendant deux mois vaut acceptation ne leur est pas applicable.""");
        d.h1("4. Tableau de synthèse");
        d.p("La colonne « Code » est fusionnée sur les lignes relevant du même code.");
        d.table(new double[] {1.3, 1.3, 2.6, 2.6},
                List.of(new Doc.Merge(1, 0, 3, 1), new Doc.Merge(4, 0, 3, 1), new Doc.Merge(7, 0, 3, 1), new Doc.Merge(10, 0, 1, 4)),
                new String[] {"Code", "Article", "Objet", "Conséquence pour le traitement"},
                new String[] {"CSP", "L.1112-3", "Commission des usagers", "Réorienter vers l'établissement ; demander copie de la réponse"},
                new String[] {"", "L.1111-7", "Accès au dossier médical (8 jours / 2 mois)", "Rappeler les délais à l'établissement"},
                new String[] {"", "R.1112-91 à R.1112-94", "Médiation en établissement de santé", "Informer le réclamant de la possibilité de médiation"},
                new String[] {"CASF", "L.311-3", "Droits des personnes accueillies", "Fonde l'analyse des réclamations en ESSMS"},
                new String[] {"", "L.311-5", "Personne qualifiée", "Mentionner la personne qualifiée dans la réponse"},
                new String[] {"", "L.331-8-1", "Signalement des dysfonctionnements graves", "Vérifier que la structure a signalé l'événement"},
                new String[] {"CRPA", "L.112-3", "Accusé de réception", "AR sous 8 jours ouvrés (engagement interne)"},
                new String[] {"", "L.112-8", "Saisine par voie électronique", "AR par courriel si saisine par courriel"},
                new String[] {"", "L.114-2", "Transmission à l'autorité compétente", "Transmettre et informer le réclamant"},
                new String[] {"Rappel : les numéros d'articles sont à vérifier sur Légifrance avant toute citation dans un courrier.", "", "", ""});
        return d;
    }

    static Doc modeles() {
        Doc d = new Doc("documents/modeles/document.docx", "Modèles de courriers du pôle réclamations")
                .subtitle("Version du 3 avril 2024 — les passages entre crochets sont à compléter")
                .noMetaTitle("pole.reclamations", Doc.date(2024, 4, 3));
        d.h1("Modèle 1 — Accusé de réception");
        d.p("""
            Madame, Monsieur, j'accuse réception de votre courrier du [date], reçu le [date de réception], par lequel
            vous appelez l'attention de l'agence régionale de santé sur [objet résumé en une phrase neutre]. Votre
            réclamation a été enregistrée sous le numéro [n° ORSR] et confiée à [service / délégation], que vous
            pouvez joindre au [téléphone] ou à l'adresse [courriel]. Une réponse vous sera adressée dans un délai
            indicatif de deux mois. Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations
            distinguées.""");
        d.h1("Modèle 2 — Courrier d'attente");
        d.p("""
            Madame, Monsieur, par courrier du [date], vous avez saisi l'agence d'une réclamation concernant [structure].
            L'instruction de votre demande nécessite des investigations complémentaires [auprès de l'établissement /
            dans le cadre d'un contrôle]. Je ne suis donc pas en mesure de vous apporter une réponse dans le délai de
            deux mois initialement indiqué. Une réponse vous sera adressée au plus tard le [date, dans la limite de
            quatre mois à compter de la réception].""");
        d.h1("Modèle 3 — Réponse au fond");
        d.p("""
            Madame, Monsieur, vous avez saisi l'agence le [date] d'une réclamation relative à [objet]. J'ai
            sollicité des explications de [structure], qui m'a répondu le [date]. Il ressort de l'instruction que
            [exposé factuel des constats, sans donnée de santé concernant des tiers]. J'ai demandé à la structure de
            [mesures demandées]. Ces engagements feront l'objet d'un suivi par mes services. Si vous l'estimez utile,
            vous pouvez également faire appel à une personne qualifiée, dont la liste est disponible [lieu].""");
        d.h1("Modèle 4 — Réorientation vers un établissement de santé");
        d.p("""
            Madame, Monsieur, votre réclamation concerne la prise en charge de [personne] au sein de [établissement].
            En application de l'article L.1112-3 du code de la santé publique, chaque établissement de santé dispose
            d'une commission des usagers chargée d'examiner les réclamations. J'ai transmis votre courrier au
            directeur de l'établissement, en lui demandant de vous répondre directement et de m'adresser copie de sa
            réponse. Vous pouvez également demander à rencontrer un médiateur.""");
        d.h1("Modèle 5 — Réorientation vers l'ordre professionnel");
        d.p("""
            Madame, Monsieur, les faits que vous décrivez concernent le comportement d'un professionnel de santé
            exerçant à titre libéral. Les litiges d'ordre déontologique relèvent de la compétence du conseil
            départemental de l'ordre des [médecins / infirmiers / …], que vous pouvez saisir à l'adresse suivante :
            [adresse]. Si les faits vous paraissent révéler un danger pour les patients, je vous invite à me le faire
            savoir.""");
        d.h1("Champs à compléter et règles de rédaction");
        d.table(new double[] {1.5, 3, 2.5},
                List.of(new Doc.Merge(1, 2, 2, 1)),
                new String[] {"Champ", "Règle", "Source"},
                new String[] {"[n° ORSR]", "Toujours indiqué, pour faciliter les relances", "Outil régional de suivi (ORSR)"},
                new String[] {"[date de réception]", "Date du cachet arrivée, format « 3 avril 2024 »", ""},
                new String[] {"[objet]", "Formulation neutre, sans qualification juridique des faits", "Procédure PR-REC-01, § 6"},
                new String[] {"Signature", "Délégué départemental ; directeur général pour les élus, les décès et les dossiers médiatisés", "Procédure PR-REC-01, § 6"},
                new String[] {"Texte rédigé avec l'assistant IA", "Relecture intégrale obligatoire ; la mention « Généré par IA — à vérifier » est retirée seulement après validation", "Charte d'utilisation de l'IA générative"});
        return d;
    }
}
