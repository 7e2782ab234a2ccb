package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.Conversations;
import fr.capsules.app.ask.PastConversations;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Renaming and deleting a past conversation from the chat page (plain forms, no script needed). */
@Controller
class ConversationPages {

    private final PastConversations past;

    ConversationPages(PastConversations past) {
        this.past = past;
    }

    @PostMapping("/capsules/{id}/conversations/{conversationId}/rename")
    String rename(@PathVariable String id, @PathVariable String conversationId, @RequestParam(defaultValue = "") String title,
            CapsulesUser user) {
        Conversations.Summary renamed = past.rename(conversationId, title, user);
        return "redirect:/capsules/" + renamed.capsuleId() + "?conversation=" + renamed.id();
    }

    @PostMapping("/capsules/{id}/conversations/{conversationId}/delete")
    String delete(@PathVariable String id, @PathVariable String conversationId, CapsulesUser user) {
        return "redirect:/capsules/" + past.delete(conversationId, user) + "?deleted";
    }
}
