package fr.capsules.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a capsule of synthetic French Markdown documents for the benchmarks: {@code documents}
 * files of {@code sections} sections each, every section one passage (headings close passages),
 * so {@code documents × sections} passages in all. Words follow a Zipf law over a vocabulary of
 * common administrative words followed by a long tail of generated ones (place and establishment
 * names), as in real text, where a question's rarer words narrow the search. Seeded: the same
 * capsule every run.
 */
final class SyntheticCapsule {

    static final List<String> WORDS = List.of(
            "réclamation", "usager", "établissement", "délai", "accusé", "réception", "réponse", "directeur",
            "inspection", "EHPAD", "résident", "famille", "signalement", "maltraitance", "médicament", "contention",
            "prescription", "injonction", "recommandation", "conseil", "départemental", "délégation", "siège",
            "procédure", "registre", "traçabilité", "soins", "infirmier", "nuit", "effectif", "projet", "plan",
            "bleu", "canicule", "vaccination", "hygiène", "cuisine", "alimentation", "chute", "dossier", "médical",
            "consentement", "personne", "confiance", "directives", "anticipées", "commission", "usagers", "qualité",
            "risques", "événement", "indésirable", "grave", "déclaration", "contrôle", "visite", "rapport", "mesure",
            "écart", "remarque", "article", "code", "santé", "publique", "action", "sociale", "familles", "arrêté",
            "circulaire", "instruction", "formation", "personnel", "astreinte", "permanence", "courrier", "modèle");

    private static final List<String> SYLLABES = List.of(
            "ber", "mont", "ville", "lac", "cour", "val", "ro", "sain", "ma", "lin", "tour", "gne", "char", "pré", "bois",
            "la", "ne", "fon", "tai", "ri", "vi", "pon", "sa", "lo", "mé", "dan", "gre", "cé", "bel", "roche");
    private static final List<String> VOCABULARY = vocabulary(3000);
    private static final double[] ZIPF = zipf(VOCABULARY.size(), 1.0);

    private SyntheticCapsule() {}

    private static List<String> vocabulary(int size) {
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>(WORDS);
        Random random = new Random(1);
        while (words.size() < size) {
            StringBuilder word = new StringBuilder();
            for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
                word.append(SYLLABES.get(random.nextInt(SYLLABES.size())));
            }
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    private static double[] zipf(int size, double exponent) {
        double[] cumulative = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += 1.0 / Math.pow(i + 1, exponent);
            cumulative[i] = total;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= total;
        }
        return cumulative;
    }

    private static String word(Random random) {
        int index = java.util.Arrays.binarySearch(ZIPF, random.nextDouble());
        return VOCABULARY.get(index < 0 ? Math.min(-index - 1, VOCABULARY.size() - 1) : index);
    }

    static Path write(Path catalog, String id, int documents, int sections) throws IOException {
        Path folder = catalog.resolve(id);
        Path docs = folder.resolve("documents");
        Files.createDirectories(docs);
        Files.writeString(folder.resolve("capsule.yaml"), """
                id: %s
                name: Capsule de mesure
                purpose: Mesurer le coût du service hors modèle.
                referent: Banc d'essai
                scope:
                  generic: true
                kind: chat
                retrieval:
                  topK: 6
                  minCoverage: 0.3
                """.formatted(id));
        Random random = new Random(42);
        for (int d = 0; d < documents; d++) {
            StringBuilder text = new StringBuilder("# Note de service n° ").append(d).append("\n\n");
            for (int s = 0; s < sections; s++) {
                text.append("## Point ").append(s).append(" : ").append(sentence(random, 4)).append("\n\n");
                for (int k = 0; k < 4; k++) {
                    text.append(sentence(random, 12)).append(' ');
                }
                text.append("\n\n");
            }
            Files.writeString(docs.resolve(String.format("note-%04d.md", d)), text.toString());
        }
        return folder;
    }

    static String sentence(Random random, int words) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = word(random);
            sentence.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
        }
        return sentence.toString().strip() + ".";
    }
}
