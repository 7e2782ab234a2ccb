package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleMaintenance;
import fr.capsules.app.capsule.CapsuleStatus;
import fr.capsules.app.document.DocumentLibrary;
import fr.capsules.app.document.PassageExclusion;
import fr.capsules.app.document.PassageReview;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.screen.FlaggedPassage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import fr.capsules.app.access.KnownServices;
import fr.capsules.app.document.DocumentUnderstanding;
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
    private final PassageReview review;
    private final KnownServices knownServices;
    private final DocumentUnderstanding understanding;

    MaintenancePages(CapsuleMaintenance maintenance, DocumentLibrary library, PassageReview review, KnownServices knownServices,
            DocumentUnderstanding understanding) {
        this.understanding = understanding;
        this.knownServices = knownServices;
        this.maintenance = maintenance;
        this.library = library;
        this.review = review;
    }

    /**
     * One warning of a document as the page shows it.
     *
     * @param passage the 1-based number of the passage it flags, or null when it flags none
     * @param excluded whether that passage is excluded
     */
    record WarningRow(String text, Integer passage, boolean excluded) {}

    @GetMapping("/capsules/new")
    String create(CapsulesUser user, Model model) {
        maintenance.requireMaintainer(user);
        model.addAttribute("capsule", null);
        model.addAttribute("deadlines", "");
        model.addAttribute("statuses", CapsuleStatus.values());
        model.addAttribute("services", knownServices.all());
        return "capsule-form";
    }

    @GetMapping("/capsules/{id}/edit")
    String edit(@PathVariable String id, CapsulesUser user, Model model) {
        Capsule capsule = maintenance.maintainable(id, user);
        model.addAttribute("capsule", capsule.definition());
        model.addAttribute("deadlines", capsule.definition().table() == null ? "" : capsule.definition().table().deadlineByNature()
                .entrySet().stream().map(e -> e.getKey() + " : " + e.getValue()).collect(java.util.stream.Collectors.joining("\n")));
        model.addAttribute("statuses", CapsuleStatus.values());
        java.util.SortedSet<String> services = knownServices.all();
        services.addAll(capsule.definition().scope().services());
        model.addAttribute("services", services);
        return "capsule-form";
    }

    @GetMapping("/capsules/{id}/documents/{documentId}")
    String understood(@PathVariable String id, @PathVariable String documentId, CapsulesUser user, Model model) {
        model.addAttribute("understood", understanding.of(id, documentId, user));
        return "document-understood";
    }

    @GetMapping("/capsules/{id}/documents")
    String documents(@PathVariable String id, CapsulesUser user, Model model) {
        Capsule capsule = maintenance.maintainable(id, user);
        model.addAttribute("capsule", capsule.definition());
        List<DocumentRecord> documents = library.list(capsule);
        Set<String> excluded = review.excluded(id, user).stream().map(PassageExclusion::passageId).collect(Collectors.toSet());
        Map<String, List<WarningRow>> warnings = new LinkedHashMap<>();
        for (DocumentRecord d : documents) {
            warnings.put(d.documentId(), d.warnings().stream().map(w -> {
                Integer passage = FlaggedPassage.passageNumber(w).stream().boxed().findFirst().orElse(null);
                return new WarningRow(w, passage, passage != null && excluded.contains(d.documentId() + "#" + (passage - 1)));
            }).toList());
        }
        model.addAttribute("documents", documents);
        model.addAttribute("warnings", warnings);
        return "documents";
    }
}
