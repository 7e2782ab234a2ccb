package fr.capsules.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A date a record accepts without {@link LocalDate#parse} is one that it accepts. */
class DocumentRecordDateTests {

    @Test
    void thePlainFormIsAcceptedExactlyWhenLocalDateParsesIt() {
        Random random = new Random(3);
        String chars = "0123456789-+/ a";
        for (int n = 0; n < 40_000; n++) {
            String date;
            if (n % 2 == 0) {
                date = "%04d-%02d-%02d".formatted(random.nextInt(10_000), random.nextInt(15), random.nextInt(34));
            } else {
                StringBuilder s = new StringBuilder();
                int length = 8 + random.nextInt(4);
                for (int i = 0; i < length; i++) {
                    s.append(i == 4 || i == 7 ? '-' : chars.charAt(random.nextInt(chars.length())));
                }
                date = s.toString();
            }
            boolean parses = parses(date);
            if (DocumentRecord.isPlainIsoDate(date)) {
                assertThat(parses).as(date).isTrue();
            } else if (date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                assertThat(parses).as(date).isFalse();
            }
        }
    }

    private static boolean parses(String date) {
        try {
            LocalDate.parse(date);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
