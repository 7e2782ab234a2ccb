package fr.capsules.app.web.openai;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The OpenAI-compatible API ({@code capsules.openai.*}).
 *
 * @param maxRequestSize a chat completion request larger than this is refused (413) before it is
 *     read whole: clients resend the whole conversation each time, and only its last turns are used
 * @param maxMessages more messages than this in one request are refused (400)
 */
@ConfigurationProperties("capsules.openai")
public record OpenAiProperties(@DefaultValue("256KB") DataSize maxRequestSize, @DefaultValue("200") int maxMessages) {}
