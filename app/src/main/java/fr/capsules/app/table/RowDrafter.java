package fr.capsules.app.table;

import fr.capsules.app.ask.Citation;
import fr.capsules.app.ask.PromptTemplates;
import fr.capsules.app.ask.Retrieval;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.draft.DraftContent;
import fr.capsules.app.llm.JsonShape;
import fr.capsules.app.llm.LanguageModel;
import fr.capsules.app.llm.ModelPrompt;
import fr.capsules.app.llm.PassageFence;
import fr.capsules.app.llm.ModelReply;
import fr.capsules.app.llm.ModelUnavailableException;
import fr.capsules.app.llm.ModelUsage;
import fr.capsules.app.llm.OutputDefect;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.PassageHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drafts one row: retrieval with the finding as query (past table rows first, then the report
 * passages around them), the model fills the row through structured output (a JSON schema from the
 * capsule's columns, allowed values as enums), the answer is validated and retried once, then the
 * similarity fallback takes over; references are checked against the cited passages and default
 * deadlines applied. Thread-safe.
 */
@Component
class RowDrafter {

    private static final Logger log = LoggerFactory.getLogger(RowDrafter.class);

    private final Retrieval retrieval;
    private final LanguageModel model;
    private final TableProperties properties;
    private final String system = PromptTemplates.load("prompts/table-row-system.txt");
    private final String user = PromptTemplates.load("prompts/table-row-user.txt");

    RowDrafter(Retrieval retrieval, LanguageModel model, TableProperties properties) {
        this.retrieval = retrieval;
        this.model = model;
        this.properties = properties;
    }

    /** The outcome for one row: the row, whether the model wrote it and what its calls cost. */
    record Drafted(DraftContent.Row row, boolean byModel, ModelUsage usage) {}

    /**
     * Drafts the row of one finding.
     *
     * @param model the model that serves the capsule, empty when it cannot answer now (the row is
     *     then drafted by similarity at once)
     */
    Drafted draft(Capsule capsule, TableColumns columns, Finding finding, Optional<String> model) {
        boolean modelAvailable = model.isPresent();
        List<PassageHit> passages = passages(capsule, finding);
        Map<String, String> cells = new LinkedHashMap<>();
        columns.all().forEach(c -> cells.put(c.name(), ""));
        cells.put(columns.number().name(), finding.label().isBlank() ? String.valueOf(finding.number()) : finding.label());
        cells.put(columns.finding().name(), finding.text());
        List<String> warnings = new ArrayList<>();
        List<Citation> citations = new ArrayList<>();
        boolean byModel = false;
        Attempt attempt = modelAvailable && !passages.isEmpty()
                ? ask(model.get(), capsule, columns, finding, passages, warnings)
                : Attempt.NONE;
        Optional<RowAnswer> answer = attempt.answer();
        if (answer.isPresent()) {
            byModel = true;
            cells.putAll(answer.get().cells());
            answer.get().sources().forEach(n -> citations.add(Citation.of(n, passages.get(n - 1))));
        } else {
            fallback(columns, passages, cells, citations, warnings, modelAvailable);
        }
        // The inspector's own classification of the finding wins over the model's.
        if (finding.type() != null && columns.type().isPresent()) {
            TableColumns.allowed(columns.type().get(), finding.type().json())
                    .ifPresent(type -> cells.put(columns.type().get().name(), type));
        }
        applyDeadline(columns, cells);
        columns.reference().ifPresent(reference -> {
            List<String> missing = ReferenceCheck.unsupported(cells.get(reference.name()),
                    citations.stream().map(Citation::text).toList());
            if (!missing.isEmpty()) {
                warnings.add("référence non trouvée dans les sources citées : " + String.join(", ", missing)
                        + " — à vérifier avant validation");
            }
        });
        if (citations.isEmpty()) {
            warnings.add("aucune source : ligne à compléter par l'inspecteur");
        }
        return new Drafted(new DraftContent.Row(cells, citations, warnings), byModel, attempt.usage());
    }

    private List<PassageHit> passages(Capsule capsule, Finding finding) {
        List<PassageHit> hits = retrieval.retrieve(capsule, finding.text()).all();
        // Past "finding → measure" rows are the best guide to the house style; report text next.
        return hits.stream()
                .sorted(Comparator.comparing((PassageHit h) -> h.kind() == Passage.Kind.TABLE_ROW ? 0 : 1))
                .limit(properties.passagesPerRow())
                .toList();
    }

    /** What asking the model gave: a valid answer or none, and what the calls cost either way. */
    private record Attempt(Optional<RowAnswer> answer, ModelUsage usage) {
        static final Attempt NONE = new Attempt(Optional.empty(), ModelUsage.none());
    }

    private Attempt ask(String modelName, Capsule capsule, TableColumns columns, Finding finding,
            List<PassageHit> passages, List<String> warnings) {
        ModelUsage spent = ModelUsage.none();
        List<CapsuleDefinition.Column> drafted = columns.drafted();
        ModelPrompt prompt = prompt(modelName, capsule, columns, finding, passages, List.of());
        try {
            ModelReply reply = model.generate(prompt);
            spent = reply.usage();
            RowAnswer answer = RowAnswer.parse(reply.text(), drafted, passages.size());
            if (answer.isValid()) {
                markIncomplete(reply.defect(), "ligne à vérifier avant validation", warnings);
                return new Attempt(Optional.of(answer), spent);
            }
            List<ModelPrompt.Message> retry = List.of(
                    new ModelPrompt.Message(ModelPrompt.Role.ASSISTANT, reply.text()),
                    new ModelPrompt.Message(ModelPrompt.Role.USER, "Ta réponse ne respecte pas le format : "
                            + String.join(" ; ", answer.problems()) + ". Corrige-la et renvoie l'objet JSON complet."));
            ModelReply second = model.generate(prompt(modelName, capsule, columns, finding, passages, retry));
            spent = spent.plus(second.usage());
            RowAnswer corrected = RowAnswer.parse(second.text(), drafted, passages.size());
            if (corrected.isValid()) {
                // A whole second answer supersedes an incomplete first one.
                markIncomplete(second.defect(), "ligne à vérifier avant validation", warnings);
                warnings.add("réponse du modèle corrigée après un premier essai invalide");
                return new Attempt(Optional.of(corrected), spent);
            }
            warnings.add("réponse du modèle invalide deux fois (" + String.join(" ; ", corrected.problems())
                    + ") : ligne remplie par similarité");
            markIncomplete(second.whole() ? reply.defect() : second.defect(), "ligne remplie par similarité, à vérifier"
                    + " avant validation", warnings);
        } catch (ModelUnavailableException e) {
            log.info("Row {} drafted by similarity: {}", finding.number(), e.getMessage());
            warnings.add("modèle indisponible (" + e.getMessage() + ") : ligne remplie par similarité");
        }
        return new Attempt(Optional.empty(), spent);
    }

    /**
     * A row whose model output did not arrive whole says so ({@link DraftContent.Row#incomplete()}); like every row
     * warning, it must be acknowledged before the draft is validated.
     */
    private static void markIncomplete(OutputDefect defect, String consequence, List<String> warnings) {
        if (defect != null) {
            warnings.add(DraftContent.Row.INCOMPLETE + defect.sentence() + " ; " + consequence);
        }
    }

    private void fallback(TableColumns columns, List<PassageHit> passages, Map<String, String> cells, List<Citation> citations,
            List<String> warnings, boolean modelAvailable) {
        Optional<PassageHit> similar = SimilarRow.best(passages);
        if (similar.isEmpty()) {
            return;
        }
        PassageHit row = similar.get();
        Map<String, String> found = SimilarRow.cells(row, columns.all());
        for (CapsuleDefinition.Column column : columns.drafted()) {
            String value = found.get(column.name());
            if (value != null && !value.isBlank()) {
                cells.put(column.name(), column.values().isEmpty() ? value : TableColumns.allowed(column, value).orElse(""));
            }
        }
        citations.add(Citation.of(1, row));
        String source = found.getOrDefault(columns.finding().name(), "");
        warnings.add((modelAvailable ? "" : "sans modèle : ") + "proposition par similarité, reprise du constat historique le"
                + " plus proche « " + abbreviate(source) + " » (" + row.title() + (row.page() > 0 ? ", p. " + row.page() : "") + ")");
    }

    private static void applyDeadline(TableColumns columns, Map<String, String> cells) {
        if (columns.nature().isEmpty() || columns.deadline().isEmpty()) {
            return;
        }
        String deadline = columns.deadline().get().name();
        if (!cells.getOrDefault(deadline, "").isBlank()) {
            return;
        }
        String nature = TableColumns.fold(cells.getOrDefault(columns.nature().get().name(), ""));
        columns.deadlineByNature().entrySet().stream()
                .filter(e -> TableColumns.fold(e.getKey()).equals(nature))
                .findFirst()
                .ifPresent(e -> cells.put(deadline, e.getValue()));
    }

    private ModelPrompt prompt(String modelName, Capsule capsule, TableColumns columns, Finding finding,
            List<PassageHit> passages, List<ModelPrompt.Message> retry) {
        CapsuleDefinition d = capsule.definition();
        String columnText = columns.drafted().stream()
                .map(c -> "- " + c.name() + " (« " + c.title() + " ») : " + c.description()
                        + (c.values().isEmpty() ? "" : " Valeurs permises : " + String.join(", ", c.values()) + "."))
                .collect(Collectors.joining("\n"));
        String deadlines = columns.deadlineByNature().isEmpty() ? "(aucun)" : columns.deadlineByNature().entrySet().stream()
                .map(e -> e.getKey() + " → " + e.getValue()).collect(Collectors.joining(", "));
        String systemText = system.replace("{{capsuleName}}", d.name()).replace("{{columns}}", columnText)
                .replace("{{deadlines}}", deadlines)
                .replace("{{instructions}}", d.instructions().isBlank() ? "(aucune)" : d.instructions().strip());
        PassageFence fence = PassageFence.random();
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            PassageHit hit = passages.get(i);
            String passage = "[" + (i + 1) + "] « " + hit.title() + " »"
                    + (hit.page() > 0 ? ", page " + hit.page() : "")
                    + (hit.kind() == Passage.Kind.TABLE_ROW ? " (ligne de tableau historique)" : "")
                    + "\n" + hit.text().strip();
            numbered.append(fence.wrap(i + 1, passage)).append("\n\n");
        }
        String type = finding.type() == null ? "" : " (" + finding.type().json() + ")";
        String userText = user.replace("{{fence}}", fence.code()).replace("{{passages}}", numbered.toString().strip())
                .replace("{{type}}", type).replace("{{finding}}", PassageFence.neutralise(finding.text()));
        List<ModelPrompt.Message> messages = new ArrayList<>();
        messages.add(new ModelPrompt.Message(ModelPrompt.Role.USER, userText));
        messages.addAll(retry);
        List<JsonShape.Property> shape = new ArrayList<>();
        for (CapsuleDefinition.Column column : columns.drafted()) {
            shape.add(JsonShape.Property.text(column.name(), column.description(), column.values()));
        }
        shape.add(JsonShape.Property.integers("sources", "numéros des passages utilisés"));
        return new ModelPrompt(modelName, systemText, messages, new JsonShape("ligne", shape));
    }

    private static String abbreviate(String text) {
        return text.length() > 90 ? text.substring(0, 90) + "…" : text;
    }
}
