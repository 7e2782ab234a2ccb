package fr.capsules.app.usage;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.kernel.InvalidRequestException;
import java.nio.charset.StandardCharsets;
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
        UsagePeriod period = UsagePeriod.parse(from, to);
        MonthlyUsage.Report report = usage.between(period.from(), period.to());
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
}
