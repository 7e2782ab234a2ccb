package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.index.QuestionFrameWords;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The words that frame a French question without saying what it is about: the modal verbs people
 * ask with ("puis-je", "peut-on", "doit-il", "faut-il", "je voudrais"), "a-t-il" / "as-tu", and
 * "faire" of "que faire ?" / "comment faire ?". Interrogatives ("comment", "quand", "quel"),
 * "est-ce que" and "c'est" are already stop words of the analysis chain; these are dropped from
 * questions only, never from the indexed text, so no index changes.
 *
 * <p>Why: such a word is matched by every passage that happens to use the verb, and it counts as
 * a question term that an answering passage lacks ("Puis-je mettre des données de santé dans
 * ChatGPT ?" is about data and ChatGPT, not about "pouvoir"), which lowers the passage's coverage
 * of the question. The infinitives "pouvoir" and "devoir" are not in the list: they are nouns as
 * often ("pouvoir de sanction", "devoir de vigilance").
 */
final class QuestionFrame {

    static final List<String> WORDS = QuestionFrameWords.WORDS;

    private QuestionFrame() {}

    /** The analysed terms of {@link #WORDS} under {@code analyzer}, to leave out of questions. */
    static Set<String> terms(Analyzer analyzer, String field) {
        Set<String> terms = new HashSet<>();
        for (String word : WORDS) {
            terms.addAll(QueryTerms.analyse(analyzer, field, word, Integer.MAX_VALUE, Set.of()).distinct());
        }
        return Set.copyOf(terms);
    }
}
