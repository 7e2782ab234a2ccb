package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleMaintenance;
import fr.capsules.app.capsule.CapsuleStatus;
import fr.capsules.app.document.DocumentLibrary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The referents' pages: a capsule's definition form and its documents. The form and the upload
 * are sent by {@code static/js/capsule-form.js} and {@code upload.js} to the JSON API, whose
 * services check, record and audit them; the pages are shown to the same people the services
 * accept ({@link CapsuleMaintenance}).
 */
@Controller
class MaintenancePages {

    private final CapsuleMaintenance maintenance;
    private final DocumentLibrary library;

    MaintenancePages(CapsuleMaintenance maintenance, DocumentLibrary library) {
        this.maintenance = maintenance;
        this.library = library;
    }

    @GetMapping("/capsules/new")
    String create(CapsulesUser user, Model model) {
        maintenance.requireMaintainer(user);
        model.addAttribute("capsule", null);
        model.addAttribute("deadlines", "");
        model.addAttribute("statuses", CapsuleStatus.values());
        return "capsule-form";
    }

    @GetMapping("/capsules/{id}/edit")
    String edit(@PathVariable String id, CapsulesUser user, Model model) {
        Capsule capsule = maintenance.maintainable(id, user);
        model.addAttribute("capsule", capsule.definition());
        model.addAttribute("deadlines", capsule.definition().table() == null ? "" : capsule.definition().table().deadlineByNature()
                .entrySet().stream().map(e -> e.getKey() + " : " + e.getValue()).collect(java.util.stream.Collectors.joining("\n")));
        model.addAttribute("statuses", CapsuleStatus.values());
        return "capsule-form";
    }

    @GetMapping("/capsules/{id}/documents")
    String documents(@PathVariable String id, CapsulesUser user, Model model) {
        Capsule capsule = maintenance.maintainable(id, user);
        model.addAttribute("capsule", capsule.definition());
        model.addAttribute("documents", library.list(capsule));
        return "documents";
    }
}
