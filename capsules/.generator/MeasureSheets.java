import java.util.List;

/** Three historical measure tables kept in Excel (the "mesures-inspection" capsule). Invented content. */
final class MeasureSheets {
    private MeasureSheets() {}

    static final String INJ = "injonction", PRE = "prescription", REC = "recommandation";

    static MeasureSheet.Item i(String n, String theme, String constat, String type, String ref, String mesure, String nature, String delai) {
        return new MeasureSheet.Item(n, theme, constat, type, ref, mesure, nature, delai);
    }

    static List<MeasureSheet> sheets() {
        return List.of(hortensias(), bellevue(), moulin());
    }

    static MeasureSheet hortensias() {
        return new MeasureSheet("documents/tableaux/2022-ehpad-les-hortensias-mesures.xlsx",
                "Tableau des mesures — Inspection de l'EHPAD Les Hortensias (Coudray-les-Vignes)",
                new String[][] {{"Date de l'inspection", null}, {"Inspecteurs", "Mme E., M. W."},
                        {"Délégation", "Délégation départementale Sud"}},
                Doc.date(2022, 3, 22),
                List.of(
                        i("E1", "Circuit du médicament", "Armoire à pharmacie non fermée à clé dans l'unité protégée", "écart", "article R.5132-80 du CSP", "Sécuriser le stockage des médicaments par une armoire fermant à clé dont l'accès est réservé aux infirmiers.", INJ, "Immédiat"),
                        i("E2", "Circuit du médicament", "Absence de double contrôle lors de la préparation des piluliers", "écart", "article R.4311-5 du CSP", "Mettre en place un double contrôle tracé de la préparation des piluliers.", PRE, "1 mois"),
                        i("R1", "Circuit du médicament", "Absence de liste des médicaments à ne pas écraser", "remarque", "recommandations OMéDIT", "Diffuser aux équipes la liste des médicaments ne pouvant être écrasés.", REC, "3 mois"),
                        i("E3", "Droits des usagers", "Règlement de fonctionnement non révisé depuis 2015", "écart", "article R.311-33 du CASF", "Réviser le règlement de fonctionnement après consultation du CVS et le transmettre à l'ARS.", PRE, "6 mois"),
                        i("E4", "Droits des usagers", "CVS réuni deux fois en 2021", "écart", "article D.311-16 du CASF", "Réunir le CVS au moins trois fois par an.", PRE, "6 mois"),
                        i("R2", "Droits des usagers", "Personne de confiance non recueillie pour un tiers des résidents", "remarque", "article L.311-5-1 du CASF", "Recueillir la désignation de la personne de confiance à l'admission.", REC, "6 mois"),
                        i("E5", "Sécurité des résidents", "Une seule aide-soignante de nuit pour 45 résidents dont 12 en unité protégée", "écart", "article L.311-3 du CASF", "Renforcer l'équipe de nuit afin qu'un agent soit affecté en permanence à l'unité protégée.", INJ, "1 mois"),
                        i("E6", "Sécurité des résidents", "Contention au fauteuil sans prescription médicale (2 résidents)", "écart", "article L.311-4-1 du CASF", "Faire cesser les contentions non prescrites et faire réévaluer chaque contention par un médecin.", INJ, "Immédiat"),
                        i("R3", "Sécurité des résidents", "Fugues non analysées", "remarque", "RBPP ANESM « Qualité de vie en EHPAD » (volet 2)", "Analyser chaque fugue et adapter le projet personnalisé.", REC, "6 mois"),
                        i("E7", "Gestion des risques", "Plan bleu non actualisé depuis 2019", "écart", "article D.312-160 du CASF", "Actualiser le plan bleu et le transmettre à l'ARS.", PRE, "3 mois"),
                        i("R4", "Gestion des risques", "Pas de CREX sur les événements indésirables", "remarque", "guide HAS « Mettre en œuvre la gestion des risques associés aux soins »", "Organiser un retour d'expérience trimestriel sur les événements indésirables.", REC, "6 mois"),
                        i("R5", "Ressources humaines", "Entretiens professionnels non réalisés", "remarque", "code du travail, article L.6315-1", "Réaliser les entretiens professionnels et en tenir un suivi.", REC, "12 mois")));
    }

    static MeasureSheet bellevue() {
        return new MeasureSheet("documents/tableaux/2023-ehpad-residence-bellevue-mesures.xlsx",
                "EHPAD Résidence Bellevue — Saint-Clair-du-Mont — mesures correctives",
                new String[][] {{"Date de l'inspection", "2023-06-21"}, {"Motif", "Réclamations répétées (repas, hygiène)"},
                        {"Inspecteurs", "M. Q., Mme Y."}},
                null,
                List.of(
                        i("E1", "Hygiène et soins", "Toilettes non réalisées ou partielles faute de personnel le week-end", "écart", "article L.311-3 du CASF ; article D.312-155-0 du CASF", "Garantir la réalisation des soins d'hygiène 7 jours sur 7 en adaptant les plannings du week-end.", INJ, "1 mois"),
                        i("E2", "Hygiène et soins", "Traçabilité des soins d'hygiène absente", "écart", "article R.4312-35 du CSP", "Tracer les soins d'hygiène dans le dossier de soins informatisé.", PRE, "3 mois"),
                        i("R1", "Hygiène et soins", "Protocole de prévention des escarres ancien (2016)", "remarque", "recommandations HAS « Escarres »", "Actualiser le protocole de prévention des escarres.", REC, "6 mois"),
                        i("E3", "Restauration et nutrition", "Absence de suivi du poids mensuel pour 40 % des résidents", "écart", "article D.312-158 du CASF", "Mettre en place une pesée mensuelle tracée et un dépistage de la dénutrition.", PRE, "1 mois"),
                        i("E4", "Restauration et nutrition", "Jeûne nocturne supérieur à 12 heures", "écart", "article D.312-155-0 du CASF", "Proposer une collation nocturne afin de réduire le jeûne nocturne à moins de 12 heures.", PRE, "3 mois"),
                        i("R2", "Restauration et nutrition", "Commission des menus non réunie", "remarque", "RBPP ANESM « Qualité de vie en EHPAD » (volet 3)", "Réunir une commission des menus associant résidents et familles.", REC, "6 mois"),
                        i("E5", "Droits des usagers", "Réclamations des familles sans réponse écrite", "écart", "article L.311-3 du CASF", "Répondre par écrit à chaque réclamation et tenir un registre.", PRE, "3 mois"),
                        i("R3", "Droits des usagers", "Coordonnées des personnes qualifiées non affichées", "remarque", "article L.311-5 du CASF", "Afficher les coordonnées des personnes qualifiées dans le hall d'accueil.", REC, "1 mois"),
                        i("E6", "Organisation médicale", "Absence de médecin coordonnateur depuis 8 mois", "écart", "article D.312-156 du CASF", "Recruter un médecin coordonnateur et transmettre à l'ARS le calendrier de recrutement.", INJ, "1 mois"),
                        i("R4", "Organisation médicale", "RAMA non établi", "remarque", "article D.312-158 (10°) du CASF", "Établir le rapport d'activité médicale annuel.", REC, "6 mois"),
                        i("R5", "Organisation médicale", "DLU non renseignés", "remarque", "HAS / ANESM « Dossier de liaison d'urgence »", "Renseigner le DLU pour chaque résident et le mettre à jour.", REC, "3 mois")));
    }

    static MeasureSheet moulin() {
        return new MeasureSheet("documents/tableaux/2024/tableau-mesures.xlsx",
                "Inspection EHPAD Le Moulin de Vaux — tableau de suivi des mesures",
                new String[][] {{"Date de l'inspection", "12/02/2024"}, {"Établissement", "EHPAD Le Moulin de Vaux, Vaux-sur-Ardelle (70 places)"},
                        {"Inspecteurs", "Mme U., M. X."}},
                null,
                List.of(
                        i("E1", "Gouvernance", "Projet d'établissement expiré depuis 2020", "écart", "article L.311-8 du CASF", "Actualiser le projet d'établissement et le transmettre à l'ARS.", PRE, "6 mois"),
                        i("E2", "Gouvernance", "Évaluation de la qualité non réalisée", "écart", "article L.312-8 du CASF", "Transmettre à l'ARS le calendrier de réalisation de l'évaluation de la qualité.", PRE, "3 mois"),
                        i("R1", "Gouvernance", "Organigramme non diffusé aux équipes", "remarque", "RBPP ANESM « Mission du responsable d'établissement »", "Diffuser l'organigramme à jour aux équipes.", REC, "3 mois"),
                        i("E3", "Sécurité", "Absence de procédure de signalement des événements indésirables graves", "écart", "article L.331-8-1 du CASF", "Formaliser et diffuser la procédure de déclaration des EIG à l'ARS.", PRE, "1 mois"),
                        i("E4", "Sécurité", "Portes de l'unité protégée non sécurisées (code affiché)", "écart", "article L.311-3 du CASF", "Sécuriser l'accès de l'unité protégée.", INJ, "15 jours"),
                        i("E5", "Sécurité", "Légionelles : absence de carnet sanitaire", "écart", "arrêté du 1er février 2010 relatif à la surveillance des légionelles", "Mettre en place le carnet sanitaire et réaliser les analyses réglementaires.", INJ, "1 mois"),
                        i("R2", "Sécurité", "Exercices d'évacuation non réalisés la nuit", "remarque", "bonnes pratiques de gestion des risques", "Organiser un exercice d'évacuation de nuit par an.", REC, "12 mois"),
                        i("E6", "Soins", "Contention sans prescription (1 résident)", "écart", "article L.311-4-1 du CASF", "Supprimer la contention non prescrite et mettre en place le protocole de contention.", INJ, "Immédiat"),
                        i("E7", "Soins", "Traçabilité de l'administration des médicaments incomplète", "écart", "article R.4312-35 du CSP", "Tracer chaque administration en temps réel.", PRE, "1 mois"),
                        i("R3", "Soins", "Évaluation de la douleur non systématique", "remarque", "recommandations HAS sur la douleur", "Utiliser une échelle d'évaluation de la douleur adaptée.", REC, "6 mois"),
                        i("R4", "Vie sociale", "Sorties extérieures rares", "remarque", "RBPP ANESM « Qualité de vie en EHPAD » (volet 3)", "Programmer des sorties extérieures mensuelles.", REC, "6 mois"),
                        i("E8", "Vie sociale", "CVS non installé après le renouvellement", "écart", "article D.311-4 du CASF", "Organiser les élections et installer le CVS.", PRE, "3 mois"),
                        i("R5", "Vie sociale", "Comptes rendus du CVS non transmis aux familles", "remarque", "article D.311-20 du CASF", "Transmettre les comptes rendus du CVS aux familles.", REC, "3 mois"),
                        i("R6", "Vie sociale", "Pas de questionnaire de satisfaction", "remarque", "RBPP ANESM « La bientraitance »", "Réaliser une enquête de satisfaction annuelle.", REC, "12 mois")));
    }
}
