package fr.capsules.app.ask.grounding;

import fr.capsules.app.ask.grounding.CitedPassages.Passage;
import fr.capsules.app.ask.grounding.CitedPassages.Sentence;
import fr.capsules.app.ask.grounding.Qualifiers.Bounded;
import fr.capsules.app.ask.grounding.Qualifiers.Reading;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.Matcher;

/**
 * Compares the qualifiers ({@link Qualifiers}) of an answer sentence with those of the source
 * sentence it restates — the one sharing most of its content terms, at least half of them. A
 * change is reported when:
 *
 * <ul>
 *   <li>a bound on the same figure is reversed ("au moins trois fois" → "au plus trois fois",
 *       "au plus tard dans les huit jours" → "au plus tôt dans les huit jours");
 *   <li>a restriction becomes a negation of the restricted element ("n'est communiquée qu'avec son
 *       accord" → "n'est pas communiquée, même avec son accord"), or is dropped from the clause the
 *       answer restates ("ne sont établis que pour 40 %" → "sont établis pour tous");
 *   <li>an exception becomes an inclusion ("sauf si les faits révèlent un danger" → "même si …",
 *       "sauf exceptions" → "sans exception"), an inclusion becomes an exception ("y compris
 *       lorsque" → "sauf lorsque"), or the answer excepts what the source states ("à défaut
 *       d'accord, la délégation instruit" → "la délégation instruit, sauf à défaut d'accord");
 *   <li>both sentences state an exception but one is negated ("interdit sauf …" → "autorisé sauf …");
 *   <li>the answer bounds a figure the source gives bare ("au moins sept résidents" for "sept résidents");
 *   <li>the answer restricts ("ne … que", "seul", "uniquement") where the source does not;
 *   <li>a deadline or rhythm in words differs ({@link TimeWords}: "annuel" for "trimestriel", "la veille" for "une
 *       semaine à l'avance", "après" for "avant", "jours calendaires" for "jours ouvrés").
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
final class QualifierCheck {

    /** A qualifier the answer changed, in French for the user, with the source sentence. */
    record Change(Passage passage, Sentence source, String difference) {}

    private final ContentTerms terms;

    QualifierCheck(ContentTerms terms) {
        this.terms = terms;
    }

    Optional<Change> find(String answer, Set<String> answerTerms, List<Passage> cited) {
        Passage bestPassage = null;
        Sentence best = null;
        int bestShared = 0;
        for (Passage passage : cited) {
            for (Sentence sentence : passage.sentences()) {
                int shared = Overlap.shared(answerTerms, sentence.terms());
                if (shared > bestShared && shared >= PolarityCheck.MIN_SHARED
                        && Overlap.coverage(answerTerms, sentence.terms()) >= PolarityCheck.MIN_MATCH) {
                    bestPassage = passage;
                    best = sentence;
                    bestShared = shared;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Passage passage = bestPassage;
        Sentence source = best;
        return difference(answer, answerTerms, source).map(difference -> new Change(passage, source, difference));
    }

    private Optional<String> difference(String answer, Set<String> answerTerms, Sentence source) {
        Reading said = Qualifiers.of(answer);
        Reading written = Qualifiers.of(source.text());
        for (Bounded bound : said.bounds()) {
            boolean same = written.bounds().stream().anyMatch(b -> b.bound() == bound.bound() && b.figure().equals(bound.figure()));
            Optional<Bounded> opposite = written.bounds().stream()
                    .filter(b -> b.bound() != bound.bound() && b.figure().equals(bound.figure())).findFirst();
            if (!same && opposite.isPresent()) {
                return Optional.of("la source dit « " + opposite.get().words() + " », la réponse « " + bound.words() + " ».");
            }
        }
        if (written.bounds().isEmpty()) {
            Set<String> sourceFigures = Figures.inSource(source.text()).keySet();
            Set<String> sourceDurations = new HashSet<>();
            Figures.durations(source.text()).keySet().forEach(d -> sourceDurations.add(d.substring(0, d.indexOf(' '))));
            for (Bounded bound : Qualifiers.explicitBounds(answer)) {
                // A bare deadline is a limit: "2 jours ouvrés" may be restated "deux jours ouvrés au plus".
                boolean limit = bound.bound() == Qualifiers.Bound.UPPER && sourceDurations.contains(bound.figure());
                if (!bound.figure().isEmpty() && sourceFigures.contains(bound.figure()) && !limit) {
                    return Optional.of("la réponse borne (« " + bound.words() + " ») un chiffre que la source donne sans borne.");
                }
            }
        }
        if (said.restrictsOutright() && !written.restriction() && written.exception() == null) {
            return Optional.of("la réponse pose une restriction (« ne … que », « seul », « uniquement ») absente de la source.");
        }
        Optional<String> partial = partialMadeTotal(answer, source.text());
        if (partial.isPresent()) {
            return partial;
        }
        Optional<String> time = TimeWords.difference(answer, source.text());
        if (time.isPresent()) {
            return time;
        }
        Optional<String> manner = mannerReversed(answer, source.text());
        if (manner.isPresent()) {
            return manner;
        }
        boolean answerNegated = Clauses.of(answer).stream().map(Negations::of).anyMatch(p -> p.negated() && !p.mixed());
        if (written.restriction() && !said.restriction()) {
            Set<String> restricted = withFigures(written.restricted());
            if (answerNegated && Overlap.shared(restricted, withFigures(answer)) > 0) {
                return Optional.of("la source restreint (« ne … que »), la réponse nie.");
            }
            // the answer must share a word with the restriction ("une seule aide-soignante pour 45 résidents dont 12 en
            // unité protégée" restated in part as "parmi eux, 12 sont en unité protégée" drops nothing)
            if (!answerNegated && restatesRestrictedClause(answerTerms, source)
                    && Overlap.sharedOrDerived(terms.of(Qualifiers.restrictionSpan(source.text())), answerTerms) > 0
                    && !PolarityCheck.sameLowerBound(source.text(), answer)) {
                return Optional.of("la source pose une restriction (« ne … que », « seul », « uniquement ») absente de la réponse.");
            }
        }
        if (written.exception() != null && said.exception() == null && said.inclusion()) {
            return Optional.of("la source prévoit une exception (« sauf … »), la réponse l'inclut.");
        }
        if (said.exception() != null && written.exception() == null && !ALTERNATIVE.matcher(source.text()).find()) {
            // a rule in two branches ("… et par courrier dans les autres cas") may be restated as a rule and its exception
            if (written.inclusion()) {
                return Optional.of("la source inclut ce cas (« y compris », « quel que soit »), la réponse l'excepte.");
            }
            if (Overlap.shared(terms.of(said.exception()), source.terms()) > 0) {
                return Optional.of("la réponse fait une exception (« sauf … ») de ce que la source affirme.");
            }
            if (!written.restriction()) {
                // "Signaler au procureur …, sauf en EHPAD": an exception the source does not make narrows its rule
                return Optional.of("la réponse fait une exception (« sauf … ») que la source ne prévoit pas.");
            }
        }
        if (said.exception() != null && written.exception() != null && !said.restriction() && !written.restriction()
                && Negations.of(answer).negated() != Negations.of(source.text()).negated()) {
            return Optional.of("la source et la réponse n'ont pas la même polarité autour de l'exception (« sauf … »).");
        }
        return Optional.empty();
    }

    /** A partial negation: "non systématique", "pas systématiquement", "pas toujours", "pas tous". */
    private static final Pattern PARTIAL = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:non|pas|plus)\\s+(?:systématique\\p{L}*|toujours|tou(?:te)?s|forcément|nécessairement|exhausti\\p{L}*|constant\\p{L}*)(?![\\p{L}])"
                    + "|(?<![\\p{L}])(?:de manière|de façon)\\s+(?:non\\s+)?(?:systématique|constante)(?![\\p{L}])|(?<![\\p{L}])(?:parfois|pas\\s+toujours|irrégulière\\p{L}*|inégal\\p{L}*)(?![\\p{L}])");
    /** A total negation: "jamais", "aucun", "nul", "en aucun cas". */
    private static final Pattern TOTAL = Pattern.compile("(?iu)(?<![\\p{L}])(?:jamais|aucune?|nulle?|en aucun cas)(?![\\p{L}])");

    /**
     * "Information non systématique des familles" restated "les familles ne sont jamais informées", or the other way
     * round: "not always" and "never" are different facts.
     */
    static Optional<String> partialMadeTotal(String answer, String source) {
        boolean sourcePartial = PARTIAL.matcher(source).find() && !TOTAL.matcher(source).find();
        boolean answerPartial = PARTIAL.matcher(answer).find() && !TOTAL.matcher(answer).find();
        if (sourcePartial && !answerPartial && TOTAL.matcher(answer).find()) {
            return Optional.of("la source dit « pas toujours », la réponse « jamais » ou « aucun ».");
        }
        if (answerPartial && !sourcePartial && TOTAL.matcher(source).find()) {
            return Optional.of("la source dit « jamais » ou « aucun », la réponse « pas toujours ».");
        }
        return Optional.empty();
    }

    /** A rule in two branches, which an answer may restate as a rule and its exception: "… et par courrier dans les autres cas". */
    private static final Pattern ALTERNATIVE = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:dans les autres cas|dans le cas contraire|sinon|autrement|dans tous les autres cas)(?![\\p{L}])");

    private static final Pattern WITHOUT_DOING = Pattern.compile("(?iu)(?<![\\p{L}])sans\\s+(?:l['’]|les?\\s+|se\\s+|s['’])?(\\p{L}{2,})(?:er|ir|re)(?![\\p{L}])");
    private static final Pattern WHILE_DOING = Pattern.compile("(?iu)(?<![\\p{L}])en\\s+(?:l['’]|les?\\s+|se\\s+|s['’])?(\\p{L}{2,})(?:ant|issant)(?![\\p{L}])");

    /**
     * "sans citer le réclamant" restated as "en citant le réclamant": the manner is reversed (same
     * stem, infinitive after "sans" in one, gerund in the other), whichever way round.
     */
    static Optional<String> mannerReversed(String answer, String source) {
        Optional<String> dropped = sameStem(WITHOUT_DOING.matcher(source), WHILE_DOING.matcher(answer));
        if (dropped.isPresent()) {
            return Optional.of("la source dit « sans " + dropped.get() + "… », la réponse « en " + dropped.get() + "… ».");
        }
        return sameStem(WITHOUT_DOING.matcher(answer), WHILE_DOING.matcher(source))
                .map(stem -> "la source dit « en " + stem + "… », la réponse « sans " + stem + "… ».");
    }

    private static Optional<String> sameStem(Matcher without, Matcher whileDoing) {
        Set<String> stems = new HashSet<>();
        while (without.find()) {
            stems.add(without.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        while (whileDoing.find()) {
            String stem = whileDoing.group(1).toLowerCase(java.util.Locale.ROOT);
            if (stems.contains(stem)) {
                return Optional.of(stem);
            }
        }
        return Optional.empty();
    }

    /** Whether the answer restates the very clause that holds the source's restriction. */
    private boolean restatesRestrictedClause(Set<String> answerTerms, Sentence source) {
        return source.clauses().stream()
                .filter(clause -> Qualifiers.of(clause.text()).restriction())
                .anyMatch(clause -> Overlap.shared(answerTerms, clause.terms()) >= PolarityCheck.MIN_SHARED
                        && Overlap.coverage(answerTerms, clause.terms()) >= PolarityCheck.MIN_MATCH);
    }

    private Set<String> withFigures(String text) {
        Set<String> all = new HashSet<>(terms.of(text));
        all.addAll(Figures.inAnswer(text).keySet());
        return all;
    }
}
