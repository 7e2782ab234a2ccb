package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.usage.MonthlyUsage;
import fr.capsules.app.usage.UsagePeriod;
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
        UsagePeriod period = UsagePeriod.parse(from, to);
        model.addAttribute("from", period.from().toString());
        model.addAttribute("to", period.to().toString());
        model.addAttribute("report", usage.between(period.from(), period.to()));
        return "usage";
    }
}
