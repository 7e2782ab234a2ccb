package fr.capsules.app.quota;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one person may ask of the model at a time ({@code capsules.fair-use.*}): questions (asks, through the API, the
 * pages or the OpenAI-compatible API) and drafts, each with a number in flight and a number per minute.
 */
@Validated
@ConfigurationProperties("capsules.fair-use")
public record FairUseProperties(
        @Valid @DefaultValue Limit questions,
        @Valid @DefaultValue Limit drafts) {

    /**
     * @param inFlight requests of this kind one person may have under way at once
     * @param perMinute requests of this kind one person may start per minute (refilled continuously)
     */
    public record Limit(@DefaultValue("2") @Min(1) int inFlight, @DefaultValue("12") @Min(1) int perMinute) {}
}
