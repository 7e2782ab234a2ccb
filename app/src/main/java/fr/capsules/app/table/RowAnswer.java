package fr.capsules.app.table;

import fr.capsules.app.capsule.CapsuleDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model's JSON for one row, checked against the columns: every drafted column present as text,
 * values among the allowed ones (case and accents forgiven, then written as declared), sources
 * among the passage numbers. {@link #problems()} lists what is wrong, in French, for a retry.
 */
record RowAnswer(Map<String, String> cells, List<Integer> sources, List<String> problems) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static RowAnswer parse(String text, List<CapsuleDefinition.Column> drafted, int passages) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(text == null ? "" : text.strip());
        } catch (JacksonException e) {
            return new RowAnswer(Map.of(), List.of(), List.of("la réponse n'est pas un objet JSON valide"));
        }
        if (root == null || !root.isObject()) {
            return new RowAnswer(Map.of(), List.of(), List.of("la réponse n'est pas un objet JSON"));
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (CapsuleDefinition.Column column : drafted) {
            JsonNode value = root.get(column.name());
            if (value == null || !value.isString()) {
                problems.add("le champ « " + column.name() + " » manque ou n'est pas un texte");
                continue;
            }
            String text2 = value.asString().strip();
            if (!column.values().isEmpty() && !text2.isEmpty()) {
                var allowed = TableColumns.allowed(column, text2);
                if (allowed.isEmpty()) {
                    problems.add("« " + text2 + " » n'est pas une valeur permise pour « " + column.name() + " » ("
                            + String.join(", ", column.values()) + ")");
                    continue;
                }
                text2 = allowed.get();
            }
            cells.put(column.name(), text2);
        }
        List<Integer> sources = new ArrayList<>();
        JsonNode list = root.get("sources");
        if (list != null && list.isArray()) {
            for (JsonNode n : list) {
                if (n.isIntegralNumber() && n.asInt() >= 1 && n.asInt() <= passages) {
                    sources.add(n.asInt());
                } else {
                    problems.add("la source « " + n + " » ne désigne aucun passage (1 à " + passages + ")");
                }
            }
        }
        return new RowAnswer(cells, sources.stream().distinct().toList(), problems);
    }

    boolean isValid() {
        return problems.isEmpty();
    }
}
