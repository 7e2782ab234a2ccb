package fr.capsules.app.ask;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.provenance.Provenance;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's past conversations over HTTP: listed per capsule, reopened, renamed, deleted. Only
 * their owner reaches them; anyone else gets 404, as for a conversation that does not exist.
 */
@RestController
class ConversationController {

    private final PastConversations conversations;

    ConversationController(PastConversations conversations) {
        this.conversations = conversations;
    }

    record SummaryView(String id, String capsuleId, String title, Instant createdAt, Instant updatedAt, int turns) {
        static SummaryView of(Conversations.Summary s) {
            return new SummaryView(s.id(), s.capsuleId(), s.title(), s.createdAt(), s.updatedAt(), s.turns());
        }
    }

    record TurnView(String question, String answer, AnswerMode mode, boolean aiGenerated, String label, String model,
            int capsuleVersion, Instant askedAt, List<Citation> citations, Provenance provenance) {
        static TurnView of(Turn t) {
            return new TurnView(t.question(), t.answer(), t.mode(), true, Answer.LABEL, t.model(), t.capsuleVersion(), t.at(),
                    t.citations(), t.provenance());
        }
    }

    record ConversationView(String id, String capsuleId, String title, Instant createdAt, Instant updatedAt,
            List<TurnView> turns) {}

    record Rename(String title) {}

    @GetMapping("/api/capsules/{id}/conversations")
    List<SummaryView> list(@PathVariable String id, CapsulesUser user) {
        return conversations.list(id, user).stream().map(SummaryView::of).toList();
    }

    @GetMapping("/api/conversations/{conversationId}")
    ConversationView get(@PathVariable String conversationId, CapsulesUser user) {
        PastConversations.Opened opened = conversations.open(conversationId, user);
        Conversations.Summary s = opened.summary();
        return new ConversationView(s.id(), s.capsuleId(), s.title(), s.createdAt(), s.updatedAt(),
                opened.turns().stream().map(TurnView::of).toList());
    }

    @PatchMapping("/api/conversations/{conversationId}")
    SummaryView rename(@PathVariable String conversationId, @RequestBody(required = false) Rename body, CapsulesUser user) {
        return SummaryView.of(conversations.rename(conversationId, body == null ? null : body.title(), user));
    }

    @DeleteMapping("/api/conversations/{conversationId}")
    ResponseEntity<Void> delete(@PathVariable String conversationId, CapsulesUser user) {
        conversations.delete(conversationId, user);
        return ResponseEntity.noContent().build();
    }
}
