package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.draft.Draft;
import fr.capsules.app.draft.DraftAssignment;
import fr.capsules.app.draft.DraftContent;
import fr.capsules.app.draft.DraftKind;
import fr.capsules.app.draft.DraftReview;
import fr.capsules.app.draft.DraftStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The drafts list and a draft's page. Editing, validation and rejection are done by
 * {@code static/js/draft.js} through the API; this renders the state, the warnings to face (beside
 * their row and cell, and one checkbox each in the validation dialog) and what people changed.
 */
@Controller
class DraftPages {

    private final DraftReview review;
    private final DraftAssignment assignment;
    private final Capsules capsules;

    DraftPages(DraftReview review, DraftAssignment assignment, Capsules capsules) {
        this.review = review;
        this.assignment = assignment;
        this.capsules = capsules;
    }

    @GetMapping("/drafts")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String capsule,
            @RequestParam(required = false) boolean mine, CapsulesUser user, Model model) {
        List<Draft> drafts = review.list(capsule, status, user).stream()
                .filter(d -> !mine || d.createdBy().username().equals(user.username()))
                .toList();
        model.addAttribute("drafts", drafts);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("capsule", capsule == null ? "" : capsule);
        model.addAttribute("mine", mine);
        model.addAttribute("capsules", capsules.visibleTo(user));
        model.addAttribute("statuses", DraftStatus.values());
        return "drafts";
    }


    @GetMapping("/drafts/{id}")
    String draft(@PathVariable String id, CapsulesUser user, Model model) {
        Draft draft = review.get(id, user);
        model.addAttribute("draft", draft);
        model.addAttribute("editable", draft.status() == DraftStatus.GENERATED || draft.status() == DraftStatus.EDITED);
        model.addAttribute("validated", draft.status() == DraftStatus.VALIDATED);
        Map<String, List<String>> allowedValues = allowedValues(draft);
        model.addAttribute("allowedValues", allowedValues);
        model.addAttribute("openWarnings", draft.openWarnings());
        model.addAttribute("candidates", assignment.candidates(draft, user));
        if (draft.kind() == DraftKind.TEXT) {
            model.addAttribute("textDiff", WordDiff.between(draft.aiContent().text(), draft.content().text()));
        } else {
            model.addAttribute("cellChanges", cellChanges(draft.aiContent(), draft.content()));
            model.addAttribute("table", DraftTableView.of(draft, allowedValues));
        }
        return "draft";
    }

    /** The assignment form (works without JavaScript): the ticked colleagues replace the previous assignment. */
    @PostMapping("/drafts/{id}/reviewers")
    String assign(@PathVariable String id, @RequestParam(name = "reviewers", required = false) List<String> reviewers,
            CapsulesUser user) {
        assignment.assign(id, reviewers == null ? List.of() : reviewers, user);
        return "redirect:/drafts/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "#reviewers";
    }

    private Map<String, List<String>> allowedValues(Draft draft) {
        return capsules.find(draft.capsuleId())
                .map(c -> c.definition().table())
                .map(t -> t.columns().stream().collect(Collectors.toMap(CapsuleDefinition.Column::name, CapsuleDefinition.Column::values)))
                .orElse(Map.of());
    }

    private static List<CellChange> cellChanges(DraftContent ai, DraftContent human) {
        List<CellChange> changes = new ArrayList<>();
        int rows = Math.max(ai.rows().size(), human.rows().size());
        for (int r = 0; r < rows; r++) {
            for (DraftContent.Column column : ai.columns()) {
                String before = r < ai.rows().size() ? ai.rows().get(r).cell(column.name()) : "";
                String after = r < human.rows().size() ? human.rows().get(r).cell(column.name()) : "";
                if (!before.strip().equals(after.strip())) {
                    changes.add(new CellChange(r + 1, column.title(), WordDiff.between(before, after)));
                }
            }
        }
        return changes;
    }
}
