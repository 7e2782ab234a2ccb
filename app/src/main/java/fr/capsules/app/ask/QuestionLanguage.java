package fr.capsules.app.ask;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a question written in English from one written in French, by their function words: the
 * capsules' documents are French, so an English question finds little and deserves to be told
 * why rather than a bare refusal.
 */
final class QuestionLanguage {

    private static final Set<String> ENGLISH = Set.of("the", "what", "which", "how", "is", "are", "do", "does", "can",
            "could", "should", "would", "i", "my", "we", "our", "you", "your", "of", "to", "for", "with", "when", "where",
            "who", "why", "it", "this", "that", "there", "have", "has", "be", "and", "in", "on", "an", "if", "must");
    private static final Set<String> FRENCH = Set.of("le", "la", "les", "de", "des", "du", "un", "une", "est", "que",
            "qui", "quoi", "pour", "dans", "je", "j", "on", "nous", "vous", "il", "elle", "et", "en", "au", "aux", "ce",
            "cette", "sur", "par", "pas", "ne", "se", "sa", "son", "ses", "mon", "ma", "mes", "l", "d", "qu", "c", "a",
            "quel", "quelle", "comment", "quand", "faut", "peut", "dois");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");

    private QuestionLanguage() {}

    /** True when the question has at least two English function words and more than French ones. */
    static boolean isEnglish(String question) {
        int english = 0;
        int french = 0;
        for (String word : WORD.split(question.toLowerCase(Locale.ROOT))) {
            if (ENGLISH.contains(word)) {
                english++;
            }
            if (FRENCH.contains(word)) {
                french++;
            }
        }
        return english >= 2 && english > french;
    }
}
