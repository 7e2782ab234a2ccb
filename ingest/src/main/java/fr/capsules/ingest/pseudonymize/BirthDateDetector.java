package fr.capsules.ingest.pseudonymize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates of birth: a date written just after a birth context — "né le", "née le", "né(e) le",
 * "date de naissance", "date et lieu de naissance", "DDN", "D.D.N." — with at most a colon, a dash,
 * a bar or a few spaces between ("Date de naissance : 03/02/1931", "née le 3 février 1931",
 * "(DDN 03.02.31)"). Any other date (an inspection, a letter, a deadline) is left alone.
 *
 * <p>In a table written as text (cells separated by "|", tabs or ";"), a date in the column whose
 * header is a birth context ("Né(e) le", "Date de naissance", "DDN") is a date of birth too, on
 * every row up to the first line without separator.
 *
 * <p>The span is the date only. The {@link Detection#key()} is the ISO date, day first; two-digit
 * years are read in the 1900s (people whose birth dates appear in these documents were born then
 * or are children whose dates are written in full).
 */
public final class BirthDateDetector implements Detector {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("janvier", 1), Map.entry("janv", 1), Map.entry("fevrier", 2), Map.entry("fevr", 2),
            Map.entry("fev", 2), Map.entry("mars", 3), Map.entry("avril", 4), Map.entry("avr", 4),
            Map.entry("mai", 5), Map.entry("juin", 6), Map.entry("juillet", 7), Map.entry("juil", 7),
            Map.entry("aout", 8), Map.entry("septembre", 9), Map.entry("sept", 9), Map.entry("octobre", 10),
            Map.entry("oct", 10), Map.entry("novembre", 11), Map.entry("nov", 11), Map.entry("decembre", 12),
            Map.entry("dec", 12));
    private static final String MONTH_NAMES =
            "janvier|janv\\.?|f[ée]vrier|f[ée]vr?\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|ao[ûu]t"
                    + "|septembre|sept\\.?|octobre|oct\\.?|novembre|nov\\.?|d[ée]cembre|d[ée]c\\.?";
    private static final Pattern BIRTH_DATE = Pattern.compile(
            "(?iu)(?:(?<![\\p{L}])n[ée]e?(?:\\(e\\)|·e)?s?\\s+le|date\\s+(?:et\\s+lieu\\s+)?de\\s+naissance"
                    + "|(?<![\\p{L}])D\\.?D\\.?N\\.?(?![\\p{L}]))"
                    + "[\\s:|\\-–]{0,6}(?:le\\s+)?"
                    + "(?<date>(?<d>\\d{1,2})[/.\\-](?<m>\\d{1,2})[/.\\-](?<y>\\d{4}|\\d{2})(?!\\d)"
                    + "|(?<dn>1er|\\d{1,2})\\s+(?<mn>" + MONTH_NAMES + ")\\s+(?<yn>\\d{4})(?!\\d))");

    private static final Pattern BIRTH_HEADER = Pattern.compile(
            "(?iu)^\\s*(?:n[ée]e?(?:\\(e\\)|·e)?\\s+le|date\\s+(?:et\\s+lieu\\s+)?de\\s+naissance|D\\.?D\\.?N\\.?|naissance)\\s*$");
    private static final Pattern CELL_DATE = Pattern.compile(
            "^\\s*(?<date>(?<d>\\d{1,2})[/.\\-](?<m>\\d{1,2})[/.\\-](?<y>\\d{4}|\\d{2}))\\s*$");

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = BIRTH_DATE.matcher(text);
        while (m.find()) {
            found.add(Detection.of(Category.BIRTH_DATE, m.start("date"), m.end("date"), key(m)));
        }
        columns(text, found);
        return found;
    }

    /** Dates under a birth-date column header in text tables. */
    private static void columns(String text, List<Detection> found) {
        for (TextTables.Cell cell : TextTables.cellsUnder(text, h -> BIRTH_HEADER.matcher(h).matches())) {
            Matcher date = CELL_DATE.matcher(text).region(cell.start(), cell.end());
            if (date.matches()) {
                found.add(Detection.of(Category.BIRTH_DATE, date.start("date"), date.end("date"), key(date)));
            }
        }
    }

    private static String key(Matcher m) {
        try {
            if (m.group("d") != null) {
                int year = Integer.parseInt(m.group("y"));
                year = m.group("y").length() == 2 ? 1900 + year : year;
                return LocalDate.of(year, Integer.parseInt(m.group("m")), Integer.parseInt(m.group("d"))).toString();
            }
            String day = m.group("dn");
            String month = Folding.name(m.group("mn")).replace(".", "").toLowerCase(Locale.ROOT);
            return LocalDate.of(Integer.parseInt(m.group("yn")), MONTHS.get(month),
                    day.equals("1er") ? 1 : Integer.parseInt(day)).toString();
        } catch (DateTimeException | NullPointerException e) {
            // An impossible date (31/02) is still personal data; key it by its digits.
            return Folding.alphanumeric(m.group("date"));
        }
    }
}
