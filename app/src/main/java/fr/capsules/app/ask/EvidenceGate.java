package fr.capsules.app.ask;

import fr.capsules.ingest.analysis.IndexTerms;
import fr.capsules.ingest.index.PassageHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether the passages retrieved for a question support an answer, from calibrated evidence
 * rather than from one word-overlap floor (docs/ABSTENTION.md).
 *
 * <p>Features, each a share (0..1) of the question's <em>content</em> terms — its index terms
 * without the conversational words an agent wraps a question in ("on fait quoi aujourd'hui", "tu
 * peux me donner") — found in: the best retrieved passage; the best document, all its retrieved
 * passages together (an answer is often split between a heading and the next paragraph); and any
 * retrieved passage. A logistic model over these features, fitted on the example capsules'
 * answerable and unanswerable reference questions and checked capsule by capsule and on the CNIL
 * FAQ, gives a score; the score is compared with two thresholds: supported, weak (the closest
 * passages are shown, labelled, instead of an answer) and none.
 *
 * <p>Terms are compared as retrieval compares them ({@link IndexTerms}), on the passage's title,
 * headings and text. Thread-safe.
 */
public final class EvidenceGate {

    /** How many retrieved passages the evidence is read from (documents aggregate over these). */
    public static final int CANDIDATES = 20;

    /** Passages considered for the best single passage: about what a prompt holds. */
    static final int TOP_PASSAGES = 8;

    /** Logistic weights: intercept, best passage, best document, nearby; fitted by AbstentionBenchmark. */
    static final double[] WEIGHTS = {-6.4, 7.4, -0.2, 3.1};

    /** At or above: supported. */
    static final double SUPPORTED = 0.5;

    /** At or above (and below {@link #SUPPORTED}): weak evidence, the closest passages are shown. */
    static final double WEAK = 0.1;

    /** Words that frame a question without saying what it is about; written as typed, analysed once. */
    /**
     * Words that frame a question without saying what it is about, written as typed and analysed
     * once: the asking itself ("tu peux me donner", "on fait quoi", "qu'est-ce que je dois"),
     * auxiliaries and modals, and deictic words that situate the asker rather than the subject
     * ("aujourd'hui", "lundi", "la dernière fois", "depuis ce matin") and the persons a situation is
     * told about ("une dame", "sa mère"): documents state rules, not the asker's day.
     */
    private static final List<String> CONVERSATIONAL = List.of(
            // asking
            "bonjour", "merci", "svp", "stp", "question", "savoir", "voudrais", "voudrait", "veux", "veut", "aimerais",
            "pouvez", "peux", "peut", "puis", "pourrais", "pouvoir", "dois", "doit", "devons", "devez", "doivent", "faut",
            "faire", "fait", "fais", "faisons", "font", "vais", "va", "allons", "besoin", "aide", "aider", "donner",
            "trouver", "chercher", "dire", "dis", "dit", "sais", "sait", "idée", "agit", "passe", "suivre", "recevoir",
            "exactement", "vraiment", "alors", "donc", "bien", "juste", "seulement", "simplement", "concrètement",
            "normal", "possible", "chose", "exemple", "cas", "ok", "d'accord", "s'il", "plaît", "oui", "ça", "cela",
            "ceci", "là", "ici", "déjà", "encore", "toujours", "lors", "quel", "quelle", "quels", "quelles", "comment",
            "quand", "pourquoi", "combien", "quoi", "où", "ai", "avons", "avez", "ont", "avait", "avions", "aviez",
            "avaient", "temps", "doit-on", "peut-on", "faut-il", "est-ce", "qu'est-ce",
            // the asker's time
            "aujourd'hui", "maintenant", "hier", "demain", "matin", "soir", "actuellement", "dernier", "dernière",
            "derniers", "dernières", "prochain", "prochaine", "récemment", "depuis", "lundi", "mardi", "mercredi",
            "jeudi", "vendredi", "samedi", "dimanche",
            // the persons of a told situation
            "dame", "monsieur", "madame", "mère", "père", "fils", "fille", "mari", "épouse", "collègue", "voisin");

    private final IndexTerms terms;
    private final Set<String> conversational;

    public EvidenceGate(IndexTerms terms) {
        this.terms = terms;
        Set<String> words = new HashSet<>();
        CONVERSATIONAL.forEach(w -> words.addAll(terms.of(w)));
        this.conversational = Set.copyOf(words);
    }

    /** The distinct content terms of a question, in order. */
    public Set<String> contentTerms(String question) {
        Set<String> content = new LinkedHashSet<>();
        for (String term : terms.of(question)) {
            if (term.length() > 1 && !conversational.contains(term)) {
                content.add(term);
            }
        }
        return content;
    }

    /**
     * The evidence that {@code hits} (best first, as retrieved for {@code question}) support an answer.
     */
    public Evidence assess(String question, List<PassageHit> hits) {
        Set<String> content = contentTerms(question);
        if (content.isEmpty() || hits.isEmpty()) {
            return new Evidence(Evidence.Level.NONE, 0, content.size(), 0, 0, 0, List.copyOf(content));
        }
        double best = 0;
        Map<String, Set<String>> byDocument = new HashMap<>();
        Set<String> nearby = new HashSet<>();
        int rank = 0;
        for (PassageHit hit : hits.stream().limit(CANDIDATES).toList()) {
            Set<String> found = found(content, hit);
            if (rank++ < TOP_PASSAGES) {
                best = Math.max(best, share(found, content));
            }
            byDocument.computeIfAbsent(hit.documentId(), d -> new HashSet<>()).addAll(found);
            nearby.addAll(found);
        }
        double document = byDocument.values().stream().mapToDouble(f -> share(f, content)).max().orElse(0);
        double near = share(nearby, content);
        double score = score(best, document, near);
        Evidence.Level level = score >= SUPPORTED ? Evidence.Level.SUPPORTED
                : score >= WEAK ? Evidence.Level.WEAK : Evidence.Level.NONE;
        List<String> missing = new ArrayList<>(content);
        missing.removeAll(nearby);
        return new Evidence(level, score, content.size(), best, document, near, missing);
    }

    static double score(double passage, double document, double nearby) {
        double z = WEIGHTS[0] + WEIGHTS[1] * passage + WEIGHTS[2] * document + WEIGHTS[3] * nearby;
        return 1 / (1 + Math.exp(-z));
    }

    private Set<String> found(Set<String> content, PassageHit hit) {
        Set<String> vocabulary = new HashSet<>(terms.of(hit.text()));
        if (hit.title() != null) {
            vocabulary.addAll(terms.of(hit.title()));
        }
        hit.headingPath().forEach(h -> vocabulary.addAll(terms.of(h)));
        Set<String> found = new HashSet<>(content);
        found.retainAll(vocabulary);
        return found;
    }

    /**
     * The share of the content found, each term weighted by its length: longer words are rarer and
     * carry more of a question's information (the shorter words of a language are its frequent
     * ones), so missing "amiante" or "défibrillateur" weighs more than missing "temps" or "prix".
     */
    private static double share(Set<String> found, Set<String> content) {
        double total = content.stream().mapToInt(String::length).sum();
        return found.stream().mapToInt(String::length).sum() / total;
    }
}
