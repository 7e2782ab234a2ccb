package fr.capsules.ingest.normalize;

import java.time.LocalDate;

/**
 * A date found in a text.
 *
 * @param raw the text as written ("03/04/2024", "3 avril 2024")
 * @param date the chosen reading
 * @param ambiguous true when the text allows both day-first and month-first readings and nothing
 *     in the document decides between them
 * @param alternative the other reading when {@code ambiguous}, otherwise null
 */
public record ExtractedDate(String raw, LocalDate date, boolean ambiguous, LocalDate alternative) {

    public String iso() {
        return date.toString();
    }
}
