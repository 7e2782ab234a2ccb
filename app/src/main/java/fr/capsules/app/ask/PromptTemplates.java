package fr.capsules.app.ask;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/** The French prompt templates shipped under {@code src/main/resources/prompts/}. */
public final class PromptTemplates {

    private PromptTemplates() {}

    /** The template's text; a missing template is a packaging error, reported at start-up. */
    public static String load(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing prompt template " + path, e);
        }
    }
}
