package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditConsultation;
import fr.capsules.app.audit.AuditEntry;
import fr.capsules.app.audit.AuditQueryParameters;
import fr.capsules.app.audit.InvalidAuditQueryException;
import fr.capsules.app.register.AiRegister;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The AI register (every agent may read it) and the audit trail (administrators only). */
@Controller
class AdminPages {

    private static final String SHOWN = "200";

    private final AiRegister register;
    private final AuditConsultation audit;

    AdminPages(AiRegister register, AuditConsultation audit) {
        this.register = register;
        this.audit = audit;
    }

    @GetMapping("/register")
    String register(CapsulesUser user, Model model) {
        LocalDate end = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(1);
        model.addAttribute("entries", register.entries(end.minusYears(1), end, user));
        return "register";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String user, @RequestParam(required = false) String capsule,
            @RequestParam(required = false) String action, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, CapsulesUser caller, Model model) {
        audit.requireAdmin(caller);
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("user", orEmpty(user));
        filters.put("capsule", orEmpty(capsule));
        filters.put("action", orEmpty(action));
        filters.put("from", orEmpty(from));
        filters.put("to", orEmpty(to));
        List<AuditEntry> entries = List.of();
        try {
            entries = audit.find(AuditQueryParameters.parse(user, capsule, action, from, to, SHOWN, null), caller);
        } catch (InvalidAuditQueryException e) {
            model.addAttribute("filterError", e.getMessage());
        }
        UriComponentsBuilder csv = UriComponentsBuilder.fromPath("/api/audit").queryParam("format", "csv");
        filters.forEach((k, v) -> {
            if (!v.isEmpty()) {
                csv.queryParam(k, v);
            }
        });
        model.addAttribute("filters", filters);
        model.addAttribute("entries", entries);
        model.addAttribute("shown", Integer.parseInt(SHOWN));
        model.addAttribute("actions", Stream.of(AuditAction.values()).map(AuditAction::code).toList());
        model.addAttribute("csvLink", csv.encode().build().toUriString());
        model.addAttribute("verification", audit.verify(caller));
        return "audit";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
