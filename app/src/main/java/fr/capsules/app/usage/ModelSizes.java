package fr.capsules.app.usage;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Billions of parameters of a model: configured, else read from its name's size tag, else the default. */
final class ModelSizes {

    // "qwen2.5:7b", "llama3.1:8b-instruct-q4_K_M", "gemma3:270m": the tag after the colon.
    private static final Pattern SIZE_TAG = Pattern.compile(":(?:.*?[-_])?(\\d+(?:\\.\\d+)?)([bm])(?![a-z0-9])");

    private final UsageProperties properties;

    ModelSizes(UsageProperties properties) {
        this.properties = properties;
    }

    double billionsOf(String model) {
        if (model == null || model.isBlank()) {
            return properties.defaultParameters();
        }
        String name = model.strip().toLowerCase(Locale.ROOT);
        String bare = name.endsWith(":latest") ? name.substring(0, name.length() - ":latest".length()) : name;
        for (String key : new String[] {name, bare}) {
            Double configured = properties.modelParameters().get(key);
            if (configured != null) {
                return configured;
            }
        }
        Matcher tag = SIZE_TAG.matcher(name);
        if (tag.find()) {
            double value = Double.parseDouble(tag.group(1));
            return tag.group(2).equals("m") ? value / 1000 : value;
        }
        return properties.defaultParameters();
    }
}
