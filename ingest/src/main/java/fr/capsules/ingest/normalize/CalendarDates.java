package fr.capsules.ingest.normalize;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Optional;

/** Builds dates only when they exist and fall within the years documents plausibly mention. */
final class CalendarDates {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;
    /** Two-digit years below this are 20xx, others 19xx. */
    static final int TWO_DIGIT_PIVOT = 70;

    private CalendarDates() {}

    static Optional<LocalDate> of(int year, int month, int day) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Optional.empty();
        }
        // The checks LocalDate.of makes, without its exception: half the numeric dates tried have a
        // day above 12 in the month's place, and filling the exception's stack cost more than
        // the rest of reading the date (issue 17.5).
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day));
    }

    /** Expands a year as written: two digits pivot at 70, four digits are taken as is. */
    static int fullYear(String written) {
        int year = Integer.parseInt(written);
        if (written.length() == 2) {
            return year < TWO_DIGIT_PIVOT ? 2000 + year : 1900 + year;
        }
        return year;
    }
}
