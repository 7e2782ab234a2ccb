package fr.capsules.app.table;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.draft.DraftContent;
import fr.capsules.app.draft.TableDraftCancelledException;
import fr.capsules.app.draft.TableDrafter;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.app.llm.CapsuleModels;
import fr.capsules.app.llm.LanguageModel;
import fr.capsules.app.usage.RowOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Drafts a table capsule's table from findings: parses them, drafts the rows concurrently within a
 * bounded pool (as many model requests in flight as the model server can serve), reports each row
 * as it is ready, and returns the rows in the findings' order. A listener that throws {@link
 * TableDraftCancelledException} (the requester left) stops it: rows not started are skipped.
 */
@Component
class MeasureTableDrafter implements TableDrafter, DisposableBean {

    private final RowDrafter rows;
    private final FindingsParser parser;
    private final CapsuleModels models;
    private final LanguageModel model;
    private final ExecutorService pool;

    MeasureTableDrafter(RowDrafter rows, TableProperties properties, CapsuleModels models, LanguageModel model) {
        this.rows = rows;
        this.parser = new FindingsParser(properties.maxFindings());
        this.models = models;
        this.model = model;
        this.pool = Executors.newFixedThreadPool(Math.max(1, properties.concurrency()), runnable -> {
            Thread thread = new Thread(runnable, "capsules-table-row");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public TableDraft draft(Capsule capsule, CapsulesUser user, String findings) {
        return draft(capsule, user, findings, (index, row) -> {});
    }

    @Override
    public TableDraft draft(Capsule capsule, CapsulesUser user, String findings, RowListener listener) {
        FindingsParser.FindingsRead read = read(findings);
        return titled(draftRows(capsule, read.findings(), listener), read.context());
    }

    @Override
    public TableDraft draftFile(Capsule capsule, CapsulesUser user, String fileName, byte[] content, RowListener listener) {
        try {
            FindingsParser.FindingsRead read = parser.readFile(fileName, content);
            return titled(draftRows(capsule, read.findings(), listener), read.context());
        } catch (InvalidFindingsException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /** Drafts rows for findings already parsed. */
    TableDraft draftRows(Capsule capsule, List<Finding> findings, RowListener listener) {
        TableColumns columns = TableColumns.of(capsule.definition().table());
        String modelName = models.modelOf(capsule.definition());
        // Asked once for the whole table: rows of a model known to be down go by similarity at once.
        Optional<String> available = Optional.of(modelName).filter(m -> model.availability(m).isAvailable());
        // Set when the listener says the requester left: rows not started yet are skipped.
        AtomicBoolean cancelled = new AtomicBoolean();
        List<CompletableFuture<RowDrafter.Drafted>> futures = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            int index = i;
            Finding finding = findings.get(i);
            futures.add(CompletableFuture.supplyAsync(() -> cancelled.get() ? null : rows.draft(capsule, columns, finding, available), pool)
                    .thenApply(drafted -> {
                        if (drafted == null) {
                            throw new TableDraftCancelledException();
                        }
                        try {
                            listener.rowReady(index, drafted.row());
                        } catch (TableDraftCancelledException e) {
                            cancelled.set(true);
                            throw e;
                        }
                        return drafted;
                    }));
        }
        List<DraftContent.Row> drafted = new ArrayList<>();
        List<RowOutput> outputs = new ArrayList<>();
        long byModel = 0;
        for (CompletableFuture<RowDrafter.Drafted> future : futures) {
            RowDrafter.Drafted row;
            try {
                row = future.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof TableDraftCancelledException cancel) {
                    cancelled.set(true);
                    futures.forEach(f -> f.cancel(false));
                    throw cancel;
                }
                throw e;
            }
            drafted.add(row.row());
            outputs.add(new RowOutput(row.byModel(), row.usage()));
            byModel += row.byModel() ? 1 : 0;
        }
        List<DraftContent.Column> header = columns.all().stream()
                .map(c -> new DraftContent.Column(c.name(), c.title()))
                .toList();
        List<AnswerWarning> warnings = new ArrayList<>();
        warnings.add(AnswerWarning.of("findings-read", findings.size() + " constat(s) lu(s) : "
                + findings.stream().map(f -> f.label().isBlank() ? String.valueOf(f.number()) : f.label())
                        .collect(java.util.stream.Collectors.joining(", "))
                + ". Vérifiez qu'aucun n'a été perdu ni fusionné."));
        if (byModel < drafted.size()) {
            warnings.add(AnswerWarning.of("rows-by-similarity", (drafted.size() - byModel) + " ligne(s) sur " + drafted.size()
                    + " remplie(s) par similarité avec les tableaux historiques, sans modèle : à relire avec soin."));
        }
        return new TableDraft(DraftContent.table(header, drafted), byModel > 0 ? modelName : null, warnings, outputs);
    }

    /** The draft named after its context, the context lines shown with the count for confirmation. */
    private static TableDraft titled(TableDraft draft, FindingsContext context) {
        if (context.lines().isEmpty()) {
            return draft;
        }
        String lines = " Lu comme contexte, non repris comme constat : " + context.lines().stream()
                .map(l -> "« " + (l.length() > 120 ? l.substring(0, 120) + "…" : l) + " »")
                .collect(java.util.stream.Collectors.joining(", ")) + ".";
        List<AnswerWarning> warnings = draft.warnings().stream()
                .map(w -> w.kind().equals("findings-read") ? AnswerWarning.of(w.kind(), w.message() + lines) : w)
                .toList();
        return new TableDraft(draft.content(), draft.model(), warnings, draft.rowOutputs(), context.title().orElse(null));
    }

    FindingsParser.FindingsRead read(String findings) {
        try {
            return parser.readText(findings);
        } catch (InvalidFindingsException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
