package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleStatus;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.document.DocumentLibrary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The referents' pages: a capsule's definition form and its documents. The form and the upload
 * are sent by {@code static/js/capsule-form.js} and {@code upload.js} to the JSON API, which
 * checks, records and audits them.
 */
@Controller
class MaintenancePages {

    private final Capsules capsules;
    private final DocumentLibrary library;

    MaintenancePages(Capsules capsules, DocumentLibrary library) {
        this.capsules = capsules;
        this.library = library;
    }

    @GetMapping("/capsules/new")
    String create(CapsulesUser user, Model model) {
        ForbiddenException.requireMaintainer(user);
        model.addAttribute("capsule", null);
        model.addAttribute("deadlines", "");
        model.addAttribute("statuses", CapsuleStatus.values());
        return "capsule-form";
    }

    @GetMapping("/capsules/{id}/edit")
    String edit(@PathVariable String id, CapsulesUser user, Model model) {
        Capsule capsule = capsules.require(id, user);
        ForbiddenException.requireMaintainer(user);
        model.addAttribute("capsule", capsule.definition());
        model.addAttribute("deadlines", capsule.definition().table() == null ? "" : capsule.definition().table().deadlineByNature()
                .entrySet().stream().map(e -> e.getKey() + " : " + e.getValue()).collect(java.util.stream.Collectors.joining("\n")));
        model.addAttribute("statuses", CapsuleStatus.values());
        return "capsule-form";
    }

    @GetMapping("/capsules/{id}/documents")
    String documents(@PathVariable String id, CapsulesUser user, Model model) {
        Capsule capsule = capsules.require(id, user);
        ForbiddenException.requireMaintainer(user);
        model.addAttribute("capsule", capsule.definition());
        model.addAttribute("documents", library.list(capsule));
        return "documents";
    }
}
