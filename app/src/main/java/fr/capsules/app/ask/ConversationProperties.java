package fr.capsules.app.ask;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of conversations ({@code capsules.conversations.*}).
 *
 * @param maxTurnsKept turns kept per conversation; older ones are dropped
 * @param turnsInPrompt earlier turns sent to the model with a follow-up question
 * @param retention how long a conversation is kept after its last question (the agency's data
 *     rules: 90 days); then {@link ConversationPurge} deletes it with its turns
 * @param purgeCron when the purge runs (Spring cron, server time zone); every night by default
 */
@ConfigurationProperties("capsules.conversations")
public record ConversationProperties(
        @DefaultValue("20") int maxTurnsKept,
        @DefaultValue("4") int turnsInPrompt,
        @DefaultValue("90d") Duration retention,
        @DefaultValue(ConversationProperties.NIGHTLY) String purgeCron) {

    static final String NIGHTLY = "0 30 3 * * *";

    public ConversationProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("capsules.conversations.retention doit être une durée positive, par exemple 90d");
        }
    }
}
