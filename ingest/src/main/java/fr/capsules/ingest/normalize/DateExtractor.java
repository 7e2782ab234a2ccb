package fr.capsules.ingest.normalize;

import fr.capsules.ingest.parse.Block;
import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.TableBlock;
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
    /** "3 avril 2024", "1er mars 2023", "3rd April 2024" from the day's digits: day, month name, year. */
    private static final String DAY_NAME_YEAR =
            "(?<![\\p{L}\\d])(\\d{1,2})(?:er|ᵉʳ|st|nd|rd|th)?" + SPACE + "(\\p{L}{3,9})\\.?" + SPACE + "(\\d{4})(?!\\d)";
    /** What follows an English month name and its spaces: "3, 2024", "3rd 2024". */
    private static final String DAY_YEAR = "(\\d{1,2})(?:st|nd|rd|th)?,?" + SPACE + "(\\d{4})(?!\\d)";

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
                            + ")?"
                            + DAY_NAME_YEAR,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_NAME_DAY_YEAR =
            Pattern.compile(
                    "(?<!\\p{L})(\\p{L}{3,9})\\.?" + SPACE + DAY_YEAR,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * The part of {@link #DAY_MONTH_NAME_YEAR} after its optional weekday, found from its first
     * digit: a match of the whole expression is either one of these or a weekday, a comma and spaces
     * just before one (see {@link #findDayFirst}).
     */
    private static final Pattern DAY_MONTH_NAME_YEAR_FROM_DAY =
            Pattern.compile(
                    "(?=\\d)" + DAY_NAME_YEAR,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * The part of {@link #MONTH_NAME_DAY_YEAR} after its month name and its spaces, found from its
     * first digit (see {@link #findMonthFirst}).
     */
    private static final Pattern DAY_YEAR_AFTER_MONTH_NAME =
            Pattern.compile(
                    "(?=\\d)(?<=[\\s\\u00A0\\u202F])" + DAY_YEAR,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Words that, just before a date, mark it as the document's own date. */
    private static final Pattern DOCUMENT_DATE_CUE =
            Pattern.compile(
                    "(?<!\\p{L})(?:datee?|inspection|visite|controle|fait a|rapport du|redige"
                            + "|etabli|signe|edite|mise a jour)(?!\\p{L})");
    private static final Pattern IMMEDIATE_CUE =
            Pattern.compile("(?<!\\p{L})(?:le|du|en date du)\\s*:?\\s*$");
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
        StringBuilder text = new StringBuilder(expectedLength(doc));
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
            int score = cueScore(fold(text.substring(from, located.start())));
            if (score > bestScore) {
                best = located;
                bestScore = score;
                if (score == 2) {
                    break; // no later date can score more than a cue
                }
            }
        }
        if (best != null) {
            return Optional.of(best.date());
        }
        return dates.stream().findFirst().map(LocatedDate::date);
    }

    /**
     * 2 when {@code before} (folded) holds a {@link #DOCUMENT_DATE_CUE}, else 1 when it ends with an
     * {@link #IMMEDIATE_CUE}, else 0. Each expression is run only on a text that holds what any of
     * its matches holds: one of the cue words; "le" or "du" once the spaces, colon and line
     * terminator its end may hold are set aside.
     */
    static int cueScore(String before) {
        if (mayHoldCue(before) && DOCUMENT_DATE_CUE.matcher(before).find()) {
            return 2;
        }
        return mayEndWithImmediateCue(before) && IMMEDIATE_CUE.matcher(before).find() ? 1 : 0;
    }

    /** The literal words of {@link #DOCUMENT_DATE_CUE}'s alternatives, one of which its match holds. */
    private static final String[] CUE_WORDS = {"date", "inspection", "visite", "controle", "fait a", "rapport du",
        "redige", "etabli", "signe", "edite", "mise a jour"};

    private static boolean mayHoldCue(String folded) {
        for (String word : CUE_WORDS) {
            if (folded.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code folded}, without the whitespace ({@code \\s}), colons and line terminators at
     * its end, ends with "le" or "du": the words {@link #IMMEDIATE_CUE} ends its match with, before
     * its spaces, one colon, and the end of input ({@code $} may stand before a final terminator).
     */
    private static boolean mayEndWithImmediateCue(String folded) {
        int end = folded.length();
        while (end > 0) {
            char c = folded.charAt(end - 1);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ':'
                    || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                end--;
            } else {
                break;
            }
        }
        return folded.startsWith("le", end - 2) || folded.startsWith("du", end - 2);
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
        // The digits where a date may start, found once for the four expressions.
        int[] starts = DigitAnchoredMatches.starts(text);
        findIso(text, starts, found);
        findMonthNames(text, starts, found);
        new NumericDates().resolve(
                new DigitAnchoredMatches(NUMERIC, text, DateExtractor::numericStart, starts), found);
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

    /** Whether {@link #NUMERIC} may start at {@code at}: one or two digits, then a separator. */
    static boolean numericStart(String text, int at) {
        return isSeparatorAt(text, at + 1)
                || (at + 1 < text.length() && DigitAnchoredMatches.isDigit(text.charAt(at + 1)) && isSeparatorAt(text, at + 2));
    }

    /** Whether {@link #ISO} may start at {@code at}: four digits, then a separator. */
    static boolean isoStart(String text, int at) {
        return isSeparatorAt(text, at + 4);
    }

    /** Whether {@code text} holds one of the numeric forms' separators ({@code /.-}) at {@code at}. */
    private static boolean isSeparatorAt(String text, int at) {
        if (at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        return c == '/' || c == '.' || c == '-';
    }

    private static void findIso(String text, int[] starts, List<LocatedDate> found) {
        DigitAnchoredMatches matches = new DigitAnchoredMatches(ISO, text, DateExtractor::isoStart, starts);
        Matcher m = matches.matcher();
        while (matches.find()) {
            add(found, m, number(m, 1), number(m, 3), number(m, 4));
        }
    }

    static void findMonthNames(String text, List<LocatedDate> found) {
        findMonthNames(text, DigitAnchoredMatches.starts(text), found);
    }

    private static void findMonthNames(String text, int[] starts, List<LocatedDate> found) {
        findDayFirst(text, starts, found);
        findMonthFirst(text, starts, found);
    }

    /**
     * Whether {@link #DAY_MONTH_NAME_YEAR_FROM_DAY} may start at {@code at}: its one or two digits
     * are followed by a letter (of a suffix: "1er", "2nd", whatever the case folding) or a space.
     * After a third digit, or after anything else, it cannot match.
     */
    static boolean dayFirstStart(String text, int at) {
        int j = afterDayDigits(text, at);
        if (j < 0) {
            return false;
        }
        char c = text.charAt(j);
        if (!isSpace(c) && !Character.isLetter(c)) {
            return false;
        }
        // Then, as the expression needs: the suffix (two chars, whatever they fold from) or not,
        // spaces, a name of 3 to 9 letters and its full stop or not — so the first space after
        // the name's start comes 3 to 10 code points later —, spaces, and the year's first digit.
        int k = isSpace(c) ? j : j + 2;
        if (k >= text.length() || !isSpace(text.charAt(k))) {
            return false;
        }
        k = skipSpaces(text, k);
        int name = 0;
        while (k < text.length() && !isSpace(text.charAt(k))) {
            if (++name > 10) {
                return false;
            }
            k += Character.charCount(text.codePointAt(k));
        }
        return name >= 3 && digitAfterSpaces(text, k);
    }

    /** The position after the one or two digits of a day number starting at {@code at}, or -1 at the text's end. */
    private static int afterDayDigits(String text, int at) {
        int j = at + 1;
        if (j < text.length() && DigitAnchoredMatches.isDigit(text.charAt(j))) {
            j++;
        }
        return j < text.length() ? j : -1;
    }

    /** The first position from {@code at} that is not a space of {@link #SPACE}. */
    private static int skipSpaces(String text, int at) {
        int k = at;
        while (k < text.length() && isSpace(text.charAt(k))) {
            k++;
        }
        return k;
    }

    /** Whether {@code text} holds at least one space at {@code at}, then an ASCII digit. */
    private static boolean digitAfterSpaces(String text, int at) {
        if (at >= text.length() || !isSpace(text.charAt(at))) {
            return false;
        }
        int k = skipSpaces(text, at);
        return k < text.length() && DigitAnchoredMatches.isDigit(text.charAt(k));
    }

    /**
     * Whether {@link #DAY_YEAR_AFTER_MONTH_NAME} may start at {@code at}: a space just before (its
     * look-behind), and after its one or two digits a letter (of a suffix), a comma or a space.
     */
    static boolean monthFirstStart(String text, int at) {
        if (at == 0 || !isSpace(text.charAt(at - 1))) {
            return false;
        }
        int j = afterDayDigits(text, at);
        if (j < 0) {
            return false;
        }
        char c = text.charAt(j);
        if (!isSpace(c) && c != ',' && !Character.isLetter(c)) {
            return false;
        }
        // Then, as the expression needs: the suffix (two chars) or not, a comma or not, spaces and
        // the year's first digit.
        int k = isSpace(c) || c == ',' ? j : j + 2;
        if (k < text.length() && text.charAt(k) == ',') {
            k++;
        }
        return digitAfterSpaces(text, k);
    }

    /**
     * The matches of {@link #DAY_MONTH_NAME_YEAR}, found from their day number rather than by
     * trying the weekdays at every letter. A match starts either at its day ({@link
     * #DAY_MONTH_NAME_YEAR_FROM_DAY}, the same expression from there) or at the weekday word that
     * ends just before it, past a comma and spaces: no other position can start one, since the
     * weekday must begin a word. So each match from the day is tried once more from that word,
     * when there is one and it starts after the previous match, and the longer match kept: the
     * same matches, in the same order, as {@code DAY_MONTH_NAME_YEAR.matcher(text).find()}.
     */
    private static void findDayFirst(String text, int[] starts, List<LocatedDate> found) {
        DigitAnchoredMatches days =
                new DigitAnchoredMatches(DAY_MONTH_NAME_YEAR_FROM_DAY, text, DateExtractor::dayFirstStart, starts);
        Matcher day = days.matcher();
        Matcher withWeekday = null;
        int previousEnd = 0;
        while (days.find()) {
            Matcher match = day;
            int wordStart = wordBefore(text, day.start(), true);
            if (wordStart >= previousEnd && wordStart < day.start()) {
                if (withWeekday == null) {
                    withWeekday = DAY_MONTH_NAME_YEAR.matcher(text).useTransparentBounds(true);
                }
                withWeekday.region(wordStart, text.length());
                if (withWeekday.lookingAt() && withWeekday.end() == day.end()) {
                    match = withWeekday;
                }
            }
            previousEnd = day.end();
            String name = match.group(2);
            int month = MonthNames.frenchOrEnglish(name).orElse(0);
            add(found, match, number(match, 3), month, number(match, 1));
        }
    }

    /**
     * The matches of {@link #MONTH_NAME_DAY_YEAR} whose month name is one, found from their day
     * number ({@link #DAY_YEAR_AFTER_MONTH_NAME}) and the word just before it, rather than by
     * trying every word of the text. Those are the only matches that give a date; and no match
     * can overlap the start of another (a match holds one word, at its start), so skipping the
     * others changes nothing to these.
     */
    private static void findMonthFirst(String text, int[] starts, List<LocatedDate> found) {
        DigitAnchoredMatches tails =
                new DigitAnchoredMatches(DAY_YEAR_AFTER_MONTH_NAME, text, DateExtractor::monthFirstStart, starts);
        Matcher tail = tails.matcher();
        Matcher whole = null;
        while (tails.find()) {
            int wordStart = wordBefore(text, tail.start(), false);
            if (wordStart < 0) {
                continue;
            }
            if (whole == null) {
                whole = MONTH_NAME_DAY_YEAR.matcher(text).useTransparentBounds(true);
            }
            whole.region(wordStart, text.length());
            if (whole.lookingAt()) {
                int month = MonthNames.english(whole.group(1)).orElse(0);
                add(found, whole, number(whole, 3), month, number(whole, 2));
            }
        }
    }

    /**
     * The start of the word that ends just before {@code at}, past at least one space and, before
     * the spaces, a comma ({@code afterComma}) or a full stop (otherwise), either optional; -1 when
     * there is no such word.
     */
    private static int wordBefore(String text, int at, boolean afterComma) {
        int i = at;
        while (i > 0 && isSpace(text.charAt(i - 1))) {
            i--;
        }
        if (i == at) {
            return -1;
        }
        if (i > 0 && text.charAt(i - 1) == (afterComma ? ',' : '.')) {
            i--;
        }
        int end = i;
        while (i > 0 && Character.isLetter(text.codePointBefore(i))) {
            i -= Character.charCount(text.codePointBefore(i));
        }
        return i == end ? -1 : i;
    }

    /** A character of {@link #SPACE}: Java's {@code \\s} and the two no-break spaces. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\u00A0'
                || c == '\u202F';
    }

    private static void add(List<LocatedDate> found, Matcher m, int year, int month, int day) {
        CalendarDates.of(year, month, day)
                .ifPresent(d -> found.add(LocatedDate.plain(m.group(), d, m.start(), m.end())));
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** About the length {@link #appendText} gives the blocks, so that the text is not regrown. */
    private static int expectedLength(ParsedDocument doc) {
        long length = 0;
        for (Block block : doc.blocks()) {
            length += switch (block) {
                case Heading h -> h.text().length() + 1;
                case Paragraph p -> p.text().length() + 1;
                case TableBlock t -> 256;
            };
        }
        return (int) Math.min(length, 1 << 24);
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
    static String fold(String text) {
        return AccentFolding.fold(text);
    }

    record LocatedDate(ExtractedDate date, int start, int end) {

        static LocatedDate plain(String raw, LocalDate date, int start, int end) {
            return new LocatedDate(new ExtractedDate(raw, date, false, null), start, end);
        }
    }
}
