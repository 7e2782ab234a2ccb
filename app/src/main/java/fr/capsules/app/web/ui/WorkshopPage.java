package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleMaintenance;
import fr.capsules.app.workshop.Publication;
import fr.capsules.app.workshop.ReferenceQuestions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The referent's workshop page of a capsule: its reference questions, the publication gate's checks,
 * the last evaluation question by question with its evidence and what changed since the previous run,
 * and the published versions. Evaluations, publication, rollback and the questions' import are sent by
 * {@code static/js/workshop.js} to the JSON API.
 */
@Controller
class WorkshopPage {

    private final CapsuleMaintenance maintenance;
    private final ReferenceQuestions questions;
    private final Publication publication;

    WorkshopPage(CapsuleMaintenance maintenance, ReferenceQuestions questions, Publication publication) {
        this.maintenance = maintenance;
        this.questions = questions;
        this.publication = publication;
    }

    @GetMapping("/capsules/{id}/atelier")
    String workshop(@PathVariable String id, CapsulesUser user, Model model) {
        Capsule capsule = maintenance.maintainable(id, user);
        Publication.GateReport gate = publication.report(id, user);
        model.addAttribute("capsule", capsule.definition());
        model.addAttribute("questions", questions.of(capsule.definition().id()));
        model.addAttribute("questionsYaml", questions.exportYaml(capsule.definition().id()));
        model.addAttribute("gate", gate);
        model.addAttribute("evaluation", gate.lastEvaluation());
        model.addAttribute("versions", publication.versions(id, user));
        return "workshop";
    }
}
