package fr.capsules.app.ask.grounding;

import fr.capsules.app.ask.grounding.AnswerSentences.AnswerSentence;
import fr.capsules.app.ask.grounding.CitedPassages.Passage;
import fr.capsules.app.ask.grounding.CitedPassages.Sentence;
import fr.capsules.app.ask.grounding.PolarityCheck.Mismatch;
import fr.capsules.ingest.analysis.IndexTerms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks each sentence of a generated answer against the passages it cites, so that a reader sees
 * which statements to verify: the agency's failures were negations lost or added, and content
 * the sources never held.
 *
 * <p>Rules, sentence by sentence (boundaries: {@link Sentences}, markers: {@link AnswerSentences}):
 *
 * <ol>
 *   <li><b>Skipped</b>: clauses in which the answer speaks of itself or of its documents
 *       ({@link MetaStatements}: "Les documents ne précisent pas …", "Je n'ai pas trouvé …") are set
 *       aside; a sentence left with fewer than {@value #MIN_TERMS} content terms ({@link
 *       ContentTerms}) and figures ({@link Figures}) is trivial ("Voici les éléments :") and gets no warning.
 *   <li><b>{@link GroundingWarning.Kind#UNCITED UNCITED}</b>: a sentence with at least {@value
 *       #MIN_UNCITED_TERMS} content terms and no citation of a known passage — whether or not the
 *       rest of the answer cites. When some passage covers it (support ≥ {@value #MIN_SUPPORT}),
 *       the warning names that passage as a hint.
 *   <li><b>{@link GroundingWarning.Kind#UNSUPPORTED UNSUPPORTED}</b>: fewer than {@value
 *       #MIN_SUPPORT} of the sentence's content terms occur in the union of its cited passages, or
 *       one of its figures ({@link Figures}: numbers, dates, article references) occurs in none of
 *       them.
 *   <li><b>{@link GroundingWarning.Kind#NEGATION_MISMATCH NEGATION_MISMATCH}</b>: a clause of the
 *       sentence restates a cited clause ({@link PolarityCheck}: at least half of its terms) but one
 *       is negated and the other not ({@link Negations}). Reported alongside an unsupported figure,
 *       since both can be true.
 * </ol>
 *
 * <p>The thresholds favour precision: a warning that cries wolf on faithful paraphrases teaches
 * users to ignore warnings. A paraphrase keeping half its content words, its figures and its
 * polarity passes; an antonym rewording ("doit attendre" for "ne doit pas … avant") is flagged.
 *
 * <p>Stateless and thread-safe: one instance can serve every request.
 */
public final class GroundingCheck {

    /** Minimum share of a sentence's content terms found in its cited passages. */
    public static final double MIN_SUPPORT = 0.5;

    /** Below this many content terms a sentence is trivial and not checked. */
    public static final int MIN_TERMS = 3;

    /**
     * Share of a sentence's content terms that one provided passage must hold for the sentence,
     * written without a marker, to count as restating it.
     */
    public static final double MIN_RESTATEMENT = 0.5;

    /** A sentence with this many content terms (and no figure) is checked for polarity and qualifiers only. */
    public static final int SHORT_TERMS = 2;

    /** Share of a meta clause's terms one passage clause must hold for the meta clause to be a claim after all. */
    public static final double META_RESTATED = 0.75;

    /** An uncited sentence is a claim worth a source from this many content terms. */
    public static final int MIN_UNCITED_TERMS = 4;

    /** Figures an answer sentence must give for them to count as support beside its words (a row of figures). */
    static final int MIN_FIGURES_AS_SUPPORT = 4;

    private static final java.util.regex.Pattern ONE = java.util.regex.Pattern.compile("(?iu)(?<![\\p{L}])une?(?![\\p{L}])");
    private static final int OPENING_CHARS = 200;
    private static final int MAX_EXCERPT_CHARS = 400;

    private final ContentTerms terms;
    private final PolarityCheck polarity;
    private final QualifierCheck qualifiers;

    /** A check with the index's French analysis and the thresholds above. */
    public GroundingCheck() {
        this.terms = new ContentTerms(new IndexTerms());
        this.polarity = new PolarityCheck(terms);
        this.qualifiers = new QualifierCheck(terms);
    }

    /**
     * Checks {@code answer} against its passages; the warnings of {@link #examine}.
     *
     * @param answer the generated text with {@code [n]} markers; not null
     * @param passages citation number → passage text, the passages the model was given (or at least
     *     those it cites); not null (null keys or values are ignored)
     * @return the warnings in answer order, possibly several for one sentence; immutable, empty when
     *     every sentence passes
     */
    public List<GroundingWarning> check(String answer, Map<Integer, String> passages) {
        return examine(answer, passages).warnings();
    }

    /**
     * Checks each sentence of {@code answer} against the passages it cites or, when it cites none,
     * against the provided passage it restates ({@value #MIN_RESTATEMENT} of its content terms in
     * one passage): such a sentence is attributed to that passage and checked like a cited one;
     * only a sentence that no passage supports is {@link GroundingWarning.Kind#UNCITED uncited}.
     *
     * @param answer the generated text with {@code [n]} markers; not null
     * @param passages citation number → text of every passage the model was given; not null (null
     *     keys or values are ignored)
     */
    public Grounding examine(String answer, Map<Integer, String> passages) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(passages, "passages");
        CitedPassages provided = CitedPassages.of(passages, terms);
        List<AnswerSentence> sentences = AnswerSentences.of(answer);
        boolean answerCites = sentences.stream().anyMatch(s -> !provided.among(s.citations()).isEmpty());
        List<GroundingWarning> warnings = new ArrayList<>();
        List<Grounding.RestatedSentence> restated = new ArrayList<>();
        for (AnswerSentence sentence : sentences) {
            List<String> claims = Clauses.ofAnswer(sentence.text()).stream()
                    .filter(c -> !MetaStatements.isMeta(c) || restatesAClause(terms.of(c), provided))
                    .toList();
            String claim = String.join(" ; ", claims);
            Set<String> claimTerms = terms.of(claim);
            if (claimTerms.size() + Figures.inAnswer(claim).size() < MIN_TERMS) {
                // A figure counts: "Le CVS s'est réuni en 2022" states something to check. A short sentence ("Il
                // n'est jamais envoyé par courriel") is checked for its polarity and qualifiers only, against the
                // passage it cites or the one holding both its terms.
                if (claimTerms.size() == SHORT_TERMS) {
                    shortSentence(sentence, claims, claim, claimTerms, provided).ifPresent(warnings::add);
                }
                continue;
            }
            List<Passage> cited = provided.among(sentence.citations());
            if (cited.isEmpty()) {
                Optional<Passage> source = sentence.citations().isEmpty() ? restatedPassage(claim, claimTerms, provided) : Optional.empty();
                if (source.isEmpty()) {
                    if (claimTerms.size() >= MIN_UNCITED_TERMS) {
                        warnings.add(uncited(sentence, claimTerms, provided, answerCites));
                    }
                    continue;
                }
                restated.add(new Grounding.RestatedSentence(sentence.raw(), source.get().n()));
                cited = List.of(source.get());
            }
            unsupported(sentence, claim, claimTerms, cited).ifPresent(warnings::add);
            Optional<GroundingWarning> negation = polarity.find(contracted(claims, cited), cited).map(mismatch -> negation(sentence, mismatch));
            negation.ifPresent(warnings::add);
            if (negation.isEmpty()) {
                qualifiers.find(claim, claimTerms, cited).map(change -> qualifier(sentence, change)).ifPresent(warnings::add);
            }
        }
        return new Grounding(warnings, restated);
    }

    /**
     * Polarity and qualifiers of a sentence of {@value #SHORT_TERMS} content terms, against the passages it cites or,
     * without a marker, the provided passage holding both its terms; no support warning (too few terms to judge).
     */
    private Optional<GroundingWarning> shortSentence(
            AnswerSentence sentence, List<String> claims, String claim, Set<String> claimTerms, CitedPassages provided) {
        List<Passage> cited = provided.among(sentence.citations());
        if (cited.isEmpty() && sentence.citations().isEmpty()) {
            cited = provided.all().stream().filter(p -> Overlap.coverage(claimTerms, p.terms()) >= 1.0).limit(1).toList();
        }
        if (cited.isEmpty()) {
            return Optional.empty();
        }
        List<Passage> sources = cited;
        Optional<GroundingWarning> negation = polarity.find(contracted(claims, sources), sources).map(mismatch -> negation(sentence, mismatch));
        return negation.isPresent()
                ? negation
                : qualifiers.find(claim, claimTerms, sources).map(change -> qualifier(sentence, change));
    }

    /**
     * Whether a clause the answer words as an abstention or in the first person ("Je ne suis pas en mesure de vous
     * apporter une réponse dans le délai", "Aucune réponse n'est adressée au réclamant") restates a passage's clause
     * ({@value #META_RESTATED} of its terms, at least {@value #MIN_TERMS}): then it is a claim, checked as such.
     */
    private static boolean restatesAClause(Set<String> clauseTerms, CitedPassages provided) {
        return provided.all().stream().flatMap(p -> p.sentences().stream()).flatMap(s -> s.clauses().stream())
                .anyMatch(c -> Overlap.shared(clauseTerms, c.terms()) >= MIN_TERMS
                        && Overlap.coverage(clauseTerms, c.terms()) >= META_RESTATED);
    }

    /** The provided passage holding most of the sentence's terms, if it holds enough to be its source. */
    private Optional<Passage> restatedPassage(String claim, Set<String> claimTerms, CitedPassages provided) {
        Set<String> claimFigures = Figures.inAnswer(claim).keySet();
        return provided.all().stream()
                .filter(p -> restatement(claim, claimTerms, claimFigures, p) >= MIN_RESTATEMENT)
                .max(Comparator.comparingInt((Passage p) -> Overlap.shared(claimTerms, p.terms()))
                        .thenComparing(Passage::n, Comparator.reverseOrder()));
    }

    /** The claims with the words that spell out an acronym of the passages replaced by the acronym. */
    private static List<String> contracted(List<String> claims, List<Passage> passages) {
        String sources = passages.stream().map(Passage::text).collect(Collectors.joining(" "));
        return claims.stream().map(claim -> Acronyms.contracted(claim, sources)).toList();
    }

    /**
     * The share of the claim a passage holds: its content terms (acronyms spelled out included) and, for a row of at
     * least {@value #MIN_FIGURES_AS_SUPPORT} figures, its figures.
     */
    private double restatement(String claim, Set<String> claimTerms, Set<String> claimFigures, Passage passage) {
        int found = Overlap.sharedOrDerived(claimTerms, withAcronyms(claim, passage));
        int given = (int) claimFigures.stream().filter(passage.figures()::contains).count();
        return supportShare(found, claimTerms.size(), given, claimFigures.size());
    }

    /**
     * The share of a claim its sources hold: of its content terms, {@code found}; and, for a row of at least {@value
     * #MIN_FIGURES_AS_SUPPORT} figures restated in words of one's own ("Part des EHPAD : 38 % en 2021, 40 % en 2022" →
     * "La proportion … est passée de 38 % en 2021 à 40 % en 2022"), of its figures, {@code given}: the figures are what
     * such a sentence states.
     */
    private static double supportShare(int found, int claimTerms, int given, int claimFigures) {
        return claimFigures >= MIN_FIGURES_AS_SUPPORT
                ? (double) (found + given) / (claimTerms + claimFigures)
                : (double) found / claimTerms;
    }

    /** The passage's terms with the claim's words that spell out its acronyms, or that it spells out. */
    private Set<String> withAcronyms(String claim, Passage passage) {
        Set<String> expanded = terms.of(Acronyms.supportedIn(claim, passage.text()));
        if (expanded.isEmpty()) {
            return passage.terms();
        }
        Set<String> all = new HashSet<>(passage.terms());
        all.addAll(expanded);
        return all;
    }

    private GroundingWarning uncited(
            AnswerSentence sentence, Set<String> claimTerms, CitedPassages passages, boolean answerCites) {
        String message = answerCites
                ? "Cette affirmation ne cite aucun passage : rien ne la rattache aux documents de la capsule."
                : "Cette affirmation n'est rattachée à aucun document de la capsule : aucun passage fourni ne la contient.";
        if (!sentence.citations().isEmpty()) {
            message = "Cette affirmation cite " + markers(sentence.citations())
                    + ", qui ne correspond à aucun passage fourni : rien ne la rattache aux documents de la capsule.";
        }
        Optional<Passage> covering = passages.all().stream()
                .filter(p -> Overlap.coverage(claimTerms, p.terms()) >= MIN_SUPPORT)
                .max(Comparator.comparingInt(p -> Overlap.shared(claimTerms, p.terms())));
        if (covering.isEmpty()) {
            return new GroundingWarning(GroundingWarning.Kind.UNCITED, sentence.text(), null, null, message);
        }
        Passage passage = covering.get();
        return new GroundingWarning(
                GroundingWarning.Kind.UNCITED, sentence.text(), passage.n(), excerpt(passage, claimTerms),
                message + " Le passage [" + passage.n() + "] en contient une partie : vérifiez-la.");
    }

    private Optional<GroundingWarning> unsupported(
            AnswerSentence sentence, String claim, Set<String> claimTerms, List<Passage> cited) {
        Set<String> sourceTerms = new HashSet<>();
        Set<String> sourceFigures = new HashSet<>();
        cited.forEach(passage -> {
            sourceTerms.addAll(passage.terms());
            sourceFigures.addAll(passage.figures());
        });
        // an acronym one side writes and the other spells out ("DLU" / "dossier de liaison d'urgence")
        cited.forEach(passage -> sourceTerms.addAll(terms.of(Acronyms.supportedIn(claim, passage.text()))));
        int found = Overlap.sharedOrDerived(claimTerms, sourceTerms);
        Map<String, String> missingFigures = new LinkedHashMap<>(Figures.inAnswer(claim));
        int claimFigures = missingFigures.size();
        missingFigures.keySet().removeAll(sourceFigures);
        double support = supportShare(found, claimTerms.size(), claimFigures - missingFigures.size(), claimFigures);
        // A figure the sources hold, but with another unit of time: "huit mois" for "huit jours".
        Set<String> sourceDurations = new HashSet<>();
        cited.forEach(passage -> sourceDurations.addAll(Figures.durations(passage.text()).keySet()));
        Figures.durations(claim).forEach((duration, written) -> {
            if (!sourceDurations.contains(duration) && sourceFigures.contains(duration.substring(0, duration.indexOf(' ')))) {
                missingFigures.putIfAbsent(duration, written);
            }
        });
        // A figure counting what the sources count with other figures: "vingt dossiers" for "douze dossiers".
        Map<String, Set<String>> sourceCounts = new HashMap<>();
        Set<List<String>> sourceComparisons = new HashSet<>();
        cited.forEach(passage -> {
            Figures.counted(passage.text()).forEach((word, values) ->
                    sourceCounts.computeIfAbsent(word, k -> new HashSet<>()).addAll(values));
            sourceComparisons.addAll(Figures.comparisons(passage.text()));
        });
        Figures.counted(claim).forEach((word, values) -> {
            Set<String> known = sourceCounts.get(word);
            if (known != null) {
                values.stream().filter(value -> !known.contains(value))
                        .forEach(value -> missingFigures.putIfAbsent(value + " " + word, value + " " + word));
            }
        });
        // Where the source counts a word with a figure, an article counting it is a count too, on either side: "un
        // événement" for "deux événements", "deux pharmaciens" for "un pharmacien" (with "deux inspecteurs").
        Map<String, Set<String>> sourceCountsWithArticles = new HashMap<>();
        cited.forEach(passage -> Figures.countedWithArticles(passage.text()).forEach((word, values) ->
                sourceCountsWithArticles.computeIfAbsent(word, k -> new HashSet<>()).addAll(values)));
        Map<String, Set<String>> answerCounts = Figures.counted(claim);
        Figures.countedWithArticles(claim).forEach((word, values) -> {
            Set<String> known = sourceCountsWithArticles.get(word);
            boolean figured = sourceCounts.containsKey(word) || answerCounts.containsKey(word);
            if (known != null && figured) {
                values.stream().filter(value -> !known.contains(value))
                        .forEach(value -> missingFigures.putIfAbsent(value + " " + word, value + " " + word));
            }
        });
        // Two figures of the sources compared the other way round: "58 … contre 47" for "47 … contre 58".
        Figures.comparisons(claim).stream()
                .filter(pair -> !sourceComparisons.contains(pair) && sourceComparisons.contains(List.of(pair.get(1), pair.get(0))))
                .forEach(pair -> missingFigures.putIfAbsent(pair.get(0) + " / " + pair.get(1),
                        pair.get(0) + " … " + pair.get(1) + " (inversés)"));
        // A figure of the source given to what the source labels with another of its figures, that one given too:
        // "la facturation (9 %) et la restauration (11 %)" for "la facturation (11 %) et la restauration (9 %)".
        List<Map.Entry<String, Set<String>>> sourceLabels = new ArrayList<>();
        List<Map.Entry<String, Set<String>>> sourceOwnLabels = new ArrayList<>();
        cited.forEach(passage -> {
            Figures.labelled(passage.text())
                    .forEach(entry -> sourceLabels.add(Map.entry(entry.getKey(), terms.of(entry.getValue()))));
            Figures.labelled(passage.text(), true)
                    .forEach(entry -> sourceOwnLabels.add(Map.entry(entry.getKey(), terms.of(entry.getValue()))));
        });
        Set<String> answerValues = new HashSet<>();
        List<Map.Entry<String, String>> answerLabelled = Figures.labelled(claim);
        answerLabelled.forEach(entry -> answerValues.add(entry.getKey()));
        for (Map.Entry<String, String> figure : answerLabelled) {
            Set<String> label = terms.of(figure.getValue());
            String value = figure.getKey();
            boolean own = sourceOwnLabels.stream().anyMatch(s -> s.getKey().equals(value) && Overlap.shared(label, s.getValue()) > 0);
            boolean known = sourceLabels.stream().anyMatch(s -> s.getKey().equals(value));
            Optional<String> other = sourceLabels.stream()
                    .filter(s -> !s.getKey().equals(value) && answerValues.contains(s.getKey()) && Overlap.shared(label, s.getValue()) > 0)
                    .map(Map.Entry::getKey).findFirst();
            if (!label.isEmpty() && known && !own && other.isPresent()) {
                missingFigures.putIfAbsent(value + " / " + other.get(), value + " … " + other.get() + " (intervertis)");
            }
        }
        // Two figures of the source given each other's year: "72 % en 2021, 70 % en 2022" for "70 % en 2021, 72 % en 2022".
        Map<String, String> sourceDated = new HashMap<>();
        cited.forEach(passage -> sourceDated.putAll(Figures.dated(passage.text())));
        Figures.dated(claim).forEach((value, year) -> {
            String sourceYear = sourceDated.get(value);
            boolean yearOfAnother = sourceDated.entrySet().stream().anyMatch(e -> e.getValue().equals(year) && !e.getKey().equals(value));
            if (sourceYear != null && !sourceYear.equals(year) && yearOfAnother) {
                missingFigures.putIfAbsent(value + " / " + year, value + " en " + year + " (la source le donne pour " + sourceYear + ")");
            }
        });
        // A date of the source given what the source says of another of its dates: "applicable à compter du 20 mars
        // 2025" where the source adopts the charter on 20 March and applies it from 1 April.
        List<Map.Entry<String, Set<String>>> sourceDates = new ArrayList<>();
        cited.forEach(passage -> Figures.datesLabelled(passage.text())
                .forEach(entry -> sourceDates.add(Map.entry(entry.getKey(), terms.of(entry.getValue())))));
        for (Map.Entry<String, String> date : Figures.datesLabelled(claim)) {
            Set<String> label = terms.of(date.getValue());
            int own = sourceDates.stream().filter(d -> d.getKey().equals(date.getKey()))
                    .mapToInt(d -> Overlap.sharedOrDerived(label, d.getValue())).max().orElse(-1);
            int other = sourceDates.stream().filter(d -> !d.getKey().equals(date.getKey()))
                    .mapToInt(d -> Overlap.sharedOrDerived(label, d.getValue())).max().orElse(0);
            if (own >= 0 && other > own) {
                missingFigures.putIfAbsent(date.getKey(), date.getKey() + " (la source donne cette date à autre chose)");
            }
        }
        // "1" for the source's article ("1 infirmière" for "une infirmière"); figures of a rhythm or a delay the
        // source states in other words ("deux fois par an" for "tous les six mois", "sept jours" for "une semaine").
        String sourceText = cited.stream().map(Passage::text).collect(Collectors.joining(" "));
        if (ONE.matcher(sourceText).find() && "1".equals(missingFigures.get("1"))) {
            missingFigures.remove("1");
        }
        missingFigures.keySet().removeAll(TimeWords.restated(claim, sourceText));
        if (support >= MIN_SUPPORT && missingFigures.isEmpty()) {
            return Optional.empty();
        }
        List<String> messages = new ArrayList<>();
        String citations = markers(sentence.citations());
        if (support < MIN_SUPPORT) {
            Set<String> missing = claimTerms.stream().filter(t -> Overlap.sharedOrDerived(Set.of(t), sourceTerms) == 0)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            messages.add("Les passages cités " + citations + " ne contiennent pas l'essentiel de cette affirmation : "
                    + found + " terme(s) sur " + claimTerms.size() + " seulement y figurent (absents : "
                    + quoted(terms.wordsOf(claim, missing)) + ").");
        }
        if (!missingFigures.isEmpty()) {
            messages.add((missingFigures.size() == 1 ? "Cette donnée chiffrée ne figure" : "Ces données chiffrées ne figurent")
                    + " dans aucun des passages cités " + citations + " : " + quoted(missingFigures.values()) + ".");
        }
        Passage best = cited.stream().max(Comparator.comparingInt(p -> Overlap.shared(claimTerms, p.terms()))).orElseThrow();
        return Optional.of(new GroundingWarning(
                GroundingWarning.Kind.UNSUPPORTED, sentence.text(), best.n(), excerpt(best, claimTerms),
                String.join(" ", messages) + " Vérifiez-la dans les documents."));
    }

    private static GroundingWarning negation(AnswerSentence sentence, Mismatch mismatch) {
        String difference = mismatch.sourcePolarity().negated()
                ? "la source contient une négation (« " + mismatch.sourcePolarity().cue() + " ») absente de la réponse."
                : "la réponse contient une négation (« " + mismatch.answerPolarity().cue() + " ») absente de la source.";
        return new GroundingWarning(
                GroundingWarning.Kind.NEGATION_MISMATCH, sentence.text(), mismatch.passage().n(),
                shorten(mismatch.source().text()),
                "La phrase de la réponse n'a pas la même polarité que sa source [" + mismatch.passage().n() + "] : "
                        + difference + " Le sens est peut-être inversé.");
    }

    private static GroundingWarning qualifier(AnswerSentence sentence, QualifierCheck.Change change) {
        return new GroundingWarning(
                GroundingWarning.Kind.QUALIFIER_MISMATCH, sentence.text(), change.passage().n(), shorten(change.source().text()),
                "La phrase de la réponse ne dit pas la même chose que sa source [" + change.passage().n() + "] : "
                        + change.difference() + " Le sens est peut-être modifié.");
    }

    /** The passage's sentence closest to the claim, or its opening when none shares a term. */
    private static String excerpt(Passage passage, Set<String> claimTerms) {
        return passage.closest(claimTerms).map(Sentence::text).map(GroundingCheck::shorten)
                .orElseGet(() -> opening(passage.text()));
    }

    private static String opening(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= OPENING_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', OPENING_CHARS);
        return flat.substring(0, cut > 0 ? cut : OPENING_CHARS) + " …";
    }

    private static String shorten(String sentence) {
        if (sentence.length() <= MAX_EXCERPT_CHARS) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_EXCERPT_CHARS);
        return sentence.substring(0, cut > 0 ? cut : MAX_EXCERPT_CHARS) + " …";
    }

    private static String markers(List<Integer> citations) {
        return citations.stream().map(n -> "[" + n + "]").collect(Collectors.joining());
    }

    private static String quoted(Collection<String> words) {
        return words.stream().map(word -> "« " + word + " »").collect(Collectors.joining(", "));
    }
}
