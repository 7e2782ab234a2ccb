package fr.capsules.app.ask.grounding;

import fr.capsules.ingest.analysis.IndexTerms;
import fr.capsules.ingest.normalize.AccentFolding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that carry a sentence's content, as index terms ({@link IndexTerms}): elision,
 * lower case, French stop words, accent folding, light stemming — so that "réclamations" and
 * "réclamation" are the same term, as in retrieval.
 *
 * <p>Beyond the analyzer's stop words, three kinds of term are left out:
 *
 * <ul>
 *   <li>negation words ({@code aucun}, {@code jamais}, {@code sans}, {@code non}, …): polarity is
 *       judged by {@link Negations}; counting them as content would make "aucun délai n'est fixé"
 *       look unlike "un délai est fixé" and hide the very mismatch we look for;
 *   <li>discourse words a model adds around a claim ("il convient de noter", "selon le document",
 *       "également", "fait l'objet de"): they are in no passage and would make faithful sentences look unsupported;
 *   <li>figures — terms with a digit, number words — and one-letter terms: figures are compared
 *       exactly by {@link Figures}, in either spelling.
 * </ul>
 *
 * <p>Thread-safe, as {@link IndexTerms} is.
 */
final class ContentTerms {

    private static final List<String> NEGATION_WORDS =
            List.of("aucun", "aucune", "aucuns", "aucunes", "jamais", "rien", "sans", "non", "nullement", "guère",
                    "plus", "ni", "nul", "nulle", "hors", "absence", "absent", "absente", "absents", "absentes", "défaut",
                    "faute", "manque", "existe", "existent", "exister", "existait", "existaient",
                    // restrictions and bounds, compared by QualifierCheck, not content
                    "uniquement", "seulement", "exclusivement", "seul", "seule", "seuls", "seules", "maximum", "minimum");

    private static final List<String> DISCOURSE_WORDS =
            List.of("convient", "noter", "note", "préciser", "précise", "important", "importante", "rappeler",
                    "rappelle", "souligner", "également", "ainsi", "notamment", "donc", "cependant", "toutefois",
                    "selon", "document", "documents", "passage", "passages", "source", "sources", "extrait",
                    "indique", "indiquent", "mentionne", "mentionnent", "voici", "suivants", "suivantes", "cas",
                    "effet", "afin", "bien", "alors", "aussi", "peut", "peuvent", "doit", "doivent", "faut", "cela",
                    "sous", "si", "dès", "être", "tout", "toute", "tous", "toutes", "chaque", "fait", "faire", "font",
                    "objet", "lieu");

    /** Compared as figures by {@link Figures}: "deux mois" and "2 mois" must not differ by a term. */
    private static final List<String> NUMBER_WORDS =
            List.of("zéro", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
                    "treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente", "quarante", "cinquante",
                    "soixante", "cent", "cents", "mille");

    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\d'’-]+");
    private static final Pattern ELIDED = Pattern.compile("^\\p{L}{1,6}['’]");

    private final IndexTerms indexTerms;
    private final Set<String> ignored;

    ContentTerms(IndexTerms indexTerms) {
        this.indexTerms = indexTerms;
        Set<String> words = new LinkedHashSet<>();
        NEGATION_WORDS.forEach(word -> words.addAll(analyze(word)));
        DISCOURSE_WORDS.forEach(word -> words.addAll(analyze(word)));
        NUMBER_WORDS.forEach(word -> words.addAll(analyze(word)));
        this.ignored = Set.copyOf(words);
    }

    /** The distinct content terms of {@code text}, in order of first appearance. */
    Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String term : analyze(text)) {
            if (term.length() > 1 && term.chars().noneMatch(Character::isDigit) && !ignored.contains(term)) {
                terms.add(term);
            }
        }
        return terms;
    }

    /**
     * The words of {@code text} as written whose terms are among {@code wanted}, for messages: users
     * read "médiateur", not the stem "mediateur". Elided articles are dropped ("l'enquête" → "enquête").
     */
    List<String> wordsOf(String text, Set<String> wanted) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : WORD.split(text)) {
            String bare = ELIDED.matcher(word).replaceFirst("");
            if (!bare.isEmpty() && analyze(bare).stream().anyMatch(wanted::contains)) {
                words.add(bare);
            }
        }
        return List.copyOf(words);
    }

    /**
     * The first {@code length} letters of the word, accents folded and lower-cased: the crude stem the checks compare
     * words by where the index's stemmer would say too much or too little ("tracées" / "traçabilité").
     */
    static String foldedPrefix(String word, int length) {
        String folded = AccentFolding.fold(word);
        return folded.substring(0, Math.min(length, folded.length()));
    }

    private List<String> analyze(String text) {
        return indexTerms.of(text);
    }
}
