package fr.capsules.app.ask.grounding;

import fr.capsules.app.ask.grounding.Negations.Polarity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The passages an answer may cite, analysed once per check: content terms, figures, and sentences
 * split into clauses with their polarity.
 *
 * <p>Immutable once built; built per call of {@link GroundingCheck#check}.
 */
final class CitedPassages {

    /** One clause of a source sentence. */
    record Clause(String text, Set<String> terms, Polarity polarity) {}

    /** One sentence of a passage, whitespace flattened, with its clauses. */
    record Sentence(String text, Set<String> terms, List<Clause> clauses) {}

    /** One passage with its citation number. */
    record Passage(int n, String text, Set<String> terms, Set<String> figures, List<Sentence> sentences) {

        /** The sentence sharing most terms with {@code terms} (the first on ties), if any shares one. */
        Optional<Sentence> closest(Set<String> terms) {
            Sentence best = null;
            int bestShared = 0;
            for (Sentence sentence : sentences) {
                int shared = Overlap.shared(terms, sentence.terms());
                if (shared > bestShared) {
                    best = sentence;
                    bestShared = shared;
                }
            }
            return Optional.ofNullable(best);
        }
    }

    private final Map<Integer, Passage> passages;

    private CitedPassages(Map<Integer, Passage> passages) {
        this.passages = passages;
    }

    static CitedPassages of(Map<Integer, String> texts, ContentTerms contentTerms) {
        Map<Integer, Passage> passages = new LinkedHashMap<>();
        Map<String, Set<String>> termsOfClause = new HashMap<>();
        texts.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getValue() != null)
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    List<Sentence> sentences = new ArrayList<>();
                    for (String raw : Sentences.ofPassage(entry.getValue())) {
                        String text = raw.replaceAll("\\s+", " ");
                        List<Clause> clauses = new ArrayList<>();
                        Polarity listIntroduction = negatedListIntroduction(text);
                        int colon = text.indexOf(':');
                        int at = 0;
                        for (String clause : Clauses.of(text)) {
                            Set<String> terms = termsOfClause.computeIfAbsent(clause, contentTerms::of);
                            int where = text.indexOf(clause, at);
                            at = Math.max(at, where);
                            Polarity polarity = Negations.of(clause);
                            if (listIntroduction != null && where > colon && !polarity.negated() && INFINITIVE.matcher(clause).lookingAt()) {
                                // "Ce que le référent ne doit jamais faire : téléverser … ; copier …": each item is denied
                                polarity = new Polarity(listIntroduction.cue(), clause, false);
                            }
                            clauses.add(new Clause(clause, terms, polarity));
                        }
                        sentences.add(new Sentence(text, contentTerms.of(text), List.copyOf(clauses)));
                    }
                    passages.put(entry.getKey(), new Passage(
                            entry.getKey(), entry.getValue(), contentTerms.of(entry.getValue()),
                            Figures.inSource(entry.getValue()).keySet(), List.copyOf(sentences)));
                });
        return new CitedPassages(passages);
    }

    private static final Pattern INFINITIVE = Pattern.compile("(?iu)\\p{L}+(?:er|ir|re|oir)(?![\\p{L}])");

    /** The polarity of the words before a sentence's first colon when they deny and introduce a list of acts. */
    private static Polarity negatedListIntroduction(String sentence) {
        int colon = sentence.indexOf(':');
        if (colon < 0) {
            return null;
        }
        Polarity introduction = Negations.of(sentence.substring(0, colon));
        return introduction.negated() && !introduction.mixed() ? introduction : null;
    }

    /** The known passages among {@code numbers}, in the order given. */
    List<Passage> among(Collection<Integer> numbers) {
        return numbers.stream().map(passages::get).filter(passage -> passage != null).toList();
    }

    Collection<Passage> all() {
        return passages.values();
    }
}
