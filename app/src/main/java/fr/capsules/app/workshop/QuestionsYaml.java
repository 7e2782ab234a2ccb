package fr.capsules.app.workshop;

import fr.capsules.app.kernel.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The catalogue's {@code capsules/<id>/questions.yaml}, read and written: a list of
 * {@code {question, expectedDocuments, expectedFacts, expectedAnswer}}. A question the documents must not
 * answer is written {@code answerable: false}; {@code expected: none} is read as the same (both spellings
 * are in use). {@code expectedAnswer} (read by the command-line benchmark) is not kept by the service.
 */
final class QuestionsYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {};
    static final int MAX_CHARS = 1_000_000;

    private QuestionsYaml() {}

    /** One entry of the file. */
    record Entry(String id, String question, List<String> expectedDocuments, List<String> expectedFacts,
            String expectedAnswer, Boolean answerable, String expected) {}

    /**
     * The questions of a file's text.
     *
     * @throws InvalidRequestException when the text is not such a list
     */
    static List<ReferenceQuestion.Submitted> read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("le fichier questions.yaml est vide");
        }
        if (text.length() > MAX_CHARS) {
            throw new InvalidRequestException("le fichier questions.yaml dépasse " + MAX_CHARS + " caractères");
        }
        List<Entry> entries;
        try {
            entries = YAML.readValue(text, ENTRIES);
        } catch (JacksonException e) {
            throw new InvalidRequestException("questions.yaml illisible : une liste d'éléments {question, expectedDocuments,"
                    + " expectedFacts, answerable} est attendue (" + firstLine(e.getOriginalMessage()) + ")");
        }
        List<ReferenceQuestion.Submitted> submitted = new ArrayList<>();
        for (Entry e : entries == null ? List.<Entry>of() : entries) {
            if (e == null) {
                continue;
            }
            submitted.add(new ReferenceQuestion.Submitted(e.id(), e.question(), e.expectedDocuments(), e.expectedFacts(),
                    e.answerable(), e.expected()));
        }
        return submitted;
    }

    /** The file's text for these questions. */
    static String write(List<ReferenceQuestion> questions) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ReferenceQuestion q : questions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", q.id());
            entry.put("question", q.question());
            if (q.answerable()) {
                entry.put("expectedDocuments", q.expectedDocuments());
            } else {
                entry.put("answerable", false);
            }
            if (!q.expectedFacts().isEmpty()) {
                entry.put("expectedFacts", q.expectedFacts());
            }
            entries.add(entry);
        }
        return "# Reference questions: each must be answerable from the listed document(s), paths relative to documents/;\n"
                + "# answerable: false marks a question the documents do not answer (the capsule must decline it).\n"
                + YAML.writeValueAsString(entries);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "format inattendu";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
