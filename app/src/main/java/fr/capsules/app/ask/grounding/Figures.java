package fr.capsules.app.ask.grounding;

import fr.capsules.ingest.normalize.AccentFolding;
import fr.capsules.ingest.normalize.MonthNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of a text — numbers, dates, legal article references — in a canonical form, so that
 * a sentence's figures can be looked up in its sources whatever the spelling.
 *
 * <ul>
 *   <li>Article references: "article L. 1112-3", "L.1112-3", "L1112-3" are all {@code L1112-3}
 *       (codes' L, R and D parts).
 *   <li>Numbers: "8", "08", "2,5", "2.5", "1 000" are {@code 8}, {@code 2.5}, {@code 1000}; "30 %"
 *       is {@code 30}; a date "12/03/2024" gives 12, 3 and 2024, and a month name in a date ("12 mars
 *       2024", "mars 2024") gives its number, so both spellings meet.
 *   <li>Numbers in words ("huit", "quarante-huit", "deux cents"): always read in sources, but in an
 *       answer only before a unit ("deux mois", "quinze jours") — elsewhere "deux conditions" or the
 *       article "un" would be claims nobody wrote down as figures.
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
final class Figures {

    private static final Pattern ARTICLE =
            Pattern.compile("(?<![\\p{L}\\d])(?:(?i:articles?)\\s+|(?i:art)\\.\\s*)?([LRD])\\s*\\.?\\s*(\\d+(?:[-‑–]\\d+)*)(?!\\d)");
    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\d.,])(\\d{1,3}(?:[\\u00a0\\u202f ]\\d{3})+|\\d+(?:[.,]\\d+)?)(?![\\d])");
    /** A French month's name as written, with or without its accents. */
    private static final String MONTH_NAME = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre";
    private static final Pattern MONTH =
            Pattern.compile("(?iu)(?<=\\d\\s|\\d\\s\\s|\\der\\s)(" + MONTH_NAME + ")(?![\\p{L}])"
                    + "|(?<![\\p{L}])(" + MONTH_NAME + ")(?=\\s+\\d{4})");
    private static final String NUMBER_WORD =
            "(?:zéro|zero|une|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
                    + "|vingts?|trente|quarante|cinquante|soixante|cents?|mille)(?![\\p{L}\\d])";
    private static final Pattern WORDS =
            Pattern.compile("(?iu)(?<![\\p{L}\\d])" + NUMBER_WORD + "(?:(?:\\s*-\\s*|\\s+et\\s+|\\s+)" + NUMBER_WORD + ")*");
    private static final Pattern UNIT =
            Pattern.compile("(?iu)\\G\\s+(?:jours?|mois|ans|an|années?|semaines?|heures?|minutes?|pour\\s*cent|%|euros?|€|fois)(?![\\p{L}])");
    /** "une fois" as the conjunction "once": before "que", a pronoun, a determiner or a past participle. */
    private static final Pattern ONCE = Pattern.compile("(?iu)\\G\\s+fois\\s+(?:qu(?:e(?![\\p{L}])|['’])|(?:celui|celle|ceux|celles)-ci|(?:le|la|les|ce|cet|cette|ces|son|sa|ses|leurs?)\\s|l['’]"
            + "|\\p{L}{2,}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites)(?![\\p{L}]))");
    /** "un seul", "une seule": the article is a figure. */
    private static final Pattern ALONE = Pattern.compile("(?iu)\\G\\s+seule?(?![\\p{L}])");
    private static final Map<String, String> FRACTIONS =
            Map.of("moitié", "50", "tiers", "33", "quart", "25", "cinquième", "20", "dixième", "10");
    private static final Pattern FRACTION =
            Pattern.compile("(?iu)(?<![\\p{L}])(?:la|une?)\\s+(moitié|tiers|quart|cinquième|dixième)(?![\\p{L}])");
    /** "une réponse unique", "un exemplaire unique": one, in the source's words. */
    private static final Pattern SINGLE = Pattern.compile("(?iu)(?<![\\p{L}])une?\\s+\\p{L}+\\s+uniques?(?![\\p{L}])");
    private static final Pattern ARTICLE_WORD = Pattern.compile("(?iu)une?");
    private static final Pattern WORD_SPLIT = Pattern.compile("(?iu)\\s*-\\s*|\\s+et\\s+|\\s+");

    /** A number word after a bound is a figure: "au moins cinq réclamations", "après au moins trois chutes". */
    private static final Pattern BOUND_BEFORE = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:au moins|au plus|plus de|moins de|jusqu['’]à|au minimum|au maximum|pas plus de|pas moins de)\\s*$");
    /** A number word after a rank is a figure, "un" too: "niveau un", "étape deux". */
    private static final Pattern RANK_BEFORE = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:niveaux?|étapes?|phases?|catégories?|rangs?|classes?|degrés?|paliers?)\\s+$");

    private Figures() {}

    /** The figures an answer sentence asserts: canonical form → form as written, in order. */
    static Map<String, String> inAnswer(String text) {
        return read(text, false);
    }

    /** The figures a source passage holds, with the numbers inside its article references. */
    static Map<String, String> inSource(String text) {
        return read(text, true);
    }

    private static Map<String, String> read(String text, boolean source) {
        Map<String, String> figures = new LinkedHashMap<>();
        StringBuilder rest = new StringBuilder(text);
        Matcher article = ARTICLE.matcher(text);
        while (article.find()) {
            figures.putIfAbsent(article.group(1) + article.group(2).replaceAll("[‑–]", "-"), article.group().strip());
            if (source) {
                for (String part : article.group(2).split("[-‑–]")) {
                    figures.putIfAbsent(canonical(part), part);
                }
            }
            // Masked so that "1112-3" is not read again as the numbers 1112 and 3 of the answer.
            for (int i = article.start(); i < article.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        Matcher number = NUMBER.matcher(rest);
        while (number.find()) {
            figures.putIfAbsent(canonical(number.group(1)), number.group(1));
        }
        Matcher month = MONTH.matcher(rest);
        while (month.find()) {
            figures.putIfAbsent(String.valueOf(monthNumber(month.group())), month.group());
        }
        Matcher fraction = FRACTION.matcher(rest);
        while (fraction.find()) {
            // "la moitié des dossiers" is "50 % des dossiers"
            figures.putIfAbsent(FRACTIONS.get(fraction.group(1).toLowerCase(Locale.ROOT)), fraction.group());
        }
        if (source && SINGLE.matcher(rest).find()) {
            // "une réponse unique" is the "une seule réponse" of the answer
            figures.putIfAbsent("1", "unique");
        }
        Matcher words = WORDS.matcher(rest);
        while (words.find()) {
            // "un" and "une" are articles far more often than figures: only before a unit, on either side.
            boolean articleWord = ARTICLE_WORD.matcher(words.group()).matches();
            if (articleWord && ONCE.matcher(rest).region(words.end(), rest.length()).lookingAt()) {
                continue; // "une fois validé", "une fois que …", "une fois celui-ci relu": the conjunction "once", no count
            }
            boolean beforeUnit = UNIT.matcher(rest).region(words.end(), rest.length()).lookingAt()
                    || (articleWord && ALONE.matcher(rest).region(words.end(), rest.length()).lookingAt());
            String before = rest.substring(0, words.start());
            boolean bounded = !articleWord && BOUND_BEFORE.matcher(before).find();
            boolean ranked = RANK_BEFORE.matcher(before).find();
            if (beforeUnit || bounded || ranked
                    || (!articleWord && (source || words.group().contains("-") || words.group().contains(" ")))) {
                figures.putIfAbsent(String.valueOf(value(words.group())), words.group());
            }
        }
        return figures;
    }

    /**
     * The durations of a text — a figure followed by a unit of time — as "8 jour", "2 mois", so that
     * "huit jours" and "8 jours" meet but "huit mois" does not.
     */
    static Map<String, String> durations(String text) {
        Map<String, String> durations = new LinkedHashMap<>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            duration(text, number.end(), canonical(number.group(1)), number.start(), durations);
        }
        Matcher words = WORDS.matcher(text);
        while (words.find()) {
            duration(text, words.end(), String.valueOf(value(words.group())), words.start(), durations);
        }
        // "J+8", "J-2": a number of days from the day of the event
        Matcher day = DAY_OFFSET.matcher(text);
        while (day.find()) {
            durations.putIfAbsent(canonical(day.group(1)) + " jour", day.group());
        }
        return durations;
    }

    private static final Pattern DAY_OFFSET = Pattern.compile("(?<![\\p{L}\\d])J\\s?[+-]\\s?(\\d{1,3})(?![\\d])");

    private static void duration(String text, int end, String figure, int start, Map<String, String> durations) {
        Matcher unit = TIME_UNIT.matcher(text).region(end, text.length());
        if (unit.lookingAt()) {
            String name = fold(unit.group(1));
            String canonicalUnit = name.startsWith("jour") ? "jour" : name.startsWith("semaine") ? "semaine"
                    : name.startsWith("heure") || name.equals("h") ? "heure" : name.startsWith("minute") ? "minute"
                    : name.startsWith("an") ? "an" : name;
            durations.putIfAbsent(figure + " " + canonicalUnit, text.substring(start, unit.end()).strip());
        }
    }

    private static final Pattern FIGURE = Pattern.compile("(?iu)(?<![\\d.,])(\\d{1,3}(?:[\\u00a0\\u202f ]\\d{3})+|\\d+(?:[.,]\\d+)?)(?![\\d])"
            + "|(?<![\\p{L}\\d])(" + NUMBER_WORD + "(?:(?:\\s*-\\s*|\\s+et\\s+|\\s+)" + NUMBER_WORD + ")*)");
    /** After a figure: an optional "%", an optional "seul(e)(s)", an optional "de", "des", "d'", then the word counted. */
    private static final Pattern COUNTED =
            Pattern.compile("(?iu)\\G(?:\\s*%|\\s+pour\\s*cent)?(?:\\s+seule?s?)?(?:\\s+(?:des|de|d['’]))?\\s*(?<![\\p{L}])(\\p{L}{3,})");
    /** The "cent" of "quinze pour cent" is no figure of its own. */
    private static final Pattern PER_CENT = Pattern.compile("(?iu)(?<![\\p{L}])pour\\s*$");
    private static final Pattern OUT_OF = Pattern.compile("(?iu)\\G\\s+sur\\s+");
    private static final Set<String> NOT_COUNTED = Set.of("sur", "pour", "contre", "dont", "par", "avec", "les", "des", "une");
    /** Words that compare two figures in order: "47 jours contre 58", "9 sur 15", "2 agents pour 96 résidents". */
    private static final Pattern COMPARISON = Pattern.compile("(?iu)(?<![\\p{L}])(?:contre|sur|pour)(?![\\p{L}])");
    private static final int BEFORE_COMPARISON = 90;
    private static final int AFTER_COMPARISON = 30;

    /** A figure where it stands in a text: its canonical value and the span it covers. */
    private record Placed(String value, int start, int end) {}

    /** The numbers of a text, in digits or in words (not the articles "un", "une"), in order. */
    private static List<Placed> placed(String text) {
        return placed(text, false);
    }

    /** {@code articles}: "un", "une" count 1 ("d'un pharmacien inspecteur"). */
    private static List<Placed> placed(String text, boolean articles) {
        List<Placed> figures = new ArrayList<>();
        Matcher figure = FIGURE.matcher(text);
        while (figure.find()) {
            if (figure.group(1) != null) {
                figures.add(new Placed(canonical(figure.group(1)), figure.start(), figure.end()));
            } else if ((articles || !ARTICLE_WORD.matcher(figure.group(2)).matches())
                    && !(figure.group(2).toLowerCase().startsWith("cent") && PER_CENT.matcher(text.substring(0, figure.start())).find())) {
                figures.add(new Placed(String.valueOf(value(figure.group(2))), figure.start(), figure.end()));
            }
        }
        return figures;
    }

    /**
     * What a text counts: the word a figure counts ("douze dossiers", "91 % des accusés") → the figures
     * that count it, so that "vingt dossiers" can be told from the source's "douze dossiers" although
     * "vingt" is no unit. In "6 dossiers sur 20", both figures count the files.
     */
    static Map<String, Set<String>> counted(String text) {
        return counted(text, false);
    }

    /**
     * What a text counts, the articles "un", "une" read as 1 ("deux inspecteurs et un pharmacien"): to compare with
     * a text that counts the same word with figures, where the article is a count ("un événement" for "deux
     * événements").
     */
    static Map<String, Set<String>> countedWithArticles(String text) {
        return counted(text, true);
    }

    private static Map<String, Set<String>> counted(String text, boolean articles) {
        Map<String, Set<String>> counted = new LinkedHashMap<>();
        for (Placed figure : placed(text, articles)) {
            Matcher word = COUNTED.matcher(text).region(figure.end(), text.length());
            if (!word.lookingAt() || NOT_COUNTED.contains(fold(word.group(1)))) {
                continue;
            }
            Set<String> values = counted.computeIfAbsent(stem(word.group(1)), k -> new LinkedHashSet<>());
            values.add(figure.value());
            Matcher outOf = OUT_OF.matcher(text).region(word.end(), text.length());
            if (outOf.lookingAt()) {
                placed(text.substring(outOf.end())).stream().filter(next -> next.start() == 0).findFirst()
                        .ifPresent(next -> values.add(next.value()));
            }
        }
        return counted;
    }

    /**
     * The ordered pairs of figures a text compares with "contre", "sur" or "pour": the last figure
     * before the word and the first after it, within the same clause — "91 % … contre 64 %" is
     * {@code [91, 64]}, so that an answer giving {@code [64, 91]} can be seen to swap them.
     */
    static Set<List<String>> comparisons(String text) {
        Set<List<String>> pairs = new LinkedHashSet<>();
        List<Placed> figures = placed(text);
        Matcher comparison = COMPARISON.matcher(text);
        while (comparison.find()) {
            int at = comparison.start();
            Placed before = null;
            Placed after = null;
            for (Placed figure : figures) {
                if (year(figure)) {
                    continue; // "58 jours en 2023, contre 47": the years date the figures compared, they are not compared
                }
                if (figure.end() <= at && at - figure.end() <= BEFORE_COMPARISON
                        && !CLAUSE_END.matcher(text.substring(figure.end(), at)).find()) {
                    before = figure;
                }
                if (after == null && figure.start() >= comparison.end() && figure.start() - comparison.end() <= AFTER_COMPARISON
                        && !CLAUSE_END.matcher(text.substring(comparison.end(), figure.start())).find()) {
                    after = figure;
                }
            }
            if (before != null && after != null && !before.value().equals(after.value())) {
                pairs.add(List.of(before.value(), after.value()));
            }
        }
        return pairs;
    }

    /**
     * Each figure of a text (years left out) with the words that label it: those before it, back to the previous
     * figure or the clause's start — "la facturation (11 %) et la restauration (9 %)" labels 11 "la facturation (" and 9
     * "et la restauration (", so that an answer giving the restoration 11 % can be told from a faithful one.
     */
    static List<Map.Entry<String, String>> labelled(String text) {
        return labelled(text, false);
    }

    /** {@code counted}: the word the figure counts joins its label ("6 dossiers sur 20": "dossiers" labels 6). */
    static List<Map.Entry<String, String>> labelled(String text, boolean counted) {
        List<Map.Entry<String, String>> labelled = new ArrayList<>();
        int from = 0;
        for (Placed figure : placed(text)) {
            String before = text.substring(from, Math.max(from, figure.start()));
            Matcher end = CLAUSE_END.matcher(before);
            int start = 0;
            while (end.find()) {
                start = end.end();
            }
            if (!year(figure) && !inDate(text, figure)) {
                String label = before.substring(start);
                if (counted && label.isBlank() && start > 0) {
                    // "Délégation Nord : 231 réclamations": the heading before the colon is the own label of the figure that opens
                    // the clause after it
                    String heading = before.substring(0, start);
                    Matcher previous = CLAUSE_END.matcher(heading);
                    int headingStart = 0;
                    while (previous.find() && previous.end() < heading.length()) {
                        headingStart = previous.end();
                    }
                    if (headingStart > 0 || from == 0) {
                        // not the words after a previous figure ("sous 2 mois : 70 %": "mois" is what 2 counts)
                        label = heading.substring(headingStart);
                    }
                }
                Matcher word = COUNTED.matcher(text).region(figure.end(), text.length());
                if (counted && word.lookingAt()) {
                    label = label + " " + word.group(1);
                }
                labelled.add(Map.entry(figure.value(), label));
            }
            from = figure.end();
        }
        return labelled;
    }

    /**
     * Each figure a text dates with the year right after it ("70 % en 2021, 72 % en 2022" → 70 → 2021, 72 → 2022), so
     * that an answer giving 72 % to 2021 can be seen to swap them. A figure dated twice is left out.
     */
    static Map<String, String> dated(String text) {
        Map<String, String> dated = new LinkedHashMap<>();
        Set<String> twice = new java.util.HashSet<>();
        for (Placed figure : placed(text)) {
            if (year(figure)) {
                continue;
            }
            Matcher in = IN_YEAR.matcher(text).region(figure.end(), text.length());
            if (in.lookingAt()) {
                if (dated.containsKey(figure.value()) && !dated.get(figure.value()).equals(in.group(1))) {
                    twice.add(figure.value());
                }
                dated.putIfAbsent(figure.value(), in.group(1));
            }
        }
        dated.keySet().removeAll(twice);
        return dated;
    }

    /**
     * Each full date of a text ("le 20 mars 2025", "1er avril 2025", "30/04/2024") as "d/m/yyyy", with the words that
     * label it: those before it back to the previous date or the text's start ("Charte adoptée par le comité de direction
     * le 20 mars 2025 — applicable à compter du 1er avril 2025": 20/3/2025 is labelled "Charte adoptée …", 1/4/2025
     * "— applicable à compter du").
     */
    static List<Map.Entry<String, String>> datesLabelled(String text) {
        List<Map.Entry<String, String>> dates = new ArrayList<>();
        Matcher date = FULL_DATE.matcher(text);
        int from = 0;
        while (date.find()) {
            String day = date.group(1) != null ? date.group(1) : date.group(4);
            String month = date.group(2) != null ? String.valueOf(monthNumber(date.group(2))) : canonical(date.group(5));
            String year = date.group(3) != null ? date.group(3) : date.group(6);
            dates.add(Map.entry(canonical(day) + "/" + month + "/" + year, text.substring(from, date.start())));
            from = date.end();
        }
        return dates;
    }

    private static final Pattern FULL_DATE = Pattern.compile(
            "(?iu)(?<![\\d])(\\d{1,2})(?:er)?\\s+(" + MONTH_NAME + ")\\s+(\\d{4})(?![\\d])"
                    + "|(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\d/])");

    /** After a figure: its unit or the word it counts, then "en" and a year. */
    private static final Pattern IN_YEAR = Pattern.compile("(?iu)\\G(?:\\s*%|\\s+[\\p{L}'’]+){0,3}?\\s+en\\s+((?:19|20)\\d\\d)(?![\\d])");

    /** Whether a figure is the day or month of a date ("30/04/2024", "30 avril 2024", "1er avril"): a date, no quantity. */
    private static boolean inDate(String text, Placed figure) {
        String after = text.substring(figure.end());
        String before = text.substring(0, figure.start());
        return DATE_AFTER.matcher(after).lookingAt() || DATE_BEFORE.matcher(before).find();
    }

    private static final Pattern DATE_AFTER = Pattern.compile(
            "(?iu)(?:er)?(?:/\\d{1,2}(?:/\\d{2,4})?|\\s+(?:" + MONTH_NAME + ")(?![\\p{L}]))");
    private static final Pattern DATE_BEFORE = Pattern.compile("\\d{1,2}/$");

    private static boolean year(Placed figure) {
        return figure.value().matches("(?:19|20)\\d\\d");
    }

    private static final Pattern CLAUSE_END = Pattern.compile("[;:.]\\s");

    private static String stem(String word) {
        String folded = fold(word);
        return folded.length() > 3 && (folded.endsWith("s") || folded.endsWith("x"))
                ? folded.substring(0, folded.length() - 1) : folded;
    }

    private static final Pattern TIME_UNIT =
            Pattern.compile("(?iu)\\G\\s*(jours?|mois|ans|an|années?|semaines?|heures?|h|minutes?)(?![\\p{L}])");

    private static String canonical(String number) {
        String plain = number.replaceAll("[\\u00a0\\u202f ]", "").replace(',', '.');
        return new BigDecimal(plain).stripTrailingZeros().toPlainString();
    }

    private static int monthNumber(String name) {
        return MonthNames.french(name).orElseThrow(() -> new IllegalArgumentException("not a month: " + name));
    }

    private static String fold(String word) {
        return AccentFolding.fold(word);
    }

    /** The value of French number words: "quatre-vingt-dix" is 90, "deux cents" 200, "trente et un" 31. */
    private static long value(String words) {
        long total = 0;
        long current = 0;
        for (String word : WORD_SPLIT.split(fold(words).strip())) {
            int unit = wordValue(word);
            if (unit == 100) {
                current = (current == 0 ? 1 : current) * 100;
            } else if (unit == 1000) {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
            } else if (unit == 20 && current % 100 == 4) {
                current += 76; // quatre-vingts
            } else {
                current += unit;
            }
        }
        return total + current;
    }

    /** The value of a French number word, lower case and without accents ("zero", "une", "vingts", "mille"). */
    static int wordValue(String word) {
        return switch (word) {
            case "zero" -> 0;
            case "un", "une" -> 1;
            case "deux" -> 2;
            case "trois" -> 3;
            case "quatre" -> 4;
            case "cinq" -> 5;
            case "six" -> 6;
            case "sept" -> 7;
            case "huit" -> 8;
            case "neuf" -> 9;
            case "dix" -> 10;
            case "onze" -> 11;
            case "douze" -> 12;
            case "treize" -> 13;
            case "quatorze" -> 14;
            case "quinze" -> 15;
            case "seize" -> 16;
            case "vingt", "vingts" -> 20;
            case "trente" -> 30;
            case "quarante" -> 40;
            case "cinquante" -> 50;
            case "soixante" -> 60;
            case "cent", "cents" -> 100;
            case "mille" -> 1000;
            default -> throw new IllegalArgumentException("not a number word: " + word);
        };
    }
}
