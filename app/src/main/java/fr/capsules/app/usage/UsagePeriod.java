package fr.capsules.app.usage;

import fr.capsules.app.kernel.InvalidRequestException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The months a usage view covers, both included: by default the last twelve (Europe/Paris), at
 * most {@link #MAX_MONTHS}, so that one request stays one small read.
 */
public record UsagePeriod(YearMonth from, YearMonth to) {

    public static final int MAX_MONTHS = 120;

    /**
     * The period asked for by {@code from} and {@code to} ({@code AAAA-MM}, either may be blank).
     *
     * @throws InvalidRequestException for a malformed month, an empty or a too long period (French message)
     */
    public static UsagePeriod parse(String from, String to) {
        YearMonth end = month(to, YearMonth.now(Attribution.PARIS), "to");
        YearMonth start = month(from, end.minusMonths(11), "from");
        if (start.isAfter(end)) {
            throw new InvalidRequestException("période vide : « from » doit précéder « to »");
        }
        if (start.plusMonths(MAX_MONTHS).isBefore(end)) {
            throw new InvalidRequestException("période trop longue : " + MAX_MONTHS + " mois au plus");
        }
        return new UsagePeriod(start, end);
    }

    private static YearMonth month(String value, YearMonth fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("mois « " + name + " » invalide : attendu AAAA-MM, par exemple 2026-03");
        }
    }
}
