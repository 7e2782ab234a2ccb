import java.util.List;

/** Content of the "mesures-inspection" capsule: six historical reports. All names and facts are invented. */
final class Inspections {
    private Inspections() {}

    static final String INJ = "injonction", PRE = "prescription", REC = "recommandation";

    static List<InspectionReport> reports() {
        return List.of(closFleuri(), residenceDuParc(), tilleuls(), roseraie(), saintJoseph(), glycines());
    }

    private static final String METHODE_COMMUNE = """
            Conformément aux articles L.313-13 et suivants du code de l'action sociale et des familles (CASF), l'inspection a donné lieu à une procédure contradictoire : le rapport provisoire a été adressé au gestionnaire, qui a disposé d'un délai d'un mois pour faire valoir ses observations. Le présent rapport définitif tient compte des observations reçues.""";

    static InspectionReport closFleuri() {
        InspectionReport r = new InspectionReport("documents/2021/ehpad-le-clos-fleuri/rapport.pdf",
                "Rapport d'inspection — EHPAD Le Clos Fleuri à Villeneuve-la-Rivière",
                "Inspection sur place du 18 novembre 2021 — contrôle ciblé sur le circuit du médicament — rapport définitif");
        r.created = Doc.date(2022, 1, 20);
        r.contexte(
                """
                L'EHPAD Le Clos Fleuri est un établissement public autonome de 84 places d'hébergement permanent dont une unité de vie protégée de 14 places, situé à Villeneuve-la-Rivière (délégation départementale Nord). Il est dirigé par une directrice en poste depuis 2019 ; le médecin coordonnateur intervient à 0,4 ETP.""",
                """
                L'inspection s'inscrit dans le programme régional d'inspection et de contrôle 2021, qui comporte un volet consacré à la sécurisation de la prise en charge médicamenteuse en EHPAD. Elle a été diligentée par le directeur général de l'ARS sur le fondement de l'article L.313-13 du CASF. L'équipe d'inspection était composée de deux inspecteurs de l'ARS (M. R. et Mme L.) et d'un pharmacien inspecteur de santé publique (Mme D.).""");
        r.methodologie(
                """
                L'inspection a été annoncée 48 heures à l'avance. Les inspecteurs ont procédé à la visite de l'infirmerie, du local de stockage des médicaments et des chariots de distribution, à l'observation d'une distribution du midi et du soir, et à l'examen de douze dossiers de résidents tirés au sort.""",
                """
                Des entretiens ont été conduits avec la directrice, le médecin coordonnateur, l'infirmière coordinatrice (IDEC), deux infirmières, trois aides-soignantes et le pharmacien d'officine signataire de la convention de fourniture.""",
                METHODE_COMMUNE);
        r.e("E1", "Prescription et dispensation",
                "plusieurs prescriptions sont recopiées par les infirmières sur un support intermédiaire (cahier de transmission) avant saisie dans le logiciel de soins ; sur les douze dossiers examinés, trois présentent une discordance entre l'ordonnance et le plan d'administration.",
                "Retranscription des prescriptions sur un support intermédiaire ; discordances ordonnance / plan d'administration (3 dossiers sur 12).",
                "articles R.4311-7 et R.4312-38 du code de la santé publique (CSP)",
                "Supprimer toute retranscription manuelle et mettre en place la prescription informatisée directe par les médecins dans le logiciel de soins.",
                INJ, "1 mois");
        r.e("E2", "Prescription et dispensation",
                "la convention conclue avec la pharmacie d'officine date de 2012 et n'a pas été actualisée ; elle ne précise ni les modalités de préparation des doses à administrer (PDA) ni les obligations de traçabilité des lots.",
                "Convention avec la pharmacie d'officine non actualisée depuis 2012 ; PDA et traçabilité des lots non encadrées.",
                "article L.5126-10 du CSP",
                "Actualiser la convention avec le pharmacien d'officine et la transmettre à l'ARS.",
                PRE, "3 mois");
        r.e("E3", "Stockage des médicaments",
                "les médicaments stupéfiants sont détenus dans un tiroir fermant à clé du chariot, la clé restant accrochée au chariot pendant le service ; aucun registre des entrées et sorties n'est tenu.",
                "Stupéfiants détenus dans un tiroir dont la clé reste sur le chariot ; absence de registre des entrées et sorties.",
                "article R.5132-80 du CSP",
                "Détenir les stupéfiants dans un coffre ou une armoire sécurisée réservée à cet usage et tenir un registre des entrées et sorties.",
                INJ, "Immédiat");
        r.e("E4", "Stockage des médicaments",
                "le réfrigérateur de l'infirmerie ne dispose d'aucun relevé de température ; des denrées alimentaires y sont stockées avec les insulines.",
                "Réfrigérateur à médicaments sans relevé de température, contenant des denrées alimentaires.",
                "article R.4312-38 du CSP ; recommandations de bonnes pratiques de l'OMéDIT",
                "Mettre en place un relevé quotidien des températures du réfrigérateur dédié aux médicaments et en retirer toute denrée alimentaire.",
                PRE, "1 mois");
        r.e("E5", "Administration et aide à la prise",
                "des aides-soignantes administrent les médicaments en l'absence d'infirmière la nuit, y compris des traitements nécessitant une appréciation clinique (antalgiques « si besoin »).",
                "Administration par des aides-soignantes de traitements « si besoin » nécessitant une appréciation clinique.",
                "article L.313-26 du CASF ; article R.4311-4 du CSP",
                "Limiter l'aide à la prise par les aides-soignantes aux médicaments ne présentant pas de difficulté particulière et formaliser un protocole validé par le médecin coordonnateur.",
                INJ, "1 mois");
        r.e("E6", "Administration et aide à la prise",
                "l'administration n'est pas tracée au moment de la prise mais en fin de tournée, de mémoire ; des cases vides ont été constatées sur les plans d'administration de la semaine précédente.",
                "Traçabilité de l'administration réalisée a posteriori ; plans d'administration incomplets.",
                "article R.4312-35 du CSP",
                "Tracer chaque administration en temps réel dans le logiciel de soins et contrôler mensuellement l'exhaustivité des plans d'administration.",
                PRE, "3 mois");
        r.e("R1", "Organisation et culture de sécurité",
                "aucune analyse des erreurs médicamenteuses n'a été conduite ; les déclarations internes d'événements indésirables sont rares (deux en 2021).",
                "Absence d'analyse des erreurs médicamenteuses ; faible déclaration des événements indésirables.",
                "guide HAS « Outils de sécurisation et d'auto-évaluation de l'administration des médicaments » (2011)",
                "Instaurer un comité de retour d'expérience (CREX) trimestriel sur les erreurs médicamenteuses.",
                REC, "6 mois");
        r.e("R2", "Organisation et culture de sécurité",
                "le personnel n'a bénéficié d'aucune formation sur le circuit du médicament depuis trois ans.",
                "Absence de formation du personnel au circuit du médicament depuis trois ans.",
                "recommandations de bonnes pratiques HAS / ANESM",
                "Inscrire une formation au circuit du médicament au plan de développement des compétences.",
                REC, "12 mois");
        r.conclusion(
                """
                L'inspection a mis en évidence des fragilités importantes du circuit du médicament, en particulier la retranscription des prescriptions, la détention des stupéfiants et l'aide à la prise la nuit. Ces écarts exposent les résidents à un risque d'erreur médicamenteuse.""",
                """
                La directrice a engagé, dès la restitution orale, la commande d'un coffre sécurisé. Les mesures figurant en annexe devront faire l'objet d'un suivi ; l'établissement transmettra à l'ARS les justificatifs dans les délais indiqués.""");
        return r;
    }

    static InspectionReport residenceDuParc() {
        InspectionReport r = new InspectionReport("documents/2022/ehpad-residence-du-parc/rapport.pdf",
                "Rapport d'inspection — EHPAD Résidence du Parc, Bourg-Sainte-Marie",
                "Inspection inopinée des 9 et 10 juin 2022 (dont visite de nuit) — suite à réclamations — rapport définitif");
        r.metaTitle = "Rapport d'inspection EHPAD Résidence du Parc - juin 2022";
        r.created = Doc.date(2022, 9, 12);
        r.contexte(
                """
                L'EHPAD Résidence du Parc, établissement privé à but lucratif de 96 places, appartient à un groupe national. Il est implanté à Bourg-Sainte-Marie (délégation départementale Sud).""",
                """
                Entre janvier et mai 2022, la délégation départementale a reçu cinq réclamations de familles faisant état de résidents laissés au lit toute la journée, de sonnettes sans réponse la nuit et de l'usage de ceintures de contention. Au regard de ces éléments, le directeur général de l'ARS a décidé une inspection inopinée, conjointe avec le conseil départemental. La mission était composée de trois inspecteurs de l'ARS (Mme B., M. K., Mme T.) et d'une inspectrice du conseil départemental (Mme F.).""");
        r.methodologie(
                """
                La mission s'est présentée sans préavis le 9 juin 2022 à 21 h 30 afin d'observer l'organisation de nuit, puis a poursuivi ses investigations le lendemain. Elle a consulté les plannings des trois derniers mois, le registre des réclamations, les comptes rendus du conseil de la vie sociale (CVS) et quinze dossiers de soins.""",
                """
                Des entretiens individuels ont été menés avec la direction, le médecin coordonnateur, l'IDEC, six soignants de jour et les deux agents de nuit présents, ainsi qu'avec quatre résidents et trois familles.""",
                METHODE_COMMUNE);
        r.e("E1", "Sécurité et effectifs de nuit",
                "la nuit, deux agents (une aide-soignante et une agente de service) assurent seuls la surveillance de 96 résidents répartis sur trois niveaux ; aucun infirmier n'est joignable par astreinte formalisée. Les délais de réponse aux appels malades relevés sur l'extraction du système d'appel dépassent 20 minutes dans 18 % des cas.",
                "Effectifs de nuit insuffisants (2 agents pour 96 résidents sur 3 niveaux) ; délais de réponse aux appels > 20 min dans 18 % des cas.",
                "article L.311-3 (1°) du CASF ; article D.312-155-0 du CASF",
                "Renforcer l'effectif de nuit pour garantir la présence d'au moins un soignant par niveau et mettre en place une astreinte infirmière formalisée.",
                INJ, "1 mois");
        r.e("E2", "Contention et liberté d'aller et venir",
                "sept résidents font l'objet d'une contention (ceinture pelvienne au fauteuil, barrières de lit) sans prescription médicale ; aucune réévaluation n'est tracée et l'annexe au contrat de séjour relative aux mesures de restriction de la liberté d'aller et venir n'a pas été établie.",
                "Contentions sans prescription médicale ni réévaluation (7 résidents) ; absence d'annexe au contrat de séjour.",
                "articles L.311-4-1 et R.311-0-5 à R.311-0-9 du CASF ; recommandations HAS sur la contention physique de la personne âgée",
                "Mettre fin à toute contention non prescrite, faire prescrire et réévaluer chaque contention par un médecin et établir l'annexe au contrat de séjour.",
                INJ, "Immédiat");
        r.e("E3", "Droits des usagers",
                "le registre des réclamations n'est pas tenu depuis 2020 ; les plaintes des familles sont traitées oralement sans réponse écrite ni analyse.",
                "Registre des réclamations non tenu depuis 2020 ; plaintes traitées oralement sans réponse écrite.",
                "article L.311-3 du CASF ; article L.331-8-1 du CASF",
                "Tenir un registre des réclamations, apporter une réponse écrite à chaque réclamation et présenter une synthèse annuelle au CVS.",
                PRE, "3 mois");
        r.e("E4", "Droits des usagers",
                "le conseil de la vie sociale ne s'est réuni qu'une fois en 2021, alors que la réglementation prévoit au moins trois réunions par an.",
                "CVS réuni une seule fois en 2021.",
                "articles L.311-6 et D.311-16 du CASF",
                "Réunir le CVS au moins trois fois par an et transmettre à l'ARS les comptes rendus des réunions.",
                PRE, "6 mois");
        r.e("E5", "Prévention de la maltraitance",
                "deux événements susceptibles de constituer des actes de maltraitance (chute d'un résident laissé seul aux toilettes, propos humiliants rapportés par une famille) n'ont pas été signalés aux autorités.",
                "Défaut de signalement de deux événements pouvant relever de la maltraitance.",
                "article L.331-8-1 et R.331-8 du CASF",
                "Transmettre à l'ARS, sans délai, le signalement des deux événements et formaliser la procédure interne de signalement.",
                INJ, "15 jours");
        r.e("R1", "Vie quotidienne",
                "les levers sont organisés selon le planning des équipes et non selon le rythme des résidents ; plusieurs résidents sont levés avant 6 h 30.",
                "Horaires de lever dictés par l'organisation et non par le rythme des résidents.",
                "RBPP ANESM « Qualité de vie en EHPAD » (volet 2, 2011)",
                "Réorganiser les horaires de lever en tenant compte des habitudes recueillies dans le projet personnalisé.",
                REC, "6 mois");
        r.e("R2", "Vie quotidienne",
                "les projets personnalisés ne sont établis que pour 40 % des résidents et ne sont pas réévalués.",
                "Projets personnalisés établis pour 40 % des résidents seulement, sans réévaluation.",
                "RBPP ANESM « Les attentes de la personne et le projet personnalisé » (2008)",
                "Élaborer un projet personnalisé pour chaque résident et le réévaluer au moins une fois par an.",
                REC, "12 mois");
        r.conclusion(
                """
                La mission a constaté une insuffisance de l'encadrement de nuit et un recours à la contention sans cadre médical qui portent atteinte à la sécurité et à la dignité des résidents. Ces constats corroborent en partie les réclamations reçues.""",
                """
                Le gestionnaire a transmis ses observations par courrier (reproduit en pièce jointe). Elles ne conduisent pas à modifier les constats mais sont prises en compte pour le calendrier des mesures.""");
        r.scannedAnnex = new String[] {
                "## EHPAD Résidence du Parc — Direction",
                "Bourg-Sainte-Marie, le 22 août 2022",
                "",
                "À l'attention de Monsieur le Directeur général de l'ARS",
                "Objet : observations sur le rapport provisoire d'inspection",
                "",
                "Monsieur le Directeur général,",
                "",
                "Par la présente, je vous transmets les observations de l'établissement",
                "dans le cadre de la procédure contradictoire.",
                "",
                "S'agissant de l'effectif de nuit (E1), un troisième agent de nuit",
                "a été recruté et prendra ses fonctions le 1er octobre 2022.",
                "Une astreinte infirmière a été organisée avec l'EHPAD voisin.",
                "",
                "S'agissant des contentions (E2), l'ensemble des résidents concernés",
                "a été revu par le médecin coordonnateur le 30 juin 2022 ;",
                "quatre contentions ont été levées, trois ont été prescrites.",
                "",
                "Le registre des réclamations a été rouvert en juillet 2022.",
                "",
                "Je vous prie d'agréer, Monsieur le Directeur général,",
                "l'expression de ma considération distinguée.",
                "",
                "La directrice",
                "~signature~",
                "P.J. : planning de nuit septembre 2022"};
        return r;
    }

    static InspectionReport tilleuls() {
        InspectionReport r = new InspectionReport("documents/2023/ehpad-les-tilleuls/rapport.pdf",
                "Rapport d'inspection de l'EHPAD « Les Tilleuls » — Saint-Aubin-des-Bois",
                "Mission du 14/03/2023 — programme régional d'inspection 2023 — rapport définitif du 12/06/2023");
        r.created = Doc.date(2023, 6, 12);
        r.contexte(
                """
                L'EHPAD Les Tilleuls est géré par une association à but non lucratif. Il dispose de 62 places d'hébergement permanent et de 4 places d'hébergement temporaire. Il relève de la délégation départementale Est.""",
                """
                L'inspection a été programmée au titre des orientations régionales 2023 (gestion des risques et gouvernance). Elle a été conduite par Mme P. et M. G., inspecteurs de l'ARS, le 14/03/2023.""");
        r.methodologie(
                """
                Inspection annoncée la veille. Les inspecteurs ont examiné les documents institutionnels (projet d'établissement, règlement de fonctionnement, livret d'accueil, plan bleu, document d'analyse du risque infectieux), le registre des réclamations et les comptes rendus du CVS ; ils ont visité l'ensemble des locaux et rencontré la direction, le médecin coordonnateur et le président du CVS.""",
                METHODE_COMMUNE);
        r.e("E1", "Gouvernance et documents institutionnels",
                "le projet d'établissement, adopté en 2014, n'a pas été actualisé depuis ; il ne comporte pas de volet relatif à la prévention de la maltraitance ni de plan de soins palliatifs.",
                "Projet d'établissement de 2014 non actualisé, sans volet prévention de la maltraitance.",
                "article L.311-8 du CASF",
                "Actualiser le projet d'établissement, après consultation du CVS, en y intégrant la politique de prévention de la maltraitance, et le transmettre à l'ARS.",
                PRE, "6 mois");
        r.e("E2", "Gouvernance et documents institutionnels",
                "le règlement de fonctionnement ne mentionne pas les modalités de réclamation ni les coordonnées des personnes qualifiées.",
                "Règlement de fonctionnement sans modalités de réclamation ni coordonnées des personnes qualifiées.",
                "articles L.311-5 et L.311-7 du CASF",
                "Compléter le règlement de fonctionnement et le livret d'accueil par les coordonnées des personnes qualifiées et les modalités de réclamation.",
                PRE, "3 mois");
        r.e("E3", "Gestion des risques et situations exceptionnelles",
                "l'établissement ne dispose pas de plan bleu ; la procédure canicule se limite à une affiche et la pièce rafraîchie n'est pas équipée.",
                "Absence de plan bleu ; pièce rafraîchie non équipée.",
                "articles D.312-160 et D.312-161 du CASF",
                "Élaborer un plan bleu, équiper une pièce rafraîchie et transmettre le plan à l'ARS.",
                INJ, "1 mois");
        r.e("E4", "Gestion des risques et situations exceptionnelles",
                "les événements indésirables graves ne sont pas déclarés à l'ARS ; une chute avec fracture suivie d'un décès en janvier n'a fait l'objet d'aucune déclaration.",
                "Absence de déclaration à l'ARS d'un événement indésirable grave (chute suivie de décès).",
                "article L.331-8-1 et R.331-8 du CASF",
                "Déclarer sans délai à l'ARS tout événement indésirable grave et transmettre la procédure interne de déclaration.",
                INJ, "15 jours");
        r.e("E5", "Droits des usagers",
                "le CVS ne s'est pas réuni en 2022 ; sa composition n'a pas été renouvelée depuis 2019.",
                "CVS non réuni en 2022 ; composition non renouvelée depuis 2019.",
                "articles L.311-6 et D.311-3 à D.311-32-1 du CASF",
                "Organiser l'élection des membres du CVS et le réunir au moins trois fois par an.",
                PRE, "3 mois");
        r.e("R1", "Gestion des risques et situations exceptionnelles",
                "le document d'analyse du risque infectieux (DARI) existe mais n'a pas été mis à jour après l'épidémie de 2022.",
                "DARI non mis à jour depuis l'épidémie de 2022.",
                "programme national d'actions de prévention des infections associées aux soins (PROPIAS)",
                "Mettre à jour le DARI et le plan d'actions associé.",
                REC, "6 mois");
        r.e("R2", "Droits des usagers",
                "le registre des réclamations est tenu, mais les réponses apportées ne sont pas tracées.",
                "Registre des réclamations tenu sans traçabilité des réponses.",
                "RBPP ANESM « La bientraitance : définition et repères pour la mise en œuvre » (2008)",
                "Tracer dans le registre la date et le contenu de la réponse apportée à chaque réclamation.",
                REC, "6 mois");
        r.e("R3", "Prise en charge soignante",
                "le dossier de liaison d'urgence (DLU) n'est pas systématiquement à jour : trois DLU sur dix mentionnaient un traitement arrêté.",
                "DLU non à jour (3 sur 10 mentionnent un traitement arrêté).",
                "HAS / ANESM, « Dossier de liaison d'urgence (DLU) », 2015",
                "Mettre à jour le DLU à chaque modification de traitement et en vérifier l'actualité lors de chaque transfert.",
                REC, "3 mois");
        r.conclusion(
                """
                L'établissement offre un cadre de vie apprécié des résidents et des familles. Toutefois, la gouvernance documentaire est obsolète et la gestion des risques insuffisante : absence de plan bleu et défaut de déclaration des événements indésirables graves.""",
                """
                Le gestionnaire est invité à transmettre un plan d'actions dans le délai d'un mois. Un contrôle sur pièces sera réalisé à l'échéance des délais fixés.""");
        return r;
    }

    static InspectionReport roseraie() {
        InspectionReport r = new InspectionReport("documents/2023/ehpad-la-roseraie/rapport.pdf",
                "Rapport d'inspection — EHPAD La Roseraie (Montval-sur-Loire)",
                "Inspection du 2023-10-05 — contrôle de la qualité des soins et de la traçabilité — version définitive");
        r.metaTitle = "Inspection EHPAD La Roseraie 2023-10-05";
        r.created = Doc.date(2023, 12, 4);
        r.ligatures = true;
        r.contexte(
                """
                L'EHPAD La Roseraie est un établissement public rattaché au centre hospitalier de Montval-sur-Loire, d'une capacité de 110 lits, dont une unité d'hébergement renforcée (UHR) de 14 places. Il relève de la délégation départementale Ouest.""",
                """
                Le rapport d'activité médicale annuel (RAMA) transmis en 2023 faisait apparaître une hausse des escarres et des hospitalisations évitables. L'ARS a décidé un contrôle sur place le 2023-10-05, confié à Mme A. (inspectrice), M. H. (médecin inspecteur de santé publique) et Mme V. (infirmière de santé publique).""");
        r.methodologie(
                """
                Contrôle annoncé une semaine à l'avance, avec demande préalable de pièces (organigramme, plannings, protocoles de soins, RAMA, fiches de poste). Sur place, la mission a examiné vingt dossiers de soins et observé les transmissions de l'après-midi. Les entretiens ont concerné la direction déléguée, le médecin coordonnateur, le cadre de santé, quatre infirmiers et six aides-soignants.""",
                METHODE_COMMUNE);
        r.e("E1", "Coordination médicale",
                "le temps de médecin coordonnateur est de 0,5 ETP pour 110 places, inférieur au temps minimal réglementaire ; la commission de coordination gériatrique ne se réunit pas.",
                "Temps de médecin coordonnateur inférieur au minimum réglementaire ; commission de coordination gériatrique non réunie.",
                "articles D.312-156 et D.312-158 du CASF",
                "Porter le temps de médecin coordonnateur au niveau réglementaire et réunir la commission de coordination gériatrique au moins deux fois par an.",
                PRE, "6 mois");
        r.e("E2", "Traçabilité des soins",
                "les soins d'hygiène et les changements de position ne sont pas tracés pour les résidents à risque d'escarre ; les évaluations du risque (échelle de Braden) ne sont pas renseignées dans 12 dossiers sur 20.",
                "Soins de prévention des escarres non tracés ; évaluation du risque absente dans 12 dossiers sur 20.",
                "article R.4312-35 du CSP ; article D.312-158 du CASF",
                "Tracer dans le dossier de soins l'évaluation du risque d'escarre et chaque soin de prévention, et réaliser un audit de traçabilité trimestriel.",
                PRE, "3 mois");
        r.e("E3", "Traçabilité des soins",
                "la prise en charge de la douleur n'est pas évaluée de manière systématique ; aucune échelle d'hétéro-évaluation n'est utilisée pour les résidents non communicants de l'UHR.",
                "Absence d'évaluation systématique de la douleur, notamment chez les résidents non communicants.",
                "article L.1110-5 du CSP ; recommandations HAS sur l'évaluation de la douleur",
                "Mettre en place une évaluation systématique de la douleur avec une échelle adaptée (Algoplus) pour les résidents non communicants.",
                PRE, "3 mois");
        r.e("E4", "Ressources humaines",
                "le poste d'infirmier de nuit est vacant depuis quatre mois ; la continuité des soins repose sur des rappels ponctuels d'agents du centre hospitalier, sans fiche de poste ni procédure d'appel.",
                "Poste d'infirmier de nuit vacant depuis 4 mois ; continuité des soins non organisée.",
                "article L.311-3 du CASF ; article D.312-155-0 du CASF",
                "Formaliser l'organisation de la continuité des soins la nuit (astreinte, procédure d'appel) et transmettre à l'ARS le planning prévisionnel.",
                INJ, "1 mois");
        r.e("R1", "Ressources humaines",
                "le taux d'absentéisme (14 %) et le recours à l'intérim ne font pas l'objet d'un plan d'action.",
                "Absentéisme élevé (14 %) et recours à l'intérim sans plan d'action.",
                "guide ANAP « Ressources humaines en EHPAD »",
                "Élaborer un plan d'action relatif à la qualité de vie au travail et à la fidélisation des personnels.",
                REC, "12 mois");
        r.e("R2", "Coordination médicale",
                "les directives anticipées et le nom de la personne de confiance ne figurent que dans 6 dossiers sur 20.",
                "Directives anticipées et personne de confiance peu recueillies (6 dossiers sur 20).",
                "article L.311-5-1 du CASF ; RBPP HAS « Accompagner la fin de vie des personnes âgées en EHPAD »",
                "Recueillir systématiquement, à l'admission puis annuellement, la désignation de la personne de confiance et les directives anticipées.",
                REC, "6 mois");
        r.conclusion(
                """
                La mission relève l'implication des équipes mais une insuffisance de la coordination médicale et de la traçabilité des soins, qui ne permet pas de garantir l'efficacité de la prévention des escarres et de la douleur. La continuité des soins de nuit doit être sécurisée sans délai.""",
                """
                Le centre hospitalier de rattachement a fait part de son intention de mutualiser le temps de médecin coordonnateur avec un autre EHPAD de la filière ; cette solution devra respecter les temps minimaux fixés par la réglementation.""");
        return r;
    }

    static InspectionReport saintJoseph() {
        InspectionReport r = new InspectionReport("documents/2024/ehpad-saint-joseph/rapport.pdf",
                "Rapport d'inspection — EHPAD Saint-Joseph, Lanvéran",
                "Inspection inopinée du 3 avril 2024 — suite à signalement — rapport définitif");
        r.created = Doc.date(2024, 6, 28);
        r.contexte(
                """
                L'EHPAD Saint-Joseph, géré par une congrégation puis repris en 2018 par une fondation, accueille 75 résidents à Lanvéran (délégation départementale Centre).""",
                """
                Un signalement émanant de la fille d'une résidente, enregistré dans le portail de signalement le 04/03/2024, faisait état de chutes répétées non prises en charge et d'erreurs dans la distribution des médicaments. Après analyse par la cellule régionale de traitement des réclamations, une inspection inopinée a été décidée. Elle a été réalisée le 3 avril 2024 par M. C. et Mme N., inspecteurs de l'ARS, accompagnés de Mme S., pharmacienne inspectrice.""");
        r.methodologie(
                """
                Arrivée sans préavis à 7 h 15 pour observer la distribution du petit déjeuner et des traitements. La mission a examiné le plan bleu (dernière mise à jour indiquée dans le logiciel documentaire : 12/18/2023), les déclarations de chutes, dix dossiers de résidents et les procédures relatives au circuit du médicament et à la contention.""",
                METHODE_COMMUNE);
        r.e("E1", "Circuit du médicament",
                "les piluliers sont préparés par les aides-soignantes de nuit à partir d'une liste imprimée non signée ; deux erreurs de dose ont été constatées lors de la distribution observée.",
                "Préparation des piluliers par des aides-soignantes à partir d'une liste non signée ; deux erreurs de dose constatées.",
                "articles R.4311-4 et R.4311-5 du CSP ; article L.313-26 du CASF",
                "Confier la préparation des doses à administrer à un infirmier ou au pharmacien d'officine conventionné et sécuriser le support de prescription.",
                INJ, "15 jours");
        r.e("E2", "Circuit du médicament",
                "les médicaments broyés ne font l'objet d'aucune vérification de compatibilité ; la liste des médicaments ne devant pas être écrasés n'est pas disponible.",
                "Médicaments écrasés sans vérification de compatibilité.",
                "article R.4312-38 du CSP ; recommandations de l'OMéDIT",
                "Mettre à disposition des soignants la liste des médicaments ne pouvant être écrasés et faire valider chaque écrasement par le prescripteur.",
                PRE, "1 mois");
        r.e("E3", "Prévention et prise en charge des chutes",
                "les chutes sont déclarées mais ne donnent lieu à aucune analyse ; la résidente concernée par le signalement a chuté six fois en deux mois sans réévaluation médicale.",
                "Chutes répétées sans analyse ni réévaluation médicale.",
                "article L.311-3 (1°) du CASF ; article D.312-158 du CASF",
                "Mettre en place une analyse systématique des chutes et une réévaluation médicale après toute chute répétée.",
                PRE, "3 mois");
        r.e("E4", "Prévention et prise en charge des chutes",
                "une barrière de lit bilatérale et un drap de maintien sont utilisés la nuit pour deux résidentes sans prescription médicale.",
                "Contention nocturne sans prescription médicale (2 résidentes).",
                "article L.311-4-1 du CASF ; recommandations HAS sur la contention physique",
                "Faire cesser immédiatement toute contention sans prescription et formaliser un protocole de contention.",
                INJ, "Immédiat");
        r.e("E5", "Gestion de crise",
                "le plan bleu ne comporte pas les modalités de rappel du personnel ni la convention avec l'établissement de santé de proximité.",
                "Plan bleu incomplet (rappel du personnel, convention avec l'établissement de santé).",
                "article D.312-160 du CASF",
                "Compléter le plan bleu et le transmettre à l'ARS.",
                PRE, "3 mois");
        r.e("R1", "Information des familles",
                "les familles ne sont pas informées systématiquement des chutes de leur proche.",
                "Information non systématique des familles après une chute.",
                "RBPP ANESM « Qualité de vie en EHPAD » (volet 4)",
                "Formaliser l'information de la personne de confiance ou de la famille après chaque chute.",
                REC, "6 mois");
        r.e("R2", "Information des familles",
                "le livret d'accueil n'a pas été mis à jour depuis la reprise par la fondation.",
                "Livret d'accueil non mis à jour depuis 2018.",
                "article L.311-4 du CASF",
                "Mettre à jour le livret d'accueil.",
                REC, "6 mois");
        r.conclusion(
                """
                Les faits signalés sont en partie confirmés : la prise en charge des chutes et le circuit du médicament présentent des défaillances qui exposent les résidents à un risque. Une inspection de suivi pourra être programmée en 2025.""");
        return r;
    }

    static InspectionReport glycines() {
        InspectionReport r = new InspectionReport("documents/2024/ehpad-les-glycines/rapport.pdf",
                "Rapport d'inspection — EHPAD Les Glycines, Pont-d'Arvel",
                "Inspection sur place du 17 septembre 2024 — contrôle des droits des usagers et de la bientraitance");
        r.metaTitle = "EHPAD Les Glycines - rapport d'inspection définitif";
        r.created = Doc.date(2024, 11, 29);
        r.contexte(
                """
                L'EHPAD Les Glycines est un établissement privé associatif de 58 places situé à Pont-d'Arvel (délégation départementale Nord-Ouest). Il a connu trois changements de direction depuis 2022.""",
                """
                Dans le cadre de la campagne nationale de contrôle des EHPAD, l'établissement a été inscrit au programme 2024. L'inspection a été réalisée le 17 septembre 2024 par Mme J. et M. O., inspecteurs de l'ARS.""");
        r.methodologie(
                """
                Inspection annoncée quinze jours à l'avance, avec questionnaire préalable. La mission a consulté les contrats de séjour, le règlement de fonctionnement, les comptes rendus du CVS, le registre des réclamations, le plan de formation et les déclarations d'événements indésirables. Elle a rencontré la directrice par intérim, l'IDEC, le président du CVS et cinq résidents.""",
                METHODE_COMMUNE);
        r.e("E1", "Direction et gouvernance",
                "la directrice par intérim ne dispose pas du niveau de qualification requis et aucune délégation de compétences n'a été formalisée par l'organisme gestionnaire.",
                "Qualification de la direction non conforme ; absence de document unique de délégation.",
                "articles D.312-176-5 et D.312-176-6 du CASF",
                "Transmettre à l'ARS le document unique de délégation et le calendrier de recrutement d'un directeur qualifié.",
                PRE, "3 mois");
        r.e("E2", "Droits des usagers",
                "les contrats de séjour examinés ne sont pas signés par le résident ou son représentant dans 9 cas sur 15 et ne comportent pas d'annexe tarifaire à jour.",
                "Contrats de séjour non signés (9 sur 15) et sans annexe tarifaire à jour.",
                "article L.311-4 du CASF",
                "Faire signer les contrats de séjour et actualiser l'annexe tarifaire.",
                PRE, "3 mois");
        r.e("E3", "Droits des usagers",
                "le courrier des résidents est ouvert par le secrétariat « pour les aider » sans leur accord.",
                "Ouverture du courrier des résidents sans leur accord.",
                "article L.311-3 (1°) du CASF (respect de la vie privée et de l'intimité)",
                "Mettre fin immédiatement à l'ouverture du courrier des résidents sans leur accord écrit.",
                INJ, "Immédiat");
        r.e("E4", "Bientraitance",
                "aucune formation à la bientraitance n'a été dispensée depuis 2021 et la procédure de signalement des situations de maltraitance n'est pas connue des équipes de nuit.",
                "Absence de formation à la bientraitance depuis 2021 ; procédure de signalement méconnue la nuit.",
                "article L.311-8 du CASF ; article L.331-8-1 du CASF",
                "Mettre en place une formation à la bientraitance pour l'ensemble des personnels, y compris de nuit, et afficher la procédure de signalement.",
                PRE, "6 mois");
        r.e("R1", "Vie sociale",
                "les animations sont concentrées sur trois après-midi par semaine ; aucune activité n'est proposée le week-end.",
                "Absence d'animation le week-end.",
                "article D.312-155-0 du CASF ; RBPP ANESM « Qualité de vie en EHPAD » (volet 3)",
                "Proposer des activités adaptées le week-end, en lien avec les bénévoles et les familles.",
                REC, "6 mois");
        r.e("R2", "Vie sociale",
                "le CVS se réunit régulièrement mais ses comptes rendus ne sont pas affichés.",
                "Comptes rendus du CVS non affichés.",
                "article D.311-20 du CASF",
                "Afficher les comptes rendus du CVS et les diffuser aux familles.",
                REC, "3 mois");
        r.conclusion(
                """
                L'instabilité de la direction pèse sur le fonctionnement de l'établissement. Les atteintes constatées aux droits des résidents appellent des mesures rapides, notamment l'arrêt immédiat de l'ouverture du courrier.""");
        return r;
    }
}
