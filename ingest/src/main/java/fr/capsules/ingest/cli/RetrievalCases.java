package fr.capsules.ingest.cli;

import fr.capsules.ingest.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a retrieval benchmark ranks: the documents, and the questions with the files that answer them. Read from a
 * SQuAD-format file (each paragraph one document, {@code article-0000.txt} on) or from a catalogue capsule's folder
 * ({@code documents/} and {@code questions.yaml}, its answerable questions only). One reader for {@code bench-retrieval}
 * and the experiments that must reproduce its figures.
 */
public record RetrievalCases(List<SourceFile> sources, List<Case> cases) {

    /** A question and the files that answer it; finding any one of them counts. */
    public record Case(String question, List<String> expectedFiles) {}

    public static RetrievalCases squad(Path file) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
        List<SourceFile> sources = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        int article = 0;
        for (JsonNode entry : root.get("data")) {
            for (JsonNode paragraph : entry.get("paragraphs")) {
                String name = String.format("article-%04d.txt", article++);
                sources.add(SourceFile.of(name, paragraph.get("context").asString().getBytes(StandardCharsets.UTF_8)));
                for (JsonNode qa : paragraph.get("qas")) {
                    cases.add(new Case(qa.get("question").asString(), List.of(name)));
                }
            }
        }
        return new RetrievalCases(List.copyOf(sources), List.copyOf(cases));
    }

    public static RetrievalCases capsule(Path folder) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (JsonNode q : YAMLMapper.builder().build().readTree(folder.resolve("questions.yaml").toFile())) {
            if (q.has("answerable") && !q.get("answerable").asBoolean()) {
                continue; // a question the documents must not answer has no document to find
            }
            List<String> expected = new ArrayList<>();
            q.get("expectedDocuments").forEach(d -> expected.add(d.asString()));
            cases.add(new Case(q.get("question").asString(), List.copyOf(expected)));
        }
        return new RetrievalCases(Folders.sources(folder.resolve("documents")), List.copyOf(cases));
    }
}
