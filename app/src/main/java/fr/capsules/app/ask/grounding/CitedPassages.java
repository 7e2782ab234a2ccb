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
    record Clause(String text, Set<String> terms, Polarity polarity, int introducedDenials) {
        Clause(String text, Set<String> terms, Polarity polarity) {
            this(text, terms, polarity, 0);
        }
    }

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
                        Set<String> heading = heading(text, contentTerms);
                        int at = 0;
                        for (String clause : Clauses.of(text)) {
                            Set<String> terms = termsOfClause.computeIfAbsent(clause, contentTerms::of);
                            int where = text.indexOf(clause, at);
                            at = Math.max(at, where);
                            Polarity polarity = Negations.of(clause);
                            int introduced = 0;
                            if (listIntroduction != null && where > colon && INFINITIVE.matcher(clause).lookingAt()) {
                                if (!polarity.negated()) {
                                    // "Ce que le référent ne doit jamais faire : téléverser … ; copier …": each item is denied
                                    polarity = new Polarity(listIntroduction.cue(), clause, false);
                                } else {
                                    // "… : téléverser des données non pseudonymisées": the item's own denial and the
                                    // introduction's, compared by parity (PolarityCheck)
                                    introduced = 1;
                                }
                            }
                            if (!heading.isEmpty() && where > colon && !LIST_VERB.matcher(clause).find()) {
                                // "Capsule retirée : plus utilisable, conservée pour l'historique": the heading names
                                // what each verbless clause after it speaks of (a clause with its own verb, "Écart E3 :
                                // les chutes sont déclarées …", names it itself)
                                terms = new java.util.LinkedHashSet<>(terms);
                                terms.addAll(heading);
                                terms = Set.copyOf(terms);
                            }
                            clauses.add(new Clause(clause, terms, polarity, introduced));
                        }
                        clauses.addAll(listItems(text, clauses, contentTerms));
                        sentences.add(new Sentence(text, contentTerms.of(text), List.copyOf(clauses)));
                    }
                    passages.put(entry.getKey(), new Passage(
                            entry.getKey(), entry.getValue(), contentTerms.of(entry.getValue()),
                            Figures.inSource(entry.getValue()).keySet(), List.copyOf(sentences)));
                });
        return new CitedPassages(passages);
    }

    /**
     * A list after a colon ("La charte s'applique à toute personne … : agents titulaires, stagiaires, apprentis, …",
     * "Exemples rencontrés : contention sans prescription, défaut de soins, …") read item by item with its head: one
     * clause per item, the head's words and the item's, negated when the item is. An answer restating one item ("aucun
     * apprenti n'est concerné par la charte") meets the clause that holds it.
     */
    private static List<Clause> listItems(String text, List<Clause> clauses, ContentTerms contentTerms) {
        int colon = text.indexOf(':');
        if (colon < 0 || clauses.size() < 2) {
            return List.of();
        }
        String head = text.substring(0, colon).strip();
        String list = text.substring(colon + 1).strip();
        int end = list.indexOf(';');
        list = end < 0 ? list : list.substring(0, end);
        String[] items = list.split(",\\s*|\\s+et\\s+|\\s+ou\\s+");
        if (items.length < MIN_ITEMS || head.isEmpty() || LIST_VERB.matcher(list).find()) {
            return List.of();
        }
        Set<String> headTerms = contentTerms.of(head);
        Polarity headPolarity = Negations.of(head);
        List<Clause> itemClauses = new ArrayList<>();
        for (String item : items) {
            String stripped = item.replaceAll("[.\\s]+$", "").strip();
            Set<String> itemTerms = contentTerms.of(stripped);
            if (itemTerms.isEmpty()) {
                continue;
            }
            Set<String> terms = new java.util.HashSet<>(headTerms);
            terms.addAll(itemTerms);
            Polarity itemPolarity = Negations.of(stripped);
            itemClauses.add(new Clause(head + " : " + stripped, Set.copyOf(terms),
                    itemPolarity.negated() || itemPolarity.mixed() ? itemPolarity : headPolarity));
        }
        return itemClauses;
    }

    /**
     * The terms of a sentence's heading: the words before its first colon when they are a short noun phrase, no verb, no
     * negation and no reference number ("Capsule retirée : …", "Export (courrier, tableau) : …", not "Écart E3 : …");
     * empty when there is none.
     */
    private static Set<String> heading(String text, ContentTerms contentTerms) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Set.of();
        }
        String head = text.substring(0, colon).replaceAll("\\([^)]*\\)", " ").strip();
        Set<String> terms = contentTerms.of(head);
        boolean noun = !head.isEmpty() && terms.size() <= MAX_HEADING_TERMS && !LIST_VERB.matcher(head).find()
                && !Negations.of(head).negated() && !INFINITIVE.matcher(head).lookingAt()
                // "Remarque R1 :", "Écart E3 :": a reference, not a topic
                && !head.matches("(?s).*\\d.*");
        return noun ? terms : Set.of();
    }

    /** Content terms a heading may hold: a short noun phrase. */
    private static final int MAX_HEADING_TERMS = 3;

    /** Items a list needs: three, so that "Écart E2 : sept résidents …" is no list. */
    private static final int MIN_ITEMS = 3;
    /** A finite verb: the words after the colon are sentences, not a list of items. */
    private static final Pattern LIST_VERB = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:est|sont|a|ont|doit|doivent|peut|peuvent|fait|font|ne|n['’]|se|s['’])(?![\\p{L}])");

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
