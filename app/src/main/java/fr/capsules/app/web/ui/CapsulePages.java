package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.Asking;
import fr.capsules.app.ask.Conversations;
import fr.capsules.app.ask.PastConversations;
import fr.capsules.app.ask.RetrievalProperties;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleKind;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.document.ServedVersions;
import fr.capsules.app.draft.Draft;
import fr.capsules.app.draft.DraftReview;
import java.util.ArrayList;
import java.util.List;
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
    private final PastConversations past;
    private final ServedVersions versions;

    CapsulePages(Capsules capsules, Asking asking, DraftReview drafts, RetrievalProperties bounds, PastConversations past,
            ServedVersions versions) {
        this.versions = versions;
        this.capsules = capsules;
        this.asking = asking;
        this.drafts = drafts;
        this.bounds = bounds;
        this.past = past;
    }

    /** The capsule's page; {@code conversation} reopens one of the person's past conversations. */
    @GetMapping("/capsules/{id}")
    String capsule(@PathVariable String id, @RequestParam(required = false) String conversation, CapsulesUser user,
            Model model) {
        Capsule capsule = capsules.require(id, user);
        if (capsule.definition().kind() == CapsuleKind.TABLE) {
            model.addAttribute("capsule", capsule.definition());
            model.addAttribute("maxQuestionChars", bounds.maxQuestionChars());
            model.addAttribute("originalsDownloadable", capsule.mayOpenOriginals(user));
            model.addAttribute("servedVersion", versions.of(capsule).orElse(null));
            return "capsule-table";
        }
        List<ShownTurn> turns = new ArrayList<>();
        PastConversations.Opened opened = null;
        if (conversation != null && !conversation.isBlank()) {
            opened = past.open(conversation, user);
            if (!opened.summary().capsuleId().equals(capsule.definition().id())) {
                return "redirect:/capsules/" + opened.summary().capsuleId() + "?conversation=" + opened.summary().id();
            }
            opened.turns().forEach(t -> turns.add(ShownTurn.of(t)));
        }
        return chat(capsule, user, opened == null ? null : opened.summary(), turns, model);
    }

    @PostMapping("/capsules/{id}")
    String ask(@PathVariable String id, @RequestParam(defaultValue = "") String question,
            @RequestParam(required = false) String conversationId, CapsulesUser user, Model model) {
        Capsule capsule = capsules.require(id, user);
        Answer answer = asking.answer(capsule, user, question, conversationId, bounds);
        PastConversations.Opened opened = past.open(answer.conversationId(), user);
        List<ShownTurn> turns = new ArrayList<>();
        opened.turns().subList(0, Math.max(0, opened.turns().size() - 1)).forEach(t -> turns.add(ShownTurn.of(t)));
        turns.add(ShownTurn.of(question.strip(), answer));
        return chat(capsule, user, opened.summary(), turns, model);
    }

    private String chat(Capsule capsule, CapsulesUser user, Conversations.Summary open, List<ShownTurn> turns, Model model) {
        model.addAttribute("capsule", capsule.definition());
        model.addAttribute("maxQuestionChars", bounds.maxQuestionChars());
        model.addAttribute("originalsDownloadable", capsule.mayOpenOriginals(user));
        model.addAttribute("servedVersion", versions.of(capsule).orElse(null));
        model.addAttribute("turns", turns);
        model.addAttribute("open", open);
        model.addAttribute("retentionDays", past.retentionDays());
        model.addAttribute("conversations", past.list(capsule.definition().id(), user));
        return "capsule-chat";
    }

    @PostMapping("/capsules/{id}/drafts")
    String draft(@PathVariable String id, @RequestParam(required = false) String input,
            @RequestParam(required = false) String question, CapsulesUser user) {
        Draft draft = drafts.create(id, new DraftReview.Request(blankToNull(question), blankToNull(input)), user);
        return "redirect:/drafts/" + draft.id();
    }

    /** The originals of a pseudonymised capsule hold personal data: only its referents and the admins get the link. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
