package fr.capsules.app.ask;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of conversations ({@code capsules.conversations.*}).
 *
 * @param maxTurnsKept turns kept per conversation; older ones are dropped
 * @param turnsInPrompt earlier turns sent to the model with a follow-up question
 */
@ConfigurationProperties("capsules.conversations")
public record ConversationProperties(
        @DefaultValue("20") int maxTurnsKept, @DefaultValue("4") int turnsInPrompt) {}
