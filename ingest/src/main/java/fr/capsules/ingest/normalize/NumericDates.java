package fr.capsules.ingest.normalize;

import fr.capsules.ingest.normalize.DateExtractor.LocatedDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads all-numeric day/month dates of one text together, because the unambiguous ones
 * ("25/12/2024" or "12/25/2024") tell in which order the writer put day and month in the ambiguous
 * ones.
 * Used once per text; not thread-safe.
 */
final class NumericDates {

    private record Candidate(
            String raw,
            int start,
            int end,
            Optional<LocalDate> dayFirst,
            Optional<LocalDate> monthFirst) {

        boolean ambiguous() {
            return dayFirst.isPresent() && monthFirst.isPresent() && !dayFirst.equals(monthFirst);
        }
    }

    private final List<Candidate> candidates = new ArrayList<>();
    private int dayFirstEvidence;
    private int monthFirstEvidence;

    /**
     * Adds the dates matched by {@code matches} (groups: first number, separator, second number,
     * year) to {@code found}.
     */
    void resolve(DigitAnchoredMatches matches, List<LocatedDate> found) {
        Matcher matcher = matches.matcher();
        while (matches.find()) {
            int first = Integer.parseInt(matcher.group(1));
            int second = Integer.parseInt(matcher.group(3));
            int year = CalendarDates.fullYear(matcher.group(4));
            Candidate candidate =
                    new Candidate(
                            matcher.group(),
                            matcher.start(),
                            matcher.end(),
                            CalendarDates.of(year, second, first),
                            CalendarDates.of(year, first, second));
            if (candidate.dayFirst().isEmpty() && candidate.monthFirst().isEmpty()) {
                continue;
            }
            if (candidate.monthFirst().isEmpty()) {
                dayFirstEvidence++;
            } else if (candidate.dayFirst().isEmpty()) {
                monthFirstEvidence++;
            }
            candidates.add(candidate);
        }
        candidates.forEach(c -> found.add(read(c)));
    }

    private LocatedDate read(Candidate c) {
        LocalDate dayFirst = c.dayFirst().orElse(null);
        LocalDate monthFirst = c.monthFirst().orElse(null);
        if (!c.ambiguous()) {
            return located(c, dayFirst != null ? dayFirst : monthFirst, false, null);
        }
        if (monthFirstEvidence > 0 && dayFirstEvidence == 0) {
            return located(c, monthFirst, false, null);
        }
        if (dayFirstEvidence > 0 && monthFirstEvidence == 0) {
            return located(c, dayFirst, false, null);
        }
        return located(c, dayFirst, true, monthFirst);
    }

    private static LocatedDate located(
            Candidate c, LocalDate date, boolean ambiguous, LocalDate alternative) {
        ExtractedDate read = new ExtractedDate(c.raw(), date, ambiguous, alternative);
        return new LocatedDate(read, c.start(), c.end());
    }
}
