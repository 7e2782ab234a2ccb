package fr.capsules.app.llm;

import java.util.List;

/**
 * The JSON object a structured answer must be: its properties, each a string (optionally one of
 * allowed values) or a list of integers. Sent to the model server as a JSON schema, so the
 * model can only produce that shape; the caller still validates what comes back.
 */
public record JsonShape(String name, List<Property> properties) {

    public JsonShape {
        properties = List.copyOf(properties);
    }

    /**
     * One property, always required.
     *
     * @param allowedValues empty = free text
     * @param integerList a list of integers (e.g. the passage numbers used) rather than a string
     */
    public record Property(String name, String description, List<String> allowedValues, boolean integerList) {

        public Property {
            allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        }

        public static Property text(String name, String description, List<String> allowedValues) {
            return new Property(name, description, allowedValues, false);
        }

        public static Property integers(String name, String description) {
            return new Property(name, description, List.of(), true);
        }
    }
}
