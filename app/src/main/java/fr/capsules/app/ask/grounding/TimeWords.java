package fr.capsules.app.ask.grounding;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deadlines and rhythms written in words, read into a canonical form so that an answer can be compared with its
 * source where {@link Figures} sees no figure:
 *
 * <ul>
 *   <li><b>period</b> of a recurring act, in days: "quotidien", "chaque jour" → 1; "hebdomadaire" → 7; "mensuel",
 *       "mensuellement" → 30; "trimestriel", "tous les trois mois" → 90; "semestriel", "deux fois par an" → 180;
 *       "annuel", "chaque année" → 365; "tous les deux ans" → 730 ("N fois par an", "tous les N mois|jours|ans");
 *   <li><b>day relative</b> to an event: "l'avant-veille" −2, "la veille" −1, "le jour même" 0, "le lendemain" +1,
 *       "le surlendemain" +2, "N jours|semaines à l'avance" −N×unit;
 *   <li><b>order</b> relative to an event: "avant X" / "après X", by the stem of X, reversed in a negated clause
 *       ("n'est jamais retirée avant validation" is "retirée après validation");
 *   <li><b>kind of days</b>: "jours ouvrés" / "ouvrables" against "jours calendaires" / "francs".
 * </ul>
 *
 * <p>A difference is reported only when both sentences state the same kind of reading and the answer's is not among
 * the source's. Stateless; thread-safe.
 */
final class TimeWords {

    private static final Map<String, Integer> PERIOD_WORDS = new HashMap<>();

    static {
        for (String w : List.of("quotidien", "quotidienne", "quotidiens", "quotidiennes", "quotidiennement", "journalier",
                "journalière", "journaliers", "journalières", "chaque jour", "tous les jours")) {
            PERIOD_WORDS.put(w, 1);
        }
        for (String w : List.of("hebdomadaire", "hebdomadaires", "chaque semaine", "toutes les semaines")) {
            PERIOD_WORDS.put(w, 7);
        }
        for (String w : List.of("mensuel", "mensuelle", "mensuels", "mensuelles", "mensuellement", "chaque mois",
                "tous les mois")) {
            PERIOD_WORDS.put(w, 30);
        }
        for (String w : List.of("trimestriel", "trimestrielle", "trimestriels", "trimestrielles", "trimestriellement",
                "chaque trimestre")) {
            PERIOD_WORDS.put(w, 90);
        }
        for (String w : List.of("semestriel", "semestrielle", "semestriels", "semestrielles", "chaque semestre")) {
            PERIOD_WORDS.put(w, 180);
        }
        for (String w : List.of("annuel", "annuelle", "annuels", "annuelles", "annuellement", "chaque année",
                "tous les ans", "chaque an")) {
            PERIOD_WORDS.put(w, 365);
        }
        for (String w : List.of("biennal", "biennale", "bisannuel", "bisannuelle")) {
            PERIOD_WORDS.put(w, 730);
        }
    }

    private static final Pattern PERIOD_WORD = Pattern.compile("(?iu)(?<![\\p{L}])(?:"
            + String.join("|", PERIOD_WORDS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList())
            + ")(?![\\p{L}])");
    private static final String COUNT = "(\\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze)";
    private static final Pattern TIMES_A = Pattern.compile(
            "(?iu)(?<![\\p{L}])" + COUNT + "\\s+fois\\s+par\\s+(an|année|mois|semaine|jour|trimestre)(?![\\p{L}])");
    private static final Pattern EVERY_N = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:tous|toutes)\\s+les\\s+" + COUNT + "\\s+(jours|semaines|mois|ans|années)(?![\\p{L}])");
    private static final Pattern RELATIVE_DAY = Pattern.compile(
            "(?iu)(?<![\\p{L}])(l['’]avant-veille|la veille|le jour même|le lendemain|le surlendemain)(?![\\p{L}])");
    private static final Pattern AHEAD = Pattern.compile(
            "(?iu)(?<![\\p{L}])" + COUNT + "\\s+(jours?|semaines?|mois)\\s+à\\s+l['’]avance(?![\\p{L}])");
    private static final Pattern ORDER = Pattern.compile(
            "(?iu)(?<![\\p{L}])(avant|après)\\s+(?:l['’]|(?:la|le|les|leur|leurs|toute|tout|toutes|tous|chaque|sa|son|ses|de|du|des|une?)\\s+|d['’])?(\\p{L}{4,})");
    /** "jours ouvrés", and "J+8 ouvrés" (a number of days from the event). */
    private static final Pattern WORKING_DAYS = Pattern.compile(
            "(?iu)(?:(?<![\\p{L}])jours?|(?<![\\p{L}\\d])J\\s?[+-]\\s?\\d{1,3})\\s+(ouvrés|ouvrables|calendaires|francs)(?![\\p{L}])");

    private TimeWords() {}

    /** The first difference in deadlines or rhythms written in words, in French for the user. */
    static Optional<String> difference(String answer, String source) {
        Optional<String> period = differ(periods(answer), periods(source), "le rythme");
        if (period.isPresent()) {
            return period;
        }
        Map<Integer, String> answerPeriods = periods(answer);
        if (!answerPeriods.isEmpty() && periods(source).isEmpty() && !ANY_RHYTHM.matcher(source).find()) {
            // "un suivi annuel" for "un suivi": a rhythm the source does not state
            return Optional.of("la réponse donne le rythme « " + String.join(", ", answerPeriods.values())
                    + " », que la source n'indique pas.");
        }
        Optional<String> day = differ(relativeDays(answer), relativeDays(source), "le jour");
        if (day.isPresent()) {
            return day;
        }
        Map<String, String> said = orders(answer);
        Map<String, String> written = orders(source);
        for (Map.Entry<String, String> order : said.entrySet()) {
            String other = written.get(order.getKey());
            if (other != null && !other.equals(order.getValue())) {
                return Optional.of("la source situe ce moment « " + other + " », la réponse « " + order.getValue() + " ».");
            }
        }
        Set<String> answerDays = workingDays(answer);
        Set<String> sourceDays = workingDays(source);
        if (!answerDays.isEmpty() && !sourceDays.isEmpty() && !sourceDays.containsAll(answerDays)) {
            return Optional.of("la source compte en jours " + String.join(", ", sourceDays) + ", la réponse en jours "
                    + String.join(", ", answerDays) + ".");
        }
        return Optional.empty();
    }

    private static Optional<String> differ(Map<Integer, String> said, Map<Integer, String> written, String what) {
        if (said.isEmpty() || written.isEmpty() || said.keySet().stream().allMatch(d -> near(d, written.keySet()))) {
            return Optional.empty();
        }
        return Optional.of("la source donne " + what + " « " + String.join(", ", written.values()) + " », la réponse « "
                + String.join(", ", said.values()) + " ».");
    }

    private static boolean near(int days, Set<Integer> among) {
        return among.stream().anyMatch(other -> Math.abs(other - days) <= Math.max(Math.abs(other), Math.abs(days)) * 0.05);
    }

    /**
     * The figures of the answer's rhythms and delays in words that the source states otherwise with the same
     * meaning ("deux fois par an" for "tous les six mois", "sept jours à l'avance" for "une semaine à l'avance"):
     * canonical figures, as {@link Figures} writes them.
     */
    static Set<String> restated(String answer, String source) {
        Set<String> figures = new HashSet<>();
        Set<Integer> sourcePeriods = periods(source).keySet();
        Set<Integer> sourceDays = relativeDays(source).keySet();
        for (Pattern pattern : List.of(TIMES_A, EVERY_N)) {
            Matcher m = pattern.matcher(answer);
            while (m.find()) {
                if (near(periods(m.group()).keySet().iterator().next(), sourcePeriods)) {
                    figures.add(String.valueOf(count(m.group(1))));
                }
            }
        }
        Matcher ahead = AHEAD.matcher(answer);
        while (ahead.find()) {
            if (sourceDays.contains(-count(ahead.group(1)) * days(ahead.group(2)))) {
                figures.add(String.valueOf(count(ahead.group(1))));
            }
        }
        return figures;
    }

    /** Periods in days → words as written. */
    static Map<Integer, String> periods(String text) {
        Map<Integer, String> periods = new HashMap<>();
        Matcher word = PERIOD_WORD.matcher(text);
        while (word.find()) {
            periods.putIfAbsent(canonical(PERIOD_WORDS.get(word.group().toLowerCase(Locale.ROOT))), word.group());
        }
        Matcher times = TIMES_A.matcher(text);
        while (times.find()) {
            int count = count(times.group(1));
            if (count > 0) {
                periods.putIfAbsent(canonical(days(times.group(2)) / count), times.group());
            }
        }
        Matcher every = EVERY_N.matcher(text);
        while (every.find()) {
            periods.putIfAbsent(canonical(count(every.group(1)) * days(every.group(2))), every.group());
        }
        return periods;
    }

    /** Days relative to the event → words as written. */
    static Map<Integer, String> relativeDays(String text) {
        Map<Integer, String> days = new HashMap<>();
        Matcher relative = RELATIVE_DAY.matcher(text);
        while (relative.find()) {
            String word = relative.group(1).toLowerCase(Locale.ROOT).replace('’', '\'');
            int day = switch (word) {
                case "l'avant-veille" -> -2;
                case "la veille" -> -1;
                case "le jour même" -> 0;
                case "le lendemain" -> 1;
                default -> 2;
            };
            days.putIfAbsent(day, relative.group(1));
        }
        Matcher ahead = AHEAD.matcher(text);
        while (ahead.find()) {
            days.putIfAbsent(-count(ahead.group(1)) * days(ahead.group(2)), ahead.group());
        }
        return days;
    }

    /** Any wording of a rhythm, read or not: a source holding one is not said to state none. */
    private static final Pattern ANY_RHYTHM = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:fois|chaque|tous les|toutes les|par (?:an|année|mois|semaine|jour|trimestre)|périodi\\p{L}*|régulièrement)(?![\\p{L}])");

    /** A negation of the verb, which reverses an order: not "absent", "sans …", "non …". */
    private static final Pattern VERBAL = Pattern.compile("(?iu)(?:n['’]|(?:ne|nul|nulle|rien|personne|jamais|aucune?)(?![\\p{L}]))");

    /** Stem of the event → "avant" or "après"; "avant" reversed in a clause whose verb is negated ("ne … pas avant"). */
    static Map<String, String> orders(String text) {
        Map<String, String> orders = new HashMap<>();
        for (String clause : Clauses.of(text)) {
            Negations.Polarity polarity = Negations.of(clause);
            boolean negated = polarity.negated() && !polarity.mixed();
            Matcher order = ORDER.matcher(clause);
            while (order.find()) {
                // "avant l'échéance de deux mois, encore absent dans 12 % des dossiers": the verb is not negated
                boolean before = order.group(1).equalsIgnoreCase("avant");
                // "n'est jamais retirée avant validation" is "retirée après validation"; "ne sont pas informées après
                // une chute" says nothing of "avant"; nor does a negation whose scope leaves "avant" out ("à envoyer
                // avant l'échéance, n'est toujours pas envoyé dans 12 % des dossiers")
                boolean reversed = negated && before && VERBAL.matcher(polarity.cue()).lookingAt()
                        && polarity.scope().contains(order.group());
                orders.putIfAbsent(stem(order.group(2)), before != reversed ? "avant" : "après");
            }
        }
        return orders;
    }

    private static Set<String> workingDays(String text) {
        Set<String> kinds = new HashSet<>();
        Matcher days = WORKING_DAYS.matcher(text);
        while (days.find()) {
            String kind = days.group(1).toLowerCase(Locale.ROOT);
            kinds.add(kind.equals("ouvrables") ? "ouvrés" : kind.equals("francs") ? "calendaires" : kind);
        }
        return kinds;
    }

    /** A period within 5 % of a usual one is that one: "deux fois par an" (182 days) is "semestriel" (180). */
    private static int canonical(int days) {
        for (int usual : new int[] {1, 7, 30, 90, 180, 365, 730}) {
            if (Math.abs(days - usual) <= usual * 0.05) {
                return usual;
            }
        }
        return days;
    }

    private static int days(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("jour")) {
            return 1;
        }
        if (u.startsWith("semaine")) {
            return 7;
        }
        if (u.startsWith("mois")) {
            return 30;
        }
        if (u.startsWith("trimestre")) {
            return 90;
        }
        return 365;
    }

    /** A count written in digits or in words (the words {@link #COUNT} accepts, read by {@link Figures}). */
    private static int count(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.chars().allMatch(Character::isDigit) ? Integer.parseInt(w) : Figures.wordValue(w);
    }

    private static String stem(String word) {
        return ContentTerms.foldedPrefix(word, 5);
    }
}
