package fr.capsules.app.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Turns the query string of {@code GET /api/audit} into an {@link AuditQuery}, with a French
 * message for each value it cannot use.
 *
 * <p>Dates: an instant with offset ({@code 2025-03-14T09:00:00Z}, {@code …+01:00}), a local
 * date-time ({@code 2025-03-14T09:00}) or a date ({@code 2025-03-14}), the last two in the
 * agency's time zone (Europe/Paris). {@code from} is inclusive; {@code to} is exclusive, except
 * that a bare date {@code to} includes that whole day ({@code from=2025-03-01&to=2025-03-31} is
 * all of March).
 */
public final class AuditQueryParameters {

    static final ZoneId AGENCY_ZONE = ZoneId.of("Europe/Paris");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CAPSULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private AuditQueryParameters() {}

    /** The query for these raw parameters (each may be null or blank = any). */
    public static AuditQuery parse(
            String user, String capsule, String action, String from, String to, String limit, String offset) {
        return new AuditQuery(
                blankToNull(user),
                capsule(blankToNull(capsule)),
                action(blankToNull(action)),
                instant("from", blankToNull(from), false),
                instant("to", blankToNull(to), true),
                integer("limit", blankToNull(limit), AuditQuery.DEFAULT_LIMIT),
                integer("offset", blankToNull(offset), 0));
    }

    private static String capsule(String value) {
        if (value != null && !CAPSULE_ID.matcher(value).matches()) {
            throw new InvalidAuditQueryException("capsule : « " + value + " » n'est pas un identifiant de capsule.");
        }
        return value;
    }

    private static AuditAction action(String value) {
        if (value == null) {
            return null;
        }
        return AuditAction.fromCode(value)
                .orElseThrow(() -> new InvalidAuditQueryException("action : « " + value + " » est inconnue. Valeurs possibles : "
                        + String.join(", ", Arrays.stream(AuditAction.values()).map(AuditAction::code).toList())
                        + "."));
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            if (DATE.matcher(value).matches()) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(AGENCY_ZONE).toInstant();
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeException withoutOffset) {
                return LocalDateTime.parse(value).atZone(AGENCY_ZONE).toInstant();
            }
        } catch (DateTimeException e) {
            throw new InvalidAuditQueryException(name + " : « " + value + " » n'est pas une date. Formats acceptés :"
                    + " 2025-03-14, 2025-03-14T09:30 (heure de Paris) ou 2025-03-14T08:30:00Z.");
        }
    }

    private static int integer(String name, String value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidAuditQueryException(name + " : « " + value + " » n'est pas un nombre entier.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
