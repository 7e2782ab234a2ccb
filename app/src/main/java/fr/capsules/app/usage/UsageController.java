package fr.capsules.app.usage;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.kernel.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/usage}: usage per month, capsule and service for administrators, the figures of the
 * dashboard page. Months {@code from}–{@code to} included ({@code AAAA-MM}), by default the last
 * twelve; JSON, or {@code ?format=csv} with one line per month, capsule and service.
 */
@RestController
class UsageController {

    /** The longest period one request may cover, so that a request stays one small read. */
    static final int MAX_MONTHS = 120;

    private final MonthlyUsage usage;

    UsageController(MonthlyUsage usage) {
        this.usage = usage;
    }

    @GetMapping("/api/usage")
    ResponseEntity<?> usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String format, CapsulesUser caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("seuls les administrateurs peuvent consulter les indicateurs d'usage");
        }
        YearMonth[] months = period(from, to);
        MonthlyUsage.Report report = usage.between(months[0], months[1]);
        String kind = format == null ? "json" : format.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case "json" -> ResponseEntity.ok(report);
            case "csv" -> ResponseEntity.ok()
                    .contentType(new MediaType(MediaType.parseMediaType("text/csv"), StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"usage-ia.csv\"")
                    .body(UsageCsv.of(report));
            default -> throw new InvalidRequestException("format « " + format + " » inconnu : json ou csv");
        };
    }

    /**
     * The months asked for: {@code to} defaults to the current month, {@code from} to eleven months
     * before it.
     */
    static YearMonth[] period(String from, String to) {
        YearMonth end = month(to, YearMonth.now(Attribution.PARIS), "to");
        YearMonth start = month(from, end.minusMonths(11), "from");
        if (start.isAfter(end)) {
            throw new InvalidRequestException("période vide : « from » doit précéder « to »");
        }
        if (start.plusMonths(MAX_MONTHS).isBefore(end)) {
            throw new InvalidRequestException("période trop longue : " + MAX_MONTHS + " mois au plus");
        }
        return new YearMonth[] {start, end};
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
