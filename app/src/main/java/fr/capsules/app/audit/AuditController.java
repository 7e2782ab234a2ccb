package fr.capsules.app.audit;

import fr.capsules.app.access.CapsulesUser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail over HTTP, for administrators only: {@code GET /api/audit} (JSON, or CSV with
 * {@code format=csv}; filters in {@link AuditQueryParameters}) and {@code GET /api/audit/verify}.
 * Who may read it is decided by {@link AuditConsultation}.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final AuditConsultation audit;

    AuditController(AuditConsultation audit) {
        this.audit = audit;
    }

    @GetMapping
    ResponseEntity<?> entries(
            CapsulesUser caller,
            @RequestParam(name = "user", required = false) String actor,
            @RequestParam(required = false) String capsule,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset,
            @RequestParam(required = false) String format) {
        audit.requireAdmin(caller);
        AuditQuery query = AuditQueryParameters.parse(actor, capsule, action, from, to, limit, offset);
        String chosen = format == null || format.isBlank() ? "json" : format.strip();
        List<AuditEntry> entries =
                switch (chosen) {
                    case "json", "csv" -> audit.find(query, caller);
                    default -> throw new InvalidAuditQueryException(
                            "format : « " + chosen + " » est inconnu. Valeurs possibles : json, csv.");
                };
        if (chosen.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(entries);
        }
        String fileName = "journal-audit-" + LocalDateTime.now(AuditQueryParameters.AGENCY_ZONE).format(FILE_STAMP) + ".csv";
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(AuditCsv.write(entries).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/verify")
    ChainVerification verify(CapsulesUser user) {
        return audit.verify(user);
    }
}
