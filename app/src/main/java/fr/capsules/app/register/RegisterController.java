package fr.capsules.app.register;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.kernel.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/register}: the organisation's register of AI systems, for every authenticated
 * agent (transparency on which AI is used for what is the register's point). JSON by default,
 * {@code ?format=csv} or {@code md}; usage over {@code from}–{@code to} (days, {@code to}
 * exclusive), by default the last twelve months.
 */
@RestController
class RegisterController {

    private final AiRegister register;
    private final RegisterDetails details;

    RegisterController(AiRegister register, RegisterDetails details) {
        this.register = register;
        this.details = details;
    }

    /** What an administrator writes in a capsule's register entry. */
    record DetailsRequest(String legalBasis, String dpiaReference) {}

    /** {@code PUT /api/register/{capsuleId}}: the legal basis and the DPIA reference (administrators). */
    @PutMapping("/api/register/{capsuleId}")
    RegisterDetails.Details write(@PathVariable String capsuleId, @RequestBody DetailsRequest request, CapsulesUser user) {
        return details.save(capsuleId, request.legalBasis(), request.dpiaReference(), user);
    }

    @GetMapping("/api/register")
    ResponseEntity<?> register(@RequestParam(required = false) String format, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, CapsulesUser user) {
        LocalDate end = day(to, LocalDate.now(AiRegister.PARIS).plusDays(1), "to");
        LocalDate start = day(from, end.minusYears(1), "from");
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("période vide : « from » doit précéder « to »");
        }
        List<RegisterEntry> entries = register.entries(start, end, user);
        String kind = format == null ? "json" : format.toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case "json" -> ResponseEntity.ok(entries);
            case "csv" -> file(RegisterFormats.csv(entries), "text/csv", "registre-ia.csv");
            case "md", "markdown" -> file(RegisterFormats.markdown(entries), "text/markdown", "registre-ia.md");
            default -> throw new InvalidRequestException("format « " + format + " » inconnu : json, csv ou md");
        };
    }

    private static ResponseEntity<String> file(String body, String type, String name) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(type), StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }

    private static LocalDate day(String value, LocalDate fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("date « " + name + " » invalide : attendu AAAA-MM-JJ, par exemple 2026-01-31");
        }
    }
}
