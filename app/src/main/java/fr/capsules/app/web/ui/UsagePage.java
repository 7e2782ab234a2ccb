package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.app.usage.MonthlyUsage;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The usage and energy dashboard (administrators): figures per month, capsule and service as tables,
 * drawn as charts by {@code js/usage-charts.js} from {@code GET /api/usage} for the same months.
 */
@Controller
class UsagePage {

    private final MonthlyUsage usage;

    UsagePage(MonthlyUsage usage) {
        this.usage = usage;
    }

    @GetMapping("/admin/usage")
    String usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to, CapsulesUser caller,
            Model model) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("seuls les administrateurs peuvent consulter les indicateurs d'usage");
        }
        YearMonth end = month(to, YearMonth.now(ZoneId.of("Europe/Paris")));
        YearMonth start = month(from, end.minusMonths(11));
        if (start.isAfter(end) || start.plusMonths(120).isBefore(end)) {
            throw new InvalidRequestException("période invalide : de 1 à 120 mois, « du » avant « au »");
        }
        model.addAttribute("from", start.toString());
        model.addAttribute("to", end.toString());
        model.addAttribute("report", usage.between(start, end));
        return "usage";
    }

    private static YearMonth month(String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("mois invalide : attendu AAAA-MM, par exemple 2026-03");
        }
    }
}
