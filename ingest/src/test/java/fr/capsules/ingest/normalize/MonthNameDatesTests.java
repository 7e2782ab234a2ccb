package fr.capsules.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link DateExtractor} finds month-name dates from their numbers rather than by trying its
 * expressions at every letter; it must find exactly what those expressions find, run over the
 * whole text as before: the same dates, raw text and positions.
 */
class MonthNameDatesTests {

    private static final String SPACE = "[\\s\\u00A0\\u202F]+";
    // The two expressions as they were run over the whole text before.
    private static final Pattern DAY_MONTH_NAME_YEAR = Pattern.compile(
            "(?=[lmjvsdtwf\\d])(?:(?<!\\p{L})(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
                    + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?" + SPACE
                    + ")?(?<![\\p{L}\\d])(\\d{1,2})(?:er|ᵉʳ|st|nd|rd|th)?" + SPACE + "(\\p{L}{3,9})\\.?" + SPACE
                    + "(\\d{4})(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_NAME_DAY_YEAR = Pattern.compile(
            "(?<!\\p{L})(\\p{L}{3,9})\\.?" + SPACE + "(\\d{1,2})(?:st|nd|rd|th)?,?" + SPACE + "(\\d{4})(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final List<String> PIECES = List.of(
            "lundi", "Mardi", "MERCREDI", "jeudis", "vendredi,", "samedi ,", "dimanche", "Monday", "tuesday,",
            "sunday", "Lundi.", "xlundi", "1er", "1ᵉʳ", "3", "03", "12", "31", "123", "2nd", "3rd", "4th", "1st,",
            "4TH", "avril", "AVRIL", "avr.", "févr.", "fevrier", "août", "décembre", "mai", "Mars", "march",
            "April", "apr.", "Sept", "sept.", "mois", "abcdefghij", "abcdefghi", "rapport", "2024", "1999",
            "20245", "2024,", "24", ",", ".", "-", "/", "l'", "du", "le", "inspection", "\n", "ſamedi", "İnspection",
            "KELVIN", "été", "9", "2025.",
            // for the checks made before the expressions are tried: names of 2, 3, 9, 10 code points
            // (letters outside the BMP too, 7 of them being 14 chars), names with a full stop,
            // suffixes glued or not, commas. (A digit glued after a letter outside the BMP, "𝐛9",
            // is no date start for DigitAnchoredMatches but is for the expression's look-behind,
            // which sees the low surrogate alone; since the second round, so not generated here.)
            "ab", "abc", "abcdefgh.", "abcdefghi.", "𝐚𝐯𝐫𝐢𝐥 ", "𝐚𝐛 ", "𝐚𝐛𝐜𝐝𝐞𝐟𝐠 ", "𝐚𝐛𝐜𝐝𝐞𝐟𝐠𝐡𝐢𝐣 ", "avril.", "1erx", "3e", "ᵉʳ", "er", "st", "ſt", "12h30",
            "3,", "12 ,", "2024x", "1er,", "x3", "septembre.", "SEPTEMBER.", "septembre", "november");
    private static final List<String> GAPS = List.of(" ", " ", " ", "  ", "\u00A0", "\u202F", "\n", "", ", ", "\t ");

    @Test
    void theSameDatesAsTheWholeExpressionsOnGeneratedText() {
        Random random = new Random(1705);
        for (int text = 0; text < 40_000; text++) {
            StringBuilder s = new StringBuilder();
            int words = 3 + random.nextInt(14);
            for (int w = 0; w < words; w++) {
                s.append(PIECES.get(random.nextInt(PIECES.size()))).append(GAPS.get(random.nextInt(GAPS.size())));
            }
            assertSame(s.toString());
        }
    }

    @Test
    void theSameDatesOnTheUsualForms() {
        for (String text : List.of(
                "Fait à Lille, le mardi 3 avril 2024.", "Visite du lundi, 1er mars 2023 à 10 h",
                "Report of Monday, April 3, 2024 and May 5 2025", "Le 3 AVRIL 2024, le 4 avr. 2024 et le 5 avril  2024",
                "jeudi 12 mois 2024 vendredi 13 décembre 2024", "mardi mardi 3 avril 2024", "mardi\u00A03\u202Favril 2024",
                "rapport 3 avril 20245 puis 4 avril 2024", "Sept. 12, 2024; Dec 1st, 2023; dec 2nd 2022", "",
                "sans date", "2024-04-03 3 avril 2024 April 3, 2024 03/04/2024")) {
            assertSame(text);
        }
    }

    private static void assertSame(String text) {
        List<DateExtractor.LocatedDate> found = new ArrayList<>();
        DateExtractor.findMonthNames(text, found);
        assertThat(found).as(text).containsExactlyElementsOf(reference(text));
    }

    private static List<DateExtractor.LocatedDate> reference(String text) {
        List<DateExtractor.LocatedDate> found = new ArrayList<>();
        Matcher dayFirst = DAY_MONTH_NAME_YEAR.matcher(text);
        while (dayFirst.find()) {
            String name = dayFirst.group(2);
            int month = MonthNames.french(name).or(() -> MonthNames.english(name)).orElse(0);
            add(found, dayFirst, Integer.parseInt(dayFirst.group(3)), month, Integer.parseInt(dayFirst.group(1)));
        }
        Matcher monthFirst = MONTH_NAME_DAY_YEAR.matcher(text);
        while (monthFirst.find()) {
            int month = MonthNames.english(monthFirst.group(1)).orElse(0);
            add(found, monthFirst, Integer.parseInt(monthFirst.group(3)), month, Integer.parseInt(monthFirst.group(2)));
        }
        return found;
    }

    private static void add(List<DateExtractor.LocatedDate> found, Matcher m, int year, int month, int day) {
        CalendarDates.of(year, month, day).ifPresent(
                (LocalDate d) -> found.add(DateExtractor.LocatedDate.plain(m.group(), d, m.start(), m.end())));
    }
}
