package fr.capsules.ingest.normalize;

import fr.capsules.ingest.parse.Block;
import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.TableBlock;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dates written in a text, in French, American and ISO forms.
 *
 * <p>Recognised forms: {@code 03/04/2024}, {@code 3/4/24}, {@code 03.04.2024}, {@code 03-04-2024},
 * {@code 2024-04-03}, {@code 2024/04/03}, {@code 3 avril 2024}, {@code 1er mars 2023}, {@code mardi
 * 3 avril 2024}, {@code 3 AVRIL 2024}, {@code 3 avr. 2024}, {@code 3 April 2024}, {@code April 3,
 * 2024}. Month-year forms ("avril 2024") are not dates here: they name a period, not a day.
 *
 * <p>Rules for day-month-year numbers:
 *
 * <ul>
 *   <li>the first number above 12 means day first; the second above 12 means month first (US);
 *   <li>both at most 12 (and different): ambiguous. If the same text holds unambiguous numeric
 *       dates all in one order, that order is taken and the date is not ambiguous; otherwise the
 *       French day-first reading is taken, {@code ambiguous} is true and {@code alternative} holds
 *       the month-first reading;
 *   <li>the date must exist (no 31/02) and its year lie in 1900–2100; two-digit years pivot at 70
 *       (00–69 → 2000s, 70–99 → 1900s);
 *   <li>a match must not touch a letter, a digit or a separator followed by a digit, so phone
 *       numbers ("03 20 45 67 89", "03.20.45.67.89"), references ("2024-123-45"), legal articles
 *       ("L.1112-3") and version numbers ("1.2.3") are not read as dates.
 * </ul>
 *
 * <p>ISO and month-name dates are never ambiguous. Stateless and thread-safe.
 */
public final class DateExtractor {

    private static final String SPACE = "[\\s\\u00A0\\u202F]+";
    private static final String NOT_AFTER_NUMBER = "(?<![\\p{L}\\d])(?<!\\d[./-])";
    private static final String NOT_BEFORE_NUMBER = "(?![\\p{L}\\d])(?![./-]\\d)";

    // The leading look-aheads only say what the first character must be, so that the look-behinds
    // and alternations are not tried at every position of the text: same matches, found sooner.
    private static final Pattern NUMERIC =
            Pattern.compile(
                    "(?=\\d)"
                            + NOT_AFTER_NUMBER
                            + "(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})"
                            + NOT_BEFORE_NUMBER);
    private static final Pattern ISO =
            // An ISO date may be the start of a timestamp: "2024-04-03T10:00".
            Pattern.compile(
                    "(?=\\d)"
                            + NOT_AFTER_NUMBER
                            + "(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})(?:(?=T\\d)|"
                            + NOT_BEFORE_NUMBER
                            + ")");
    private static final Pattern DAY_MONTH_NAME_YEAR =
            Pattern.compile(
                    // a weekday's first letter (l, m, j, v, s, d, t, w, f) or the day's first digit
                    "(?=[lmjvsdtwf\\d])(?:(?<!\\p{L})(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
                            + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?"
                            + SPACE
                            + ")?(?<![\\p{L}\\d])(\\d{1,2})(?:er|ᵉʳ|st|nd|rd|th)?"
                            + SPACE
                            + "(\\p{L}{3,9})\\.?"
                            + SPACE
                            + "(\\d{4})(?!\\d)",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_NAME_DAY_YEAR =
            Pattern.compile(
                    "(?<!\\p{L})(\\p{L}{3,9})\\.?"
                            + SPACE
                            + "(\\d{1,2})(?:st|nd|rd|th)?,?"
                            + SPACE
                            + "(\\d{4})(?!\\d)",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Words that, just before a date, mark it as the document's own date. */
    private static final Pattern DOCUMENT_DATE_CUE =
            Pattern.compile(
                    "(?<!\\p{L})(?:datee?|inspection|visite|controle|fait a|rapport du|redige"
                            + "|etabli|signe|edite|mise a jour)(?!\\p{L})");
    private static final Pattern IMMEDIATE_CUE =
            Pattern.compile("(?<!\\p{L})(?:le|du|en date du)\\s*:?\\s*$");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final int CUE_WINDOW_CHARS = 60;
    private static final int OPENING_BLOCKS = 30;

    /**
     * @param text any text, may be null
     * @return the dates found, in reading order; empty when none
     */
    public List<ExtractedDate> extract(String text) {
        return locate(text).stream().map(LocatedDate::date).toList();
    }

    /**
     * The document's own date: among dates on the first page (at most its first 30 blocks), the
     * first one preceded by a cue ("Date :", "inspection du", "visite du", "fait à Lille, le",
     * "rapport du"…), else the first one right after "le" or "du", else the first date of the
     * document. Ambiguity is resolved over the whole document.
     */
    public Optional<ExtractedDate> documentDate(ParsedDocument doc) {
        StringBuilder text = new StringBuilder();
        int openingEnd = 0;
        for (int i = 0; i < doc.blocks().size(); i++) {
            Block block = doc.blocks().get(i);
            appendText(text, block);
            text.append('\n');
            if (i < OPENING_BLOCKS && block.page() <= 1) {
                openingEnd = text.length();
            }
        }
        List<LocatedDate> dates = locate(text.toString());
        LocatedDate best = null;
        int bestScore = 0;
        for (LocatedDate located : dates) {
            if (located.start() >= openingEnd) {
                break;
            }
            int from = Math.max(0, located.start() - CUE_WINDOW_CHARS);
            String before = fold(text.substring(from, located.start()));
            int score = DOCUMENT_DATE_CUE.matcher(before).find()
                    ? 2
                    : IMMEDIATE_CUE.matcher(before).find() ? 1 : 0;
            if (score > bestScore) {
                best = located;
                bestScore = score;
            }
        }
        if (best != null) {
            return Optional.of(best.date());
        }
        return dates.stream().findFirst().map(LocatedDate::date);
    }

    /**
     * A French sentence for the ingestion report, e.g. "date ambiguë « 04/03/2024 » : lue comme
     * 2024-03-04 (jour/mois), pourrait être 2024-04-03 (mois/jour)"; for an unambiguous date,
     * "date « 3 avril 2024 » lue comme 2024-04-03".
     */
    public static String describe(ExtractedDate date) {
        if (date.ambiguous()) {
            return "date ambiguë « %s » : lue comme %s (jour/mois), pourrait être %s (mois/jour)"
                    .formatted(date.raw(), date.date(), date.alternative());
        }
        return "date « %s » lue comme %s".formatted(date.raw(), date.date());
    }

    private List<LocatedDate> locate(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<LocatedDate> found = new ArrayList<>();
        findIso(text, found);
        findMonthNames(text, found);
        new NumericDates().resolve(NUMERIC.matcher(text), found);
        found.sort(Comparator.comparingInt(LocatedDate::start));
        List<LocatedDate> disjoint = new ArrayList<>();
        int end = -1;
        for (LocatedDate date : found) {
            if (date.start() >= end) {
                disjoint.add(date);
                end = date.end();
            }
        }
        return disjoint;
    }

    private static void findIso(String text, List<LocatedDate> found) {
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            add(found, m, number(m, 1), number(m, 3), number(m, 4));
        }
    }

    private static void findMonthNames(String text, List<LocatedDate> found) {
        Matcher dayFirst = DAY_MONTH_NAME_YEAR.matcher(text);
        while (dayFirst.find()) {
            String name = dayFirst.group(2);
            int month = MonthNames.french(name).or(() -> MonthNames.english(name)).orElse(0);
            add(found, dayFirst, number(dayFirst, 3), month, number(dayFirst, 1));
        }
        Matcher monthFirst = MONTH_NAME_DAY_YEAR.matcher(text);
        while (monthFirst.find()) {
            int month = MonthNames.english(monthFirst.group(1)).orElse(0);
            add(found, monthFirst, number(monthFirst, 3), month, number(monthFirst, 2));
        }
    }

    private static void add(List<LocatedDate> found, Matcher m, int year, int month, int day) {
        CalendarDates.of(year, month, day)
                .ifPresent(d -> found.add(LocatedDate.plain(m.group(), d, m.start(), m.end())));
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static void appendText(StringBuilder text, Block block) {
        switch (block) {
            case Heading h -> text.append(h.text());
            case Paragraph p -> text.append(p.text());
            case TableBlock t -> {
                text.append(t.caption()).append('\n').append(String.join(" ; ", t.headers()));
                t.rows().forEach(row -> text.append('\n').append(String.join(" ; ", row)));
            }
        }
    }

    /** Lowercase without accents, so cues match however typed ("Visité", "CONTRÔLE"). */
    private static String fold(String text) {
        return COMBINING_MARKS
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    record LocatedDate(ExtractedDate date, int start, int end) {

        static LocatedDate plain(String raw, LocalDate date, int start, int end) {
            return new LocatedDate(new ExtractedDate(raw, date, false, null), start, end);
        }
    }
}
