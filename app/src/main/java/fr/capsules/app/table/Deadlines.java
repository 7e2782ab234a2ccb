package fr.capsules.app.table;

import fr.capsules.ingest.normalize.MonthNames;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one normaliser of deadlines: "15 jours", "quinze jours", "2 semaines" and "sous quinzaine" are the same deadline;
 * "Immédiat", "immédiatement", "sans délai" and "dès réception" are the same; "1 mois", "un mois" and "30 jours" are the
 * same; "12 mois" and "1 an" are the same. A deadline is read as a number of days ({@code 0} for at once; a month is
 * 30 days, a year 360, a week 7, two weeks the fortnight of 15 days) or as a date ("31/12/2026", ISO "2026-12-31");
 * its key ({@link #key}) is what two deadlines are compared by. Wording around it ("dans un délai de", "sous", "délai :")
 * is ignored. Stateless.
 */
public final class Deadlines {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** At once, folded. */
    private static final Pattern AT_ONCE = Pattern.compile(
            "\\b(immediat|immediate|immediatement|sans delai|sans attendre|des reception|des a present|des maintenant|sur le champ)\\b", FLAGS);
    /** A quantity and a unit, folded: "15 jours", "quinze jours", "2 semaines", "un mois", "1 an". */
    private static final Pattern AMOUNT = Pattern.compile(
            "\\b(\\d{1,3}|[a-z]+(?:-[a-z]+)*)\\s+(jours?|j|semaines?|mois|ans?|annees?)\\b", FLAGS);
    /** "sous quinzaine", "sous huitaine", "dans la quinzaine". */
    private static final Pattern FORTNIGHT = Pattern.compile("\\b(quinzaine|huitaine)\\b", FLAGS);
    private static final Pattern DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("un", 1), Map.entry("une", 1), Map.entry("deux", 2), Map.entry("trois", 3), Map.entry("quatre", 4),
            Map.entry("cinq", 5), Map.entry("six", 6), Map.entry("sept", 7), Map.entry("huit", 8), Map.entry("neuf", 9),
            Map.entry("dix", 10), Map.entry("onze", 11), Map.entry("douze", 12), Map.entry("quinze", 15), Map.entry("dix-huit", 18),
            Map.entry("vingt", 20), Map.entry("trente", 30), Map.entry("quarante-cinq", 45), Map.entry("soixante", 60),
            Map.entry("quatre-vingt-dix", 90));

    /** A French written date, folded: "31 decembre 2026", "1er mars 2027". */
    private static final Pattern WRITTEN_DATE = Pattern.compile("\\b(\\d{1,2})(?:er)?\\s+([a-z]+)\\.?\\s+(\\d{4})\\b", FLAGS);
    /**
     * Words that may frame a deadline in a cell, folded: "dans un délai de 15 jours", "sous quinzaine", "au plus tard le
     * 31/12/2026", "3 mois à compter de la réception du rapport définitif".
     */
    private static final Set<String> FRAMING = Set.of("dans", "un", "une", "le", "la", "les", "l", "de", "du",
            "d", "des", "delai", "delais", "sous", "au", "aux", "plus", "tard", "a", "compter", "partir", "reception", "rapport",
            "definitif", "notification", "courrier", "maximum", "maximal", "soit", "avant", "jusqu", "apres", "date", "en", "ce",
            "cette", "dater", "mise", "oeuvre", "echeance", "duree");

    private Deadlines() {}

    /** A deadline read in a text: its key ({@link #key}) and where it was written, in the folded text. */
    private record Reading(String key, int start, int end) {}

    /**
     * The deadline's key: "0 d" for at once, "N d" for a duration of N days (months as 30 days, years as 360, two weeks as
     * 15 days), "yyyy-mm-dd" for a date; empty when the text states no deadline.
     */
    public static Optional<String> key(String deadline) {
        return read(fold(deadline)).map(Reading::key);
    }

    /**
     * Whether the text states one deadline and nothing else than the words that frame one ("Immédiat", "15 jours", "quinze
     * jours", "sous quinzaine", "dans un délai de 3 mois", "31/12/2026", "au plus tard le 1er mars 2027"): what a cell of a
     * deadline column may hold; a sentence that merely contains a duration is not one.
     */
    public static boolean isOnlyADeadline(String text) {
        String folded = fold(text);
        Optional<Reading> reading = read(folded);
        if (reading.isEmpty()) {
            return false;
        }
        String rest = folded.substring(0, reading.get().start()) + " " + folded.substring(reading.get().end());
        return Arrays.stream(rest.split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).allMatch(FRAMING::contains);
    }

    private static String fold(String text) {
        return text == null ? "" : AccentFolding.fold(text).replace('’', '\'');
    }

    private static Optional<Reading> read(String folded) {
        if (folded.isBlank()) {
            return Optional.empty();
        }
        Matcher date = DATE.matcher(folded);
        if (date.find()) {
            String key = date.group(1) != null
                    ? String.format(Locale.ROOT, "%s-%02d-%02d", date.group(3), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(1)))
                    : date.group(4) + "-" + date.group(5) + "-" + date.group(6);
            return Optional.of(new Reading(key, date.start(), date.end()));
        }
        Matcher written = WRITTEN_DATE.matcher(folded);
        while (written.find()) {
            Optional<Integer> month = MonthNames.french(written.group(2));
            if (month.isPresent()) {
                return Optional.of(new Reading(String.format(Locale.ROOT, "%s-%02d-%02d", written.group(3), month.get(),
                        Integer.parseInt(written.group(1))), written.start(), written.end()));
            }
        }
        Matcher amount = AMOUNT.matcher(folded);
        while (amount.find()) {
            Integer number = amount.group(1).chars().allMatch(Character::isDigit) ? Integer.valueOf(amount.group(1)) : NUMBERS.get(amount.group(1));
            if (number == null) {
                continue;
            }
            String unit = amount.group(2);
            int days = unit.startsWith("semaine") ? (number == 2 ? 15 : 7 * number)
                    : unit.equals("mois") ? 30 * number
                    : unit.startsWith("an") ? 360 * number
                    : number;
            return Optional.of(new Reading(days + " d", amount.start(), amount.end()));
        }
        Matcher fortnight = FORTNIGHT.matcher(folded);
        if (fortnight.find()) {
            return Optional.of(new Reading(fortnight.group(1).equals("quinzaine") ? "15 d" : "7 d", fortnight.start(), fortnight.end()));
        }
        Matcher atOnce = AT_ONCE.matcher(folded);
        return atOnce.find() ? Optional.of(new Reading("0 d", atOnce.start(), atOnce.end())) : Optional.empty();
    }

    /** Whether two deadlines are the same once read ({@link #key}); two texts that state none compare by their folded text. */
    public static boolean same(String a, String b) {
        return comparable(a).equals(comparable(b));
    }

    /**
     * What deadlines are compared by: the key ({@link #key}) when the text states a deadline, else its folded text, marked
     * so that it never equals a key.
     */
    static String comparable(String deadline) {
        return key(deadline).orElseGet(() -> "text " + AccentFolding.fold(deadline == null ? "" : deadline));
    }
}
