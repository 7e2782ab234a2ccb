package fr.capsules.ingest.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic, realistic French notes of a regional health agency (inspection reports, visit
 * reports, complaints, service notes), seeded: the same seed gives the same texts. Each note has a
 * title line, a place-and-date line in one of the usual forms, a reference, and four to nine
 * paragraphs of two to five sentences drawn from phrase pools with varying names, figures and
 * dates, so that no two notes share their content.
 */
final class FrenchNotes {

    private static final String[] KINDS = {
        "Rapport d'inspection", "Compte rendu de visite", "Note de service", "Signalement",
        "Réclamation", "Note d'information", "Compte rendu de réunion", "Rapport de contrôle",
    };
    private static final String[] PLACES = {
        "EHPAD Les Tilleuls", "EHPAD Résidence du Parc", "Centre hospitalier de Douai",
        "Clinique Saint-Joseph", "Résidence Le Clos Fleuri", "Foyer d'accueil médicalisé Les Peupliers",
        "Maison d'accueil spécialisée La Source", "Centre hospitalier de Cambrai", "EHPAD Notre-Dame",
        "Service de soins infirmiers à domicile du Cambrésis", "Institut médico-éducatif Les Hirondelles",
        "Centre de santé municipal", "Pharmacie de la Gare", "Laboratoire de biologie médicale du Nord",
    };
    private static final String[] TOWNS = {
        "Lille", "Douai", "Cambrai", "Valenciennes", "Arras", "Lens", "Béthune", "Amiens", "Beauvais",
        "Saint-Quentin", "Calais", "Boulogne-sur-Mer", "Dunkerque", "Maubeuge", "Roubaix", "Tourcoing",
    };
    private static final String[] MONTHS = {
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    };
    private static final String[] HEADINGS = {
        "Constats", "Recommandations", "Contexte", "Organisation des soins", "Circuit du médicament",
        "Prévention des chutes", "Plan bleu", "Hygiène et prévention des infections", "Ressources humaines",
        "Qualité de l'eau", "Suites à donner", "Droits des usagers",
    };
    private static final String[] SENTENCES = {
        "Lors de la visite du %s, l'équipe d'inspection a constaté que %d résidents sur %d disposaient d'un plan de soins à jour.",
        "Le circuit du médicament n'est pas sécurisé : les piluliers sont préparés %d jours à l'avance sans double contrôle.",
        "La direction indique que %d postes d'aide-soignant restent vacants depuis le %s.",
        "Le plan bleu a été actualisé le %s ; il ne précise pas les modalités de rafraîchissement des chambres.",
        "Les déclarations d'événements indésirables graves (%d en %d) ont été transmises dans les délais.",
        "Il est recommandé de formaliser la procédure de contention et de tracer chaque prescription médicale.",
        "La température relevée dans la salle commune atteignait %d °C lors de l'épisode de canicule.",
        "Les familles rencontrées (%d) expriment une satisfaction globale, nuancée par le manque de personnel la nuit.",
        "Le médecin coordonnateur est présent %d demi-journées par semaine, en deçà de l'obligation réglementaire.",
        "Une réclamation du %s porte sur la prise en charge de la douleur d'une résidente de %d ans.",
        "L'établissement doit transmettre sous %d jours un plan d'actions assorti d'un calendrier.",
        "Aucune non-conformité n'a été relevée sur la traçabilité des dispositifs médicaux.",
        "Les analyses de légionelles du %s dépassent le seuil de %d UFC/L sur le réseau d'eau chaude.",
        "La commission de coordination gériatrique s'est réunie %d fois en %d, conformément à l'article D. 312-158 du CASF.",
        "Le taux de couverture vaccinale contre la grippe atteint %d %% chez les professionnels.",
        "Les chutes (%d déclarées depuis le %s) font l'objet d'une analyse collective mensuelle.",
        "Le registre des plaintes et réclamations n'est pas tenu à jour depuis %d mois.",
        "L'inspection recommande de revoir l'organisation des transmissions entre les équipes de jour et de nuit.",
        "Le projet d'établissement, adopté le %s, arrive à échéance ; sa révision doit associer le conseil de la vie sociale.",
        "Une formation à la bientraitance a été suivie par %d agents sur un effectif de %d.",
        "La pharmacie à usage intérieur assure la dispensation nominative pour %d lits.",
        "Le signalement reçu le %s a été transmis au procureur de la République et au conseil départemental.",
        "Les locaux de stockage des déchets d'activités de soins à risques infectieux ne sont pas fermés à clé.",
        "Le délai moyen d'attente aux urgences était de %d minutes au cours du dernier trimestre.",
    };

    private final Random random;
    private int serial;

    FrenchNotes(long seed) {
        this.random = new Random(seed);
    }

    /** One note: title, place and date, reference, then paragraphs separated by blank lines. */
    String next() {
        serial++;
        StringBuilder note = new StringBuilder(2048);
        String place = pick(PLACES);
        String town = pick(TOWNS);
        note.append(pick(KINDS)).append(" — ").append(place).append(" (").append(town).append(")\n\n");
        note.append(switch (random.nextInt(4)) {
            case 0 -> "Fait à " + town + ", le " + longDate();
            case 1 -> "Date de la visite : " + numericDate();
            case 2 -> "Inspection du " + longDate();
            default -> town + ", le " + numericDate();
        }).append('\n');
        note.append("Réf. ARS-HDF-").append(2020 + random.nextInt(6)).append('-').append(String.format("%05d", serial))
                .append("\n\n");
        int paragraphs = 4 + random.nextInt(6);
        for (int p = 0; p < paragraphs; p++) {
            if (random.nextInt(3) == 0) {
                note.append(pick(HEADINGS)).append(" :\n");
            }
            int sentences = 2 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    note.append(random.nextInt(3) == 0 ? "\n" : " ");
                }
                note.append(sentence());
            }
            note.append("\n\n");
        }
        note.append("Le référent : ").append(pick(new String[] {"Mme Martin", "M. Dubois", "Dr Lefebvre", "Mme Leroy"}))
                .append('\n');
        return note.toString();
    }

    List<String> next(int count) {
        List<String> notes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            notes.add(next());
        }
        return notes;
    }

    private String sentence() {
        String template = pick(SENTENCES);
        List<Object> values = new ArrayList<>();
        int at = 0;
        while ((at = template.indexOf('%', at)) >= 0 && at + 1 < template.length()) {
            char kind = template.charAt(at + 1);
            if (kind == 'd') {
                values.add(1 + random.nextInt(120));
            } else if (kind == 's') {
                values.add(random.nextBoolean() ? longDate() : numericDate());
            }
            at += 2;
        }
        return template.formatted(values.toArray());
    }

    private String longDate() {
        return (1 + random.nextInt(28)) + " " + pick(MONTHS) + " " + (2019 + random.nextInt(7));
    }

    private String numericDate() {
        return String.format("%02d/%02d/%d", 1 + random.nextInt(28), 1 + random.nextInt(12), 2019 + random.nextInt(7));
    }

    private String pick(String[] pool) {
        return pool[random.nextInt(pool.length)];
    }
}
