package fr.capsules.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dates checked by hand are the dates {@link LocalDate#of} accepts, as before. */
class CalendarDatesTests {

    @Test
    void theSameDatesAsLocalDateOfWithinTheYears() {
        for (int year = CalendarDates.MIN_YEAR - 2; year <= CalendarDates.MAX_YEAR + 2; year++) {
            for (int month = -1; month <= 14; month++) {
                for (int day = -1; day <= 33; day++) {
                    assertThat(CalendarDates.of(year, month, day))
                            .as("%d-%d-%d", year, month, day)
                            .isEqualTo(asBefore(year, month, day));
                }
            }
        }
        assertThat(CalendarDates.of(2024, 2, 29)).contains(LocalDate.of(2024, 2, 29));
        assertThat(CalendarDates.of(2100, 2, 29)).isEmpty();
    }

    private static Optional<LocalDate> asBefore(int year, int month, int day) {
        if (year < CalendarDates.MIN_YEAR || year > CalendarDates.MAX_YEAR) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }
}
