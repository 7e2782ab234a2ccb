import java.util.List;

/** Binary documents of the "charte-ia" capsule. All content is invented. */
final class CharteIa {
    private CharteIa() {}

    static List<Doc> docs() {
        return List.of(charte(), donnees());
    }

    static Doc charte() {
        Doc d = new Doc("documents/charte/charte-utilisation-ia-generative.pdf",
                "Charte d'utilisation de l'intelligence artificielle générative")
                .subtitle("Adoptée par le comité de direction le 20 mars 2025 — applicable à compter du 1er avril 2025")
                .header("ARS — Secrétariat général — Délégué à la protection des données")
                .footer("Charte IA générative — version 1.0")
                .meta("Charte d'utilisation de l'IA générative - ARS", "Secrétariat général", Doc.date(2025, 3, 20))
                .hyphenate();
        d.h1("Préambule");
        d.p("""
            Les outils d'intelligence artificielle générative peuvent aider les agents à rédiger, résumer,
            rechercher dans des documents ou préparer des tableaux. Ils peuvent aussi produire des contenus
            inexacts présentés avec assurance, omettre une négation qui inverse le sens d'une phrase, sortir une
            citation de son contexte ou exposer des données personnelles. La présente charte fixe les règles qui
            permettent d'en tirer parti sans renoncer à la qualité du service public ni à la confidentialité des
            données de santé que l'agence traite.""");
        d.p("""
            Le principe directeur est simple : l'IA est un outil qui aide, pas un outil qui fait le travail à
            la place de l'agent. L'agent reste l'auteur de ce qu'il produit et en porte la responsabilité.""");
        d.h1("1. Champ d'application");
        d.p("""
            La charte s'applique à toute personne travaillant pour l'agence, au siège et dans les délégations
            départementales : agents titulaires et contractuels, stagiaires, apprentis, prestataires et personnels
            mis à disposition. Elle couvre l'usage de tout outil d'IA générative, qu'il soit fourni par l'agence ou
            accessible librement sur internet.""");
        d.h1("2. Outils autorisés");
        d.p("""
            L'outil interne Capsules, hébergé sur les serveurs de l'agence et fonctionnant avec un modèle exécuté
            localement, est le seul outil d'IA générative autorisé pour travailler sur des documents internes.
            Aucune donnée saisie dans Capsules ne quitte l'infrastructure de l'agence.""");
        d.p("""
            Les outils d'IA générative grand public accessibles sur internet ne peuvent être utilisés que pour des
            tâches portant exclusivement sur des informations publiques (reformuler un texte déjà publié, obtenir
            une explication générale, traduire une page d'un site officiel). Leur usage est interdit pour tout
            contenu interne, même partiel.""");
        d.h1("3. Données interdites dans les outils externes");
        d.p("Il est strictement interdit de saisir, copier ou téléverser dans un outil d'IA externe :");
        d.bullets(
                "toute donnée nominative ou permettant d'identifier une personne (nom, adresse, numéro de sécurité sociale, date de naissance, numéro de dossier) ;",
                "toute donnée de santé, y compris sous une forme que l'agent croit anonyme (pathologie rare, établissement et date) ;",
                "les courriers de réclamants, les signalements, les rapports d'inspection et leurs annexes non publiés ;",
                "les documents de travail internes, notes, comptes rendus et projets de décision ;",
                "les identifiants, mots de passe, adresses de serveurs ou toute information relative à la sécurité des systèmes d'information.");
        d.p("""
            Le simple retrait du nom ne suffit pas à anonymiser une donnée de santé : une combinaison d'éléments
            (âge, commune, établissement, date d'un événement) peut suffire à réidentifier une personne.""");
        d.h1("4. Validation humaine obligatoire");
        d.p("""
            Tout contenu produit avec l'aide de l'IA (texte, tableau, synthèse) est un projet. Avant toute
            utilisation dans un livrable (courrier, rapport, tableau de mesures, note), il doit être relu
            intégralement et validé par un agent nommément identifié. La validation porte sur l'exactitude des
            faits, des références juridiques, des chiffres et du sens des phrases, en particulier des négations.
            Les références juridiques proposées par l'IA sont systématiquement vérifiées sur Légifrance.""");
        d.p("""
            Aucune décision individuelle produisant des effets juridiques à l'égard d'une personne ne peut être
            prise sur le seul fondement d'un traitement automatisé (article 22 du RGPD). L'IA ne qualifie pas une
            situation de maltraitance, ne fixe pas la nature d'une mesure d'inspection et ne décide pas de la
            suite donnée à une réclamation : elle propose, l'agent décide.""");
        d.h1("5. Mention « Généré par IA — à vérifier »");
        d.p("""
            Tout contenu généré porte la mention visible « Généré par IA — à vérifier » tant qu'il n'a pas été
            validé. Cette mention ne peut être retirée que par l'agent qui valide, au moment de la validation.
            L'outil Capsules conserve la version générée et la version validée, l'identité du validateur et la
            date de validation. Les courriers et rapports envoyés à l'extérieur ne portent pas cette mention après
            validation, mais l'usage de l'IA est tracé dans le dossier.""");
        d.h1("6. Référents IA et capsules");
        d.p("""
            Les capsules sont des assistants spécialisés, alimentés par des documents internes et réservés à un
            service ou ouverts à tous. Elles sont créées et tenues à jour par des référents IA volontaires, désignés
            par leur directeur après une formation de deux jours. Chaque capsule est inscrite au registre des usages
            de l'IA tenu par le délégué à la protection des données (DPO). Le référent teste la capsule sur des
            questions de référence avant publication et la revoit au moins une fois par an.""");
        d.h1("7. Incidents");
        d.p("""
            Tout agent qui constate ou commet une saisie de données personnelles dans un outil externe, ou qui
            observe une réponse exposant des données d'une autre capsule ou d'un autre service, le signale au DPO
            dans les 24 heures (dpo@ars.example.fr). Le DPO apprécie la nécessité d'une notification à la CNIL,
            qui doit intervenir dans les 72 heures après la prise de connaissance d'une violation de données
            (article 33 du RGPD). Le signalement de bonne foi n'expose son auteur à aucune sanction.""");
        d.h1("8. Traçabilité et conservation");
        d.p("""
            Les questions posées aux capsules, les sources citées, le modèle utilisé, les validations et les exports
            sont journalisés. Le journal est conservé douze mois ; il est accessible au DPO, au responsable de la
            sécurité des systèmes d'information et, pour leurs capsules, aux référents, sous forme agrégée. Ces
            données servent aussi à mesurer l'utilité réelle des capsules : un faible usage est un résultat
            légitime qui peut conduire à retirer une capsule.""");
        d.h1("9. Sanctions et entrée en vigueur");
        d.p("""
            Le non-respect de la charte peut donner lieu à une suspension de l'accès aux outils et, le cas échéant,
            à des poursuites disciplinaires. La charte est annexée au règlement intérieur ; elle entre en vigueur le
            1er avril 2025 et sera réexaminée un an après son entrée en vigueur.""");
        return d;
    }

    static Doc donnees() {
        Doc d = new Doc("documents/donnees/regles-protection-donnees-ia.docx",
                "Protection des données personnelles et de santé dans l'usage de l'IA")
                .subtitle("Fiche du délégué à la protection des données — 2025-03-20")
                .noMetaTitle("DPO", Doc.date(2025, 3, 20));
        d.h1("1. Cadre juridique");
        d.p("""
            Les données de santé sont des données sensibles au sens de l'article 9 du règlement général sur la
            protection des données (RGPD) : leur traitement est interdit sauf exceptions, dont les missions d'intérêt
            public de l'agence. Tout nouvel usage (par exemple l'indexation de documents dans une capsule) doit être
            compatible avec la finalité pour laquelle les données ont été collectées et inscrit au registre des
            traitements.""");
        d.h1("2. Minimisation et pseudonymisation");
        d.h2("2.1 Avant de téléverser un document dans une capsule");
        d.p("""
            Le référent IA vérifie que le document est nécessaire à la capsule. Les noms des usagers, résidents,
            patients et réclamants sont remplacés par des initiales ou par un code (« Mme A. », « résident n° 3 »).
            Les noms des professionnels des structures contrôlées sont remplacés par leur fonction (« la
            directrice », « l'IDEC »). Les inspecteurs de l'agence sont désignés par leurs initiales.""");
        d.h2("2.2 Pseudonymisation à l'ingestion");
        d.p("""
            Capsules peut remplacer automatiquement, lors de l'ingestion, les noms, numéros de téléphone, adresses
            électroniques et numéros de sécurité sociale repérés dans les documents. Cette fonction est une aide :
            elle ne dispense pas le référent du contrôle préalable, car elle ne repère pas tout (surnoms, noms
            rares, initiales suivies d'une date de naissance).""");
        d.h2("2.3 Différence entre pseudonymisation et anonymisation");
        d.p("""
            Une donnée pseudonymisée reste une donnée personnelle : la réidentification est possible avec des
            informations complémentaires. Seule une anonymisation irréversible fait sortir la donnée du champ du
            RGPD ; elle est rarement atteinte pour des documents de réclamation ou d'inspection.""");
        d.h1("3. Ce qui peut aller où");
        d.p("Le tableau ci-dessous résume les règles ; la colonne « Outil externe grand public » est fusionnée sur les catégories interdites.");
        d.table(new double[] {2, 2.6, 1.8, 2.2},
                List.of(new Doc.Merge(1, 2, 4, 1)),
                new String[] {"Catégorie", "Exemples", "Outil externe grand public", "Capsules (outil interne)"},
                new String[] {"Données de santé", "Diagnostic, traitement, hospitalisation d'un résident", "Interdit", "Autorisé, pseudonymisé, capsule de service uniquement"},
                new String[] {"Données nominatives", "Nom d'un réclamant, adresse, n° de sécurité sociale", "", "Autorisé si nécessaire, pseudonymisé à l'ingestion"},
                new String[] {"Documents internes non publiés", "Rapport d'inspection, compte rendu, projet de courrier", "", "Autorisé dans la capsule du service concerné"},
                new String[] {"Informations de sécurité", "Mots de passe, adresses de serveurs", "", "Interdit"},
                new String[] {"Informations publiques", "Texte publié au Journal officiel, page d'un site officiel", "Autorisé", "Autorisé"});
        d.h1("4. Droits des personnes");
        d.p("""
            Les personnes dont les données figurent dans les documents conservent leurs droits d'accès, de
            rectification et d'opposition. Une demande portant sur une capsule est transmise au DPO, qui identifie
            les documents concernés avec le référent ; un document retiré d'une capsule est supprimé de son index.""");
        d.h1("5. Contacts");
        d.p("Délégué à la protection des données : dpo@ars.example.fr. Responsable de la sécurité des systèmes d'information : rssi@ars.example.fr.");
        return d;
    }
}
