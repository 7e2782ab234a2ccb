package fr.capsules.app.ask;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the conversations nobody has continued for longer than the retention
 * ({@code capsules.conversations.retention}, 90 days by default), as the agency's data rules
 * require; runs every night ({@code capsules.conversations.purge-cron}).
 */
@Component
class ConversationPurge {

    private static final Logger log = LoggerFactory.getLogger(ConversationPurge.class);

    private final Conversations conversations;
    private final ConversationProperties properties;
    private final Clock clock;

    @Autowired
    ConversationPurge(Conversations conversations, ConversationProperties properties) {
        this(conversations, properties, Clock.systemUTC());
    }

    ConversationPurge(Conversations conversations, ConversationProperties properties, Clock clock) {
        this.conversations = conversations;
        this.properties = properties;
        this.clock = clock;
    }

    /** Purges now; returns how many conversations were deleted. */
    @Scheduled(cron = "${capsules.conversations.purge-cron:" + ConversationProperties.NIGHTLY + "}")
    int purge() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int deleted = conversations.purgeIdleSince(cutoff);
        if (deleted > 0) {
            log.info("{} conversation(s) sans question depuis le {} supprimée(s) (conservation : {})", deleted, cutoff,
                    properties.retention());
        }
        return deleted;
    }
}
