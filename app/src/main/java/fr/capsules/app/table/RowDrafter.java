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
import fr.capsules.ingest.index.SearchResult;
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
 * capsule's columns, allowed values as enums); the answer is checked (format, then each cell against
 * its column's declared checks, {@link ColumnRules}) and sent back once with the problems named; a
 * malformed second answer makes the row go by similarity ({@link SimilarityFallback}), a well-formed
 * one keeps its good cells while each failing cell falls back on its own with a warning on that cell.
 * Default deadlines by nature are applied to blank deadlines. Thread-safe.
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
        List<String> warnings = new ArrayList<>();
        List<PassageHit> retrieved = retrieved(capsule, finding, warnings);
        List<PassageHit> passages = retrieved.subList(0, Math.min(properties.passagesPerRow(), retrieved.size()));
        ColumnRules rules = ColumnRules.of(columns.all());
        Map<String, String> cells = new LinkedHashMap<>();
        columns.all().forEach(c -> cells.put(c.name(), ""));
        cells.put(columns.number().name(), finding.label().isBlank() ? String.valueOf(finding.number()) : finding.label());
        cells.put(columns.finding().name(), finding.text());
        Map<String, List<String>> cellWarnings = new LinkedHashMap<>();
        List<PassageHit> cited = new ArrayList<>();
        SimilarityFallback.Proposal proposal = SimilarityFallback.propose(finding, columns, rules, retrieved);
        Attempt attempt = modelAvailable && !passages.isEmpty()
                ? ask(model.get(), capsule, columns, rules, finding, passages, warnings)
                : Attempt.NONE;
        Optional<RowAnswer> answer = attempt.answer();
        if (answer.isPresent()) {
            cells.putAll(answer.get().cells());
            answer.get().sources().forEach(n -> cited.add(passages.get(n - 1)));
            Optional<String> defaulted = columns.deadline().map(CapsuleDefinition.Column::name)
                    .filter(deadline -> cells.getOrDefault(deadline, "").isBlank());
            settle(finding, columns, cells);
            Map<String, List<String>> failing = rules.failures(columns.drafted(), evidence(cells, cited, columns));
            // Each cell that failed its checks twice falls back on its own, and says so where it is.
            failing.forEach((column, reasons) -> replace(column, reasons, cells, cited, cellWarnings, proposal, rules, columns));
            // A deadline left to the default follows the nature as it is now.
            defaulted.filter(deadline -> !failing.isEmpty()).ifPresent(deadline -> cells.put(deadline, ""));
            settle(finding, columns, cells);
        } else {
            cells.putAll(proposal.cells());
            cited.addAll(proposal.sources());
            settle(finding, columns, cells);
            if (proposal.source().isPresent()) {
                warnings.add((modelAvailable ? "" : "sans modèle : ") + "proposition par similarité, reprise du "
                        + proposal.origin());
            }
        }
        // Whatever filled the row, a cell that still fails its checks is flagged where it is, never kept silently.
        rules.failures(columns.drafted(), evidence(cells, cited, columns)).forEach((column, reasons) ->
                cellWarnings.computeIfAbsent(column, k -> new ArrayList<>()).add(String.join(" ; ", reasons) + " — à vérifier avant validation"));
        columns.reference().ifPresent(reference -> {
            boolean declared = rules.requiresCitedPassage(reference.name());
            List<String> missing = ReferenceCheck.unsupported(cells.get(reference.name()), cited.stream().map(PassageHit::text).toList());
            // Capsules that declare no cited-passage check still get the article check of old, as a row warning.
            if (!declared && !missing.isEmpty()) {
                warnings.add("référence non trouvée dans les sources citées : " + String.join(", ", missing)
                        + " — à vérifier avant validation");
            }
        });
        if (cited.isEmpty()) {
            warnings.add("aucune source : ligne à compléter par l'inspecteur");
        }
        List<Citation> citations = new ArrayList<>();
        for (PassageHit hit : cited) {
            citations.add(Citation.of(citations.size() + 1, hit));
        }
        return new Drafted(new DraftContent.Row(cells, citations, warnings, cellWarnings), answer.isPresent(), attempt.usage());
    }

    /** The inspector's type of the finding wins over any proposal; a blank deadline takes its nature's default. */
    private static void settle(Finding finding, TableColumns columns, Map<String, String> cells) {
        if (finding.type() != null && columns.type().isPresent()) {
            TableColumns.allowed(columns.type().get(), finding.type().json())
                    .ifPresent(type -> cells.put(columns.type().get().name(), type));
        }
        applyDeadline(columns, cells);
    }

    /**
     * Puts the fallback's value in place of a failing cell when it passes the checks, else the column's
     * placeholder (or nothing), with a warning on that cell naming what was refused and why.
     */
    private static void replace(String column, List<String> reasons, Map<String, String> cells, List<PassageHit> cited,
            Map<String, List<String>> cellWarnings, SimilarityFallback.Proposal proposal, ColumnRules rules,
            TableColumns columns) {
        String refused = cells.get(column);
        // The fallback's "à compléter" is no proposal: the cell then takes the placeholder as such.
        String fallback = proposal.cells().getOrDefault(column, "");
        String proposed = rules.isPlaceholder(column, fallback) ? "" : fallback;
        List<String> derived = rules.derivedValues(column, cells);
        String candidate = !derived.isEmpty()
                && derived.stream().noneMatch(v -> AccentFolding.fold(v).equals(AccentFolding.fold(proposed)))
                ? derived.getFirst() : proposed;
        List<PassageHit> withSource = new ArrayList<>(cited);
        proposal.sources().stream().filter(s -> !withSource.contains(s)).forEach(withSource::add);
        String replacement;
        String how;
        if (!candidate.isBlank() && rules.failures(column, candidate, evidence(cells, withSource, columns)).isEmpty()) {
            replacement = candidate;
            how = "remplacée par « " + candidate + " » (" + (derived.isEmpty() ? "similarité : " + proposal.origin()
                    : "règle de la capsule") + ")";
            if (derived.isEmpty()) {
                proposal.sources().stream().filter(s -> !cited.contains(s)).forEach(cited::add);
            }
        } else {
            replacement = rules.placeholder(column).orElse("");
            how = replacement.isEmpty() ? "cellule laissée vide" : "remplacée par « " + replacement + " »";
        }
        cells.put(column, replacement);
        cellWarnings.computeIfAbsent(column, k -> new ArrayList<>()).add("proposition du modèle écartée (« "
                + clip(refused) + " » : " + String.join(" ; ", reasons) + ") ; " + how + " — à vérifier avant validation");
    }

    private static CellCheck.Row evidence(Map<String, String> cells, List<PassageHit> cited, TableColumns columns) {
        List<CellCheck.CitedText> texts = cited.stream()
                .map(hit -> new CellCheck.CitedText(hit.text(),
                        hit.kind() == Passage.Kind.TABLE_ROW ? SimilarRow.cells(hit, columns.all()) : Map.of()))
                .toList();
        return new CellCheck.Row(cells, texts);
    }

    private static String clip(String value) {
        String one = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }

    /**
     * Every passage retrieved for the finding, past table rows first; the model sees the first few. A search that a
     * part of a distributed index did not answer is said in the row's warnings.
     */
    private List<PassageHit> retrieved(Capsule capsule, Finding finding, List<String> warnings) {
        Retrieval.Retrieved retrieved = retrieval.retrieve(capsule, finding.text());
        List<PassageHit> hits = retrieved.all();
        // Past "finding → measure" rows are the best guide to the house style, and a report's text may outrank
        // them all: a deeper search brings the closest of them in, before the report text.
        Map<String, PassageHit> merged = new LinkedHashMap<>();
        SearchResult pastRows = retrieval.found(capsule, finding.text(), PAST_ROWS_SEARCHED);
        if (retrieved.partial() || !pastRows.complete()) {
            warnings.add(Retrieval.indexPartial("ligne rédigée à partir d'une partie seulement des documents de la capsule"
                    + " — à vérifier avant validation").message());
        }
        pastRows.hits().stream()
                .filter(h -> h.kind() == Passage.Kind.TABLE_ROW)
                .limit(PAST_ROWS_KEPT)
                .forEach(h -> merged.putIfAbsent(h.passageId(), h));
        hits.forEach(h -> merged.putIfAbsent(h.passageId(), h));
        return merged.values().stream()
                .sorted(Comparator.comparing((PassageHit h) -> h.kind() == Passage.Kind.TABLE_ROW ? 0 : 1))
                .toList();
    }

    /** How deep the search for past table rows goes, and how many of them a row is drafted from at most. */
    private static final int PAST_ROWS_SEARCHED = 50;
    private static final int PAST_ROWS_KEPT = 5;

    /** What asking the model gave: a valid answer or none, and what the calls cost either way. */
    private record Attempt(Optional<RowAnswer> answer, ModelUsage usage) {
        static final Attempt NONE = new Attempt(Optional.empty(), ModelUsage.none());
    }

    /**
     * Asks the model for the row; an answer that is not valid JSON for the columns, or whose cells fail their
     * declared checks, is sent back once with the problems named. The second answer is kept if its format is
     * valid (its failing cells then fall back one by one), else the row goes by similarity.
     */
    private Attempt ask(String modelName, Capsule capsule, TableColumns columns, ColumnRules rules, Finding finding,
            List<PassageHit> passages, List<String> warnings) {
        ModelUsage spent = ModelUsage.none();
        List<CapsuleDefinition.Column> drafted = columns.drafted();
        ModelPrompt prompt = prompt(modelName, capsule, columns, finding, passages, List.of());
        try {
            ModelReply reply = model.generate(prompt);
            spent = reply.usage();
            RowAnswer answer = RowAnswer.parse(reply.text(), drafted, passages.size());
            Map<String, List<String>> failing = answer.isValid() ? failures(answer, finding, columns, rules, passages) : Map.of();
            if (answer.isValid() && failing.isEmpty()) {
                markIncomplete(reply.defect(), "ligne à vérifier avant validation", warnings);
                return new Attempt(Optional.of(answer), spent);
            }
            String problems = answer.isValid() ? ColumnRules.retryRequest(failing)
                    : "Ta réponse ne respecte pas le format : " + String.join(" ; ", answer.problems())
                            + ". Corrige-la et renvoie l'objet JSON complet.";
            List<ModelPrompt.Message> retry = List.of(
                    new ModelPrompt.Message(ModelPrompt.Role.ASSISTANT, reply.text()),
                    new ModelPrompt.Message(ModelPrompt.Role.USER, problems));
            ModelReply second = model.generate(prompt(modelName, capsule, columns, finding, passages, retry));
            spent = spent.plus(second.usage());
            RowAnswer corrected = RowAnswer.parse(second.text(), drafted, passages.size());
            if (corrected.isValid()) {
                // A whole second answer supersedes an incomplete first one.
                markIncomplete(second.defect(), "ligne à vérifier avant validation", warnings);
                warnings.add("réponse du modèle corrigée après un premier essai "
                        + (answer.isValid() ? "dont des cellules ne respectaient pas les règles du tableau" : "invalide"));
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

    /** The cells of a well-formed answer that fail their checks, once the finding's type and default deadline are in. */
    private static Map<String, List<String>> failures(RowAnswer answer, Finding finding, TableColumns columns, ColumnRules rules,
            List<PassageHit> passages) {
        Map<String, String> cells = new LinkedHashMap<>(answer.cells());
        settle(finding, columns, cells);
        List<PassageHit> cited = answer.sources().stream().map(n -> passages.get(n - 1)).toList();
        return rules.failures(columns.drafted(), evidence(cells, cited, columns));
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
                        + (c.values().isEmpty() ? "" : " Valeurs permises : " + String.join(", ", c.values()) + ".")
                        + CheckHints.of(c))
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
}
