package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.Asking;
import fr.capsules.app.ask.RetrievalProperties;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleKind;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.draft.Draft;
import fr.capsules.app.draft.DraftReview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A capsule's page: the chat for answer capsules, the findings form for table capsules. With
 * JavaScript the answer streams from the API; without, the forms post here and the page is
 * rendered with the answer.
 */
@Controller
class CapsulePages {

    private final Capsules capsules;
    private final Asking asking;
    private final DraftReview drafts;
    private final RetrievalProperties bounds;

    CapsulePages(Capsules capsules, Asking asking, DraftReview drafts, RetrievalProperties bounds) {
        this.capsules = capsules;
        this.asking = asking;
        this.drafts = drafts;
        this.bounds = bounds;
    }

    @GetMapping("/capsules/{id}")
    String capsule(@PathVariable String id, CapsulesUser user, Model model) {
        Capsule capsule = capsules.require(id, user);
        model.addAttribute("capsule", capsule.definition());
        model.addAttribute("maxQuestionChars", bounds.maxQuestionChars());
        model.addAttribute("originalsDownloadable", originalsDownloadable(capsule, user));
        return capsule.definition().kind() == CapsuleKind.TABLE ? "capsule-table" : "capsule-chat";
    }

    @PostMapping("/capsules/{id}")
    String ask(@PathVariable String id, @RequestParam(defaultValue = "") String question,
            @RequestParam(required = false) String conversationId, CapsulesUser user, Model model) {
        Capsule capsule = capsules.require(id, user);
        Answer answer = asking.answer(capsule, user, question, conversationId, bounds);
        model.addAttribute("capsule", capsule.definition());
        model.addAttribute("maxQuestionChars", bounds.maxQuestionChars());
        model.addAttribute("originalsDownloadable", originalsDownloadable(capsule, user));
        model.addAttribute("question", question.strip());
        model.addAttribute("answer", answer);
        model.addAttribute("answerText", AnswerText.of(answer.answer(), answer.warnings()));
        return "capsule-chat";
    }

    @PostMapping("/capsules/{id}/drafts")
    String draft(@PathVariable String id, @RequestParam(required = false) String input,
            @RequestParam(required = false) String question, CapsulesUser user) {
        Draft draft = drafts.create(id, new DraftReview.Request(blankToNull(question), blankToNull(input)), user);
        return "redirect:/drafts/" + draft.id();
    }

    /** The originals of a pseudonymised capsule hold personal data: only its referents and the admins get the link. */
    private static boolean originalsDownloadable(Capsule capsule, CapsulesUser user) {
        return !capsule.definition().pseudonymised() || capsule.isMaintainedBy(user);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
