package fr.capsules.app.ask.grounding;

import fr.capsules.app.ask.grounding.CitedPassages.Clause;
import fr.capsules.app.ask.grounding.CitedPassages.Passage;
import fr.capsules.app.ask.grounding.CitedPassages.Sentence;
import fr.capsules.app.ask.grounding.Negations.Polarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the polarity of an answer clause with the source clause it restates.
 *
 * <p>The source clause is the cited clause holding the largest share of the answer clause's content
 * terms, at least {@value #MIN_SHARED} terms and {@value #MIN_MATCH} of them: below that the answer
 * clause restates nothing in particular and polarity means nothing. A mismatch is reported only when
 * every doubt has been resolved in favour of the answer:
 *
 * <ul>
 *   <li>the negated side's scope shares a term with the other side ({@link Negations});
 *   <li>neither clause is mixed (restriction or exception, see {@link Negations});
 *   <li>no candidate within {@value #TIE_MARGIN} of the best match has the answer's polarity — the
 *       passage may state both the rule and its opposite case;
 *   <li>no other clause of the same source sentence with the answer's polarity holds an answer term
 *       the matched clause lacks — the answer may merge "ne doit pas informer la famille mais l'ARS"
 *       into "informe l'ARS".
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
final class PolarityCheck {

    /** Minimum share of the answer clause's terms that the source clause must hold. */
    static final double MIN_MATCH = 0.5;

    /** Minimum number of shared terms: two words in common is the least that makes a restatement. */
    static final int MIN_SHARED = 2;

    /** Share of a negated source clause's terms an affirmative answer clause must hold to restate it. */
    static final double MIN_RESTATED = 0.75;

    /** Candidates this close to the best match count as equally good. */
    static final double TIE_MARGIN = 0.1;

    /** An answer clause whose polarity differs from its source clause. */
    record Mismatch(Passage passage, Sentence source, Clause sourceClause, Polarity sourcePolarity, Polarity answerPolarity) {}

    private record Candidate(Passage passage, Sentence sentence, Clause clause, double coverage) {}

    private final ContentTerms terms;

    PolarityCheck(ContentTerms terms) {
        this.terms = terms;
    }

    /** The first mismatch among the answer's claim clauses, compared with the cited passages. */
    Optional<Mismatch> find(List<String> answerClauses, List<Passage> cited) {
        Optional<Mismatch> found = mismatch(answerClauses, cited)
                .filter(mismatch -> !withoutRestatedAsNegatedParticiple(mismatch, answerClauses))
                .filter(mismatch -> !negationMoved(mismatch, String.join(" ; ", answerClauses)))
                .filter(mismatch -> !otherBranch(mismatch, String.join(" ; ", answerClauses)))
                .filter(mismatch -> !prefixedAntonym(mismatch.sourceClause().text(), String.join(" ", answerClauses)));
        return found.isPresent() ? found : prefixDropped(answerClauses, cited);
    }

    /**
     * An answer clause of the same polarity as its source clause that drops or adds a negative prefix ("la gestion des
     * risques est insuffisante" → "… est suffisante").
     */
    private Optional<Mismatch> prefixDropped(List<String> answerClauses, List<Passage> cited) {
        for (String answerClause : answerClauses) {
            Polarity polarity = Negations.of(answerClause);
            Set<String> answerTerms = terms.of(answerClause);
            for (Candidate candidate : candidates(answerTerms, cited)) {
                Polarity source = candidate.clause().polarity();
                if (source.mixed() || polarity.mixed() || source.negated() != polarity.negated()) {
                    continue;
                }
                String sourceText = candidate.clause().text();
                if (prefixed(sourceText, answerClause) != prefixed(answerClause, sourceText)) {
                    Polarity prefix = new Polarity(prefixedWord(prefixed(sourceText, answerClause) ? sourceText : answerClause), null, false);
                    return Optional.of(prefixed(sourceText, answerClause)
                            ? new Mismatch(candidate.passage(), candidate.sentence(), candidate.clause(), prefix, polarity)
                            : new Mismatch(candidate.passage(), candidate.sentence(), candidate.clause(), source, prefix));
                }
            }
        }
        return Optional.empty();
    }

    private static String prefixedWord(String text) {
        Matcher word = NEGATIVE_PREFIX.matcher(text);
        return word.find() ? word.group() : "in-";
    }

    /** An adjective denied by its prefix: "insuffisant", "incomplète", "impossible", "irrégulier", "inadapté". */
    private static final Pattern NEGATIVE_PREFIX = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:in|im|ir|il)(\\p{L}{3,}(?:ante?s?|ente?s?|ables?|ibles?|ets?|ètes?|iers?|ières?|ale?s?|aux|ifs?|ives?|ée?s?|ue?s?|acte?s?|ulière?s?))(?![\\p{L}])");

    /**
     * Whether one side denies with a prefix what the other denies with "ne … pas" ("la gestion des risques est
     * insuffisante" / "n'est pas suffisante"): the same polarity, read on the adjective.
     */
    static boolean prefixedAntonym(String one, String other) {
        return prefixed(one, other) || prefixed(other, one);
    }

    private static boolean prefixed(String withPrefix, String withoutPrefix) {
        Matcher word = NEGATIVE_PREFIX.matcher(withPrefix);
        while (word.find()) {
            String stem = base(word.group(1));
            boolean plain = WORD.matcher(withoutPrefix).results()
                    .anyMatch(w -> base(w.group()).equals(stem) && !NEGATIVE_PREFIX.matcher(w.group()).matches());
            if (plain) {
                return true;
            }
        }
        return false;
    }

    /** The word without its feminine and plural endings: "suffisantes" → "suffisant". */
    private static String base(String word) {
        return stem(word, 100).replaceAll("(?:es|s|e)$", "");
    }

    private static String stem(String word, int length) {
        return ContentTerms.foldedPrefix(word, length);
    }

    /**
     * Whether the source's "sans N" is restated by another clause of the answer as "ne … pas" with a
     * word of the same stem ("tenu sans traçabilité des réponses" → "tenu, mais les réponses n'y sont
     * pas tracées"): the negation moved, it was not dropped.
     */
    private static boolean withoutRestatedAsNegatedParticiple(Mismatch mismatch, List<String> answerClauses) {
        if (!mismatch.sourcePolarity().negated()) {
            return false;
        }
        Matcher without = WITHOUT_WORD.matcher(mismatch.sourcePolarity().cue());
        if (!without.find()) {
            return false;
        }
        String stem = stem(without.group(1));
        return answerClauses.stream()
                .filter(clause -> {
                    Polarity polarity = Negations.of(clause);
                    return polarity.negated() && !polarity.mixed() && !WITHOUT_WORD.matcher(polarity.cue()).find();
                })
                .anyMatch(clause -> WORD.matcher(clause).results().anyMatch(word -> stem(word.group()).equals(stem)));
    }

    /**
     * Whether the negation one side binds to a word ("sans prescription", "absence de plan bleu", "non-communication
     * du dossier", "une information non délivrée") is stated by the other side in another form on a word of the same
     * stem ("en l'absence de prescription", "faute de plan bleu", "le dossier n'a pas été communiqué", "défaut
     * d'information"): the negation moved, it was neither dropped nor added.
     */
    static boolean negationMoved(Mismatch mismatch, String answer) {
        boolean dropped = mismatch.sourcePolarity().negated();
        Polarity bound = dropped ? mismatch.sourcePolarity() : mismatch.answerPolarity();
        String boundSide = dropped ? mismatch.sourceClause().text() : answer;
        if (!dropped && bound.scope() != null && CONDITION.matcher(bound.scope()).lookingAt()) {
            // "si l'usager ne confirme pas par écrit, …" for "à défaut de confirmation, …": a condition in either form
            Set<String> denied = deniedStems(bound.scope());
            denied.retainAll(deniedStems(mismatch.source().text()));
            return !denied.isEmpty();
        }
        if (bound.scope() == null || !Negations.cues(boundSide).stream().allMatch(cue -> BOUND_CUE.matcher(cue).find())) {
            // "un scan sans texte n'est pas exploitable" → "un scan sans texte reste exploitable": "n'est pas" dropped
            return false;
        }
        Set<String> denied = deniedStems(bound.scope());
        denied.retainAll(deniedStems(dropped ? answer : mismatch.source().text()));
        return !denied.isEmpty();
    }

    /**
     * Whether the answer negates the condition of a rule the source states in two branches ("par courriel lorsque le
     * réclamant a écrit par voie électronique, et par courrier dans les autres cas" → "par courrier lorsque le
     * réclamant n'a pas écrit par voie électronique"): the other branch, restated.
     */
    static boolean otherBranch(Mismatch mismatch, String answer) {
        if (mismatch.sourcePolarity().negated() || !TWO_BRANCHES.matcher(mismatch.source().text()).find()) {
            return false;
        }
        int cue = answer.indexOf(mismatch.answerPolarity().cue());
        Matcher condition = CONDITION_WORD.matcher(answer);
        return cue > 0 && condition.find() && condition.start() < cue;
    }

    private static final Pattern TWO_BRANCHES = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:dans (?:tous )?les autres cas|dans le cas contraire|sinon)(?![\\p{L}])");
    private static final Pattern CONDITION_WORD = Pattern.compile("(?iu)(?<![\\p{L}])(?:si|s['’]|lorsque|lorsqu['’]|quand)(?![\\p{L}])");
    private static final Pattern CONDITION = Pattern.compile("(?iu)(?:si|s['’]|lorsque|lorsqu['’]|quand|tant que|tant qu['’])(?![\\p{L}])");
    private static final Pattern BOUND_CUE = Pattern.compile(
            "(?iu)^(?:sans|hors|non|non-\\p{L}+|absence|défaut|à défaut|faute|manque|refus|omission|oubli)(?![\\p{L}])");
    private static final Pattern NEGATIVE_MARK = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:(?:ne|sans|non|absence|défaut|faute|manque|aucune?|jamais|refus|omission)(?![\\p{L}])|n['’])"
                    + "((?:\\s*[\\p{L}'’-]+){1,5})|(?<![\\p{L}])non-(\\p{L}+)");

    /** The stems of the words a negation bears on in {@code text}: up to five words after each negative mark. */
    private static Set<String> deniedStems(String text) {
        Set<String> stems = new java.util.HashSet<>();
        Matcher mark = NEGATIVE_MARK.matcher(text);
        while (mark.find()) {
            String words = mark.group(1) != null ? mark.group(1) : mark.group(2);
            WORD.matcher(words).results().map(w -> stem(w.group()))
                    .filter(st -> !Set.of("pour", "dans", "avec", "sont", "être", "etre", "avoi", "plus").contains(st))
                    .forEach(stems::add);
        }
        return stems;
    }

    private static final Pattern WITHOUT_WORD = Pattern.compile("(?iu)^sans\\s+(\\p{L}{4,})");
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    private static final int STEM = 4;

    private static String stem(String word) {
        return stem(word, STEM);
    }

    private Optional<Mismatch> mismatch(List<String> answerClauses, List<Passage> cited) {
        for (String answerClause : answerClauses) {
            Polarity polarity = Negations.of(answerClause);
            Set<String> answerTerms = terms.of(answerClause);
            if (polarity.mixed() || answerTerms.size() < MIN_SHARED) {
                continue;
            }
            Optional<Mismatch> parity = chainedParity(answerClause, answerTerms, cited);
            if (parity != null) {
                if (parity.isPresent()) {
                    return parity;
                }
                continue;
            }
            Optional<Mismatch> mismatch = compare(answerTerms, polarity, candidates(answerTerms, cited), subject(answerClause))
                    .filter(found -> negationBearsOnTheMatch(found, answerTerms))
                    .filter(found -> !sameLowerBound(found.sourceClause().text(), answerClause));
            if (mismatch.isEmpty()) {
                mismatch = secondDenialAdded(answerClause, answerTerms, polarity, cited);
            }
            if (mismatch.isEmpty()) {
                mismatch = deniedAct(answerClause, answerTerms, polarity, cited);
            }
            if (mismatch.isPresent()) {
                return mismatch;
            }
        }
        return restatedNegationDropped(answerClauses, cited);
    }

    /**
     * Where the answer clause or the source clause it restates chains denials ({@link Negations#chained}: "éviter les
     * fichiers sans titre"), the parity of their denials compared: "éviter les fichiers avec un titre" (one) and "il
     * n'est pas nécessaire d'éviter les fichiers sans titre" (three) invert it, "il convient d'éviter les fichiers
     * dépourvus de titre" (two) keeps it. Null when neither side chains (the other comparisons apply).
     */
    private Optional<Mismatch> chainedParity(String answerClause, Set<String> answerTerms, List<Passage> cited) {
        Optional<Candidate> best = candidates(answerTerms, cited).stream().max(java.util.Comparator.comparingDouble(Candidate::coverage));
        if (best.isEmpty() || !(Negations.chained(best.get().clause().text()) || Negations.chained(answerClause)
                || best.get().clause().introducedDenials() > 0)) {
            return null;
        }
        List<String> source = new ArrayList<>(Negations.denials(best.get().clause().text()));
        for (int i = 0; i < best.get().clause().introducedDenials(); i++) {
            source.add(0, "(liste niée)");
        }
        List<String> answer = Negations.denials(answerClause);
        if (source.size() % 2 == answer.size() % 2) {
            return Optional.empty();
        }
        Candidate match = best.get();
        return Optional.of(new Mismatch(match.passage(), match.sentence(), match.clause(),
                new Polarity(source.size() % 2 == 1 ? String.join(" … ", source) : null, match.clause().text(), false),
                new Polarity(answer.size() % 2 == 1 ? String.join(" … ", answer) : null, answerClause, false)));
    }

    /**
     * A negated answer clause that adds a second, separate denial to its negated source clause ("le non-respect de la
     * charte peut donner lieu à des poursuites" → "le non-respect de la charte ne peut pas donner lieu à des
     * poursuites"): both hold a negation, but the answer denies what the source states.
     */
    private Optional<Mismatch> secondDenialAdded(String answerClause, Set<String> answerTerms, Polarity polarity, List<Passage> cited) {
        if (!polarity.negated()) {
            return Optional.empty();
        }
        Polarity second = secondDenial(answerClause);
        if (second == null) {
            return Optional.empty();
        }
        List<Candidate> candidates = candidates(answerTerms, cited);
        double best = candidates.stream().mapToDouble(Candidate::coverage).max().orElse(0);
        List<Candidate> closest = candidates.stream().filter(c -> c.coverage() >= best - TIE_MARGIN).toList();
        if (closest.isEmpty() || closest.stream().anyMatch(c -> c.clause().polarity().mixed()
                || !c.clause().polarity().negated() || Negations.count(c.clause().text()) >= Negations.count(answerClause))) {
            return Optional.empty();
        }
        Candidate match = closest.stream().filter(c -> c.coverage() == best).findFirst().orElseThrow();
        if (Overlap.shared(terms.of(second.scope()), match.clause().terms()) == 0) {
            return Optional.empty();
        }
        return Optional.of(new Mismatch(match.passage(), match.sentence(), match.clause(), new Polarity(null, null, false), second));
    }

    /**
     * A negation the answer adds to an act its source sentence states in a clause of its own: "Réaliser les entretiens
     * et en tenir un suivi" → "Réaliser les entretiens, sans en tenir de suivi". The answer clause matches the source's
     * first act (affirmative, like most of the answer) while its one denial bears on the second act, which the source
     * states affirmatively; the comparison of whole clauses cannot see it. The denial's scope (after its cue) must be
     * held by an affirmative clause of a sentence the answer clause restates, and denied by no clause of the passages.
     */
    private Optional<Mismatch> deniedAct(String answerClause, Set<String> answerTerms, Polarity polarity, List<Passage> cited) {
        if (!polarity.negated() || polarity.mixed() || Negations.count(answerClause) != 1 || polarity.scope() == null) {
            return Optional.empty();
        }
        String scope = polarity.scope();
        int cueAt = scope.indexOf(polarity.cue());
        Set<String> denied = terms.of(cueAt >= 0 ? scope.substring(cueAt + polarity.cue().length()) : scope);
        if (denied.isEmpty()) {
            return Optional.empty();
        }
        for (Passage passage : cited) {
            for (Sentence sentence : passage.sentences()) {
                if (sentence.clauses().stream().anyMatch(c -> c.polarity().mixed() || c.introducedDenials() > 0
                        || (c.polarity().negated() && Overlap.sharedOrDerived(denied, terms.of(c.polarity().scope())) > 0))) {
                    continue;
                }
                if (Overlap.sharedOrDerived(answerTerms, sentence.terms()) < MIN_SHARED
                        || Overlap.coverage(answerTerms, sentence.terms()) < MIN_MATCH) {
                    continue;
                }
                for (Clause clause : sentence.clauses()) {
                    if (Negations.count(clause.text()) == 0 && Overlap.sharedOrDerived(denied, clause.terms()) == denied.size()) {
                        return Optional.of(new Mismatch(passage, sentence, clause, new Polarity(null, null, false), polarity));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A negated source clause whose content an affirmative answer clause holds almost whole ({@value
     * #MIN_RESTATED} of its terms): "le registre est tenu, mais les réponses ne sont pas tracées"
     * merged into "le registre est tenu et les réponses sont tracées", where the answer clause also
     * matches the affirmative source clause as well and the comparison above stays silent. Also a
     * clause that keeps one of two negations ("un scan sans texte n'est pas exploitable" → "un scan
     * sans texte reste exploitable").
     */
    private Optional<Mismatch> restatedNegationDropped(List<String> answerClauses, List<Passage> cited) {
        for (String answerClause : answerClauses) {
            Polarity polarity = Negations.of(answerClause);
            if (polarity.mixed()) {
                continue;
            }
            int answerCues = Negations.count(answerClause);
            Set<String> answerTerms = terms.of(answerClause);
            for (Passage passage : cited) {
                for (Sentence sentence : passage.sentences()) {
                    for (Clause clause : sentence.clauses()) {
                        Polarity source = clause.polarity();
                        int sourceCues = Negations.count(clause.text());
                        Polarity second = answerCues > sourceCues ? secondDenial(answerClause) : null;
                        boolean added = polarity.negated() && second != null;
                        if (source.negated() && !source.mixed()
                                && (!polarity.negated() || sourceCues > answerCues || added)
                                && Overlap.shared(clause.terms(), answerTerms) >= MIN_SHARED
                                && Overlap.coverage(clause.terms(), answerTerms) >= MIN_RESTATED
                                && Overlap.shared(terms.of(source.scope()), answerTerms) > 0
                                && !sameLowerBound(clause.text(), answerClause)
                                && (added || !restatesTheMeasure(answerClause, answerTerms, clause, cited))) {
                            return Optional.of(added
                                    ? new Mismatch(passage, sentence, clause, new Polarity(null, null, false), second)
                                    : new Mismatch(passage, sentence, clause, source, polarity));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an affirmative answer clause that asks for an act restates a source clause asking for it, rather than
     * denying the negated finding beside it: a finding and its measure ("Habilitation des techniciens non tracée" /
     * "Tracer l'habilitation de chaque technicien", two cells of one table row, or a constat and its mesure) share their
     * words, and "Il faut tracer l'habilitation de chaque technicien" restates the measure. Only when the finding is not
     * itself an instruction, and the measure holds at least as many of the answer's terms as the finding.
     */
    private static boolean restatesTheMeasure(String answerClause, Set<String> answerTerms, Clause negated, List<Passage> cited) {
        if (!Clauses.instruction(answerClause) || Clauses.instruction(negated.text())) {
            return false;
        }
        int finding = Overlap.sharedOrDerived(answerTerms, negated.terms());
        return cited.stream().flatMap(p -> p.sentences().stream()).flatMap(s -> s.clauses().stream())
                .anyMatch(measure -> !measure.polarity().negated() && !measure.polarity().mixed()
                        && Clauses.instruction(measure.text())
                        && Overlap.sharedOrDerived(answerTerms, measure.terms()) >= Math.max(MIN_SHARED, finding));
    }

    /**
     * The second of the clause's negations when they are two separate denials ("l'absence de déclaration n'est pas un constat"), not
     * one reinforced ("ne … jamais … aucun", "ni … ni").
     */
    private static Polarity secondDenial(String clause) {
        Polarity first = Negations.of(clause);
        if (!first.negated()) {
            return null;
        }
        String rest = clause.substring(clause.indexOf(first.cue()) + first.cue().length());
        Polarity second = Negations.of(rest);
        boolean apart = second.negated() && !second.mixed()
                && !second.cue().toLowerCase(java.util.Locale.ROOT).matches("(?s)(?:ni|aucune?|jamais|nul(?:le)?|rien)(?:\\s.*)?");
        return apart ? second : null;
    }

    /**
     * Whether one clause says "ne … pas avant" (or "ne peut … avant") and the other restates it as a
     * lower bound ("au plus tôt", "après", "à partir de", "au moins"): the same rule, no inversion.
     */
    static boolean sameLowerBound(String one, String other) {
        return (NOT_BEFORE.matcher(one).find() && LOWER_BOUND.matcher(other).find())
                || (NOT_BEFORE.matcher(other).find() && LOWER_BOUND.matcher(one).find());
    }

    private static final java.util.regex.Pattern NOT_BEFORE = java.util.regex.Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:ne\\s+|n['’]\\s*)(?:[\\p{L}'’-]+\\s+){0,4}?avant(?![\\p{L}])");
    private static final java.util.regex.Pattern LOWER_BOUND = java.util.regex.Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:au plus tôt|au moins|au minimum|à partir d|après|passé)(?![\\p{L}])");

    /**
     * Whether the negated side's scope shares a term with the other side: a negation in an incidental
     * phrase ("qui n'était pas présent") says nothing about what the answer restates.
     */
    private boolean negationBearsOnTheMatch(Mismatch mismatch, Set<String> answerTerms) {
        if (mismatch.sourcePolarity().negated()) {
            return Overlap.shared(terms.of(mismatch.sourcePolarity().scope()), answerTerms) > 0;
        }
        return Overlap.shared(terms.of(mismatch.answerPolarity().scope()), mismatch.sourceClause().terms()) > 0;
    }

    private static List<Candidate> candidates(Set<String> answerTerms, List<Passage> cited) {
        List<Candidate> candidates = new ArrayList<>();
        for (Passage passage : cited) {
            for (Sentence sentence : passage.sentences()) {
                for (Clause clause : sentence.clauses()) {
                    int shared = Overlap.sharedOrDerived(answerTerms, clause.terms());
                    double coverage = answerTerms.isEmpty() ? 0 : (double) shared / answerTerms.size();
                    if (shared >= MIN_SHARED && coverage >= MIN_MATCH) {
                        candidates.add(new Candidate(passage, sentence, clause, coverage));
                    }
                }
            }
        }
        return candidates;
    }

    private Optional<Mismatch> compare(Set<String> answerTerms, Polarity polarity, List<Candidate> candidates) {
        return compare(answerTerms, polarity, candidates, null);
    }

    /** {@code subject}: the answer clause's first content term, when it opens the clause as its subject. */
    private Optional<Mismatch> compare(Set<String> answerTerms, Polarity polarity, List<Candidate> candidates, String subject) {
        double best = candidates.stream().mapToDouble(Candidate::coverage).max().orElse(0);
        List<Candidate> closest = candidates.stream().filter(c -> c.coverage() >= best - TIE_MARGIN).toList();
        if (closest.isEmpty()
                || closest.stream().anyMatch(c -> c.clause().polarity().mixed()
                        || c.clause().polarity().negated() == polarity.negated() && !deniesElsewhere(c, polarity, answerTerms))) {
            return Optional.empty();
        }
        Candidate match = closest.stream().filter(c -> c.coverage() == best).findFirst().orElseThrow();
        boolean siblingSupports = match.sentence().clauses().stream()
                .filter(clause -> clause != match.clause() && clause.polarity().negated() == polarity.negated())
                .anyMatch(clause -> answerTerms.stream()
                        // not the answer's subject, which the source may name in a clause of its own ("Cette fonction
                        // est une aide : elle ne dispense pas …" → "Cette fonction dispense …")
                        .anyMatch(term -> clause.terms().contains(term) && !match.clause().terms().contains(term)
                                && !term.equals(subject))
                        // a negation the source states in a clause of its own ("absence de registre" beside "tenir un
                        // registre"), restated in the answer's words ("il n'existe pas de registre")
                        || (polarity.negated() && !clause.polarity().mixed()
                                && Overlap.shared(answerTerms, clause.terms()) >= MIN_SHARED
                                && Overlap.coverage(answerTerms, clause.terms()) >= MIN_MATCH));
        if (siblingSupports) {
            return Optional.empty();
        }
        Polarity sourcePolarity = match.clause().polarity().negated() == polarity.negated()
                ? new Polarity(null, null, false)
                : match.clause().polarity();
        return Optional.of(new Mismatch(match.passage(), match.sentence(), match.clause(), sourcePolarity, polarity));
    }

    /** The first content term of a clause that opens with a determiner and a noun ("Cette fonction …", "Le registre …"). */
    private String subject(String clause) {
        Matcher opening = SUBJECT.matcher(clause);
        if (!opening.lookingAt()) {
            return null;
        }
        Set<String> noun = terms.of(opening.group(1));
        return noun.size() == 1 ? noun.iterator().next() : null;
    }

    private static final Pattern SUBJECT = Pattern.compile(
            "(?iu)\\s*(?:(?:le|la|les|ce|cet|cette|ces|son|sa|ses|leur|leurs|chaque|tout|toute)\\s+|l['’]\\s*)(\\p{L}{3,})(?![\\p{L}'’])");

    /**
     * Whether a negated source clause denies something the negated answer clause does not restate, so that on what the
     * answer restates the source is affirmative: "géré par une association à but non lucratif" → "n'est pas géré par une
     * association", "exposer des données personnelles" listed beside "omettre une négation" → "n'exposent jamais de
     * données personnelles". The source holds one denial, whose scope shares no word (nor stem) with the answer clause.
     */
    private boolean deniesElsewhere(Candidate candidate, Polarity answer, Set<String> answerTerms) {
        Polarity source = candidate.clause().polarity();
        if (!answer.negated() || answer.mixed() || !source.negated() || source.mixed()
                || Negations.count(candidate.clause().text()) != 1 || sharesStem(source.scope(), answer.scope())) {
            return false;
        }
        // the source denies nothing the answer restates, or the answer binds its denial to another word the source
        // states ("pour non-communication du dossier … avec rappel" → "… sans rappel")
        return Overlap.shared(terms.of(source.scope()), answerTerms) == 0
                || (BOUND_CUE.matcher(answer.cue()).find()
                        && Overlap.sharedOrDerived(terms.of(answer.scope()), candidate.clause().terms()) > 0);
    }

    private static boolean sharesStem(String one, String other) {
        Set<String> stems = new java.util.HashSet<>();
        WORD.matcher(one).results().forEach(w -> stems.add(stem(w.group(), 5)));
        return WORD.matcher(other).results().anyMatch(w -> stems.contains(stem(w.group(), 5)));
    }
}
