package fr.capsules.app.usage;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.llm.ModelUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what each answer, table row and draft cost and became: one usage record each, with the
 * figures the model server reported and the energy and carbon estimate ({@link EcoLogitsMethod}),
 * added to the monthly sums the dashboard reads. A draft's record follows its review (validated,
 * rejected, edit share, time to validation). Thread-safe.
 */
@Component
public class Metering {

    private final UsageRecords records;
    private final EcoLogitsMethod method;

    Metering(UsageRecords records, UsageProperties properties) {
        this.records = records;
        this.method = new EcoLogitsMethod(properties);
    }

    /** The cost of one generation, without recording it. */
    public Consumption estimate(String model, ModelUsage usage) {
        return Consumption.of(model, usage, method.estimate(model, usage));
    }

    /**
     * Records one answer.
     *
     * @param mode {@code generative}, {@code extractive} or {@code abstained}
     * @param model null when no model wrote it
     * @return its cost, null when no model wrote it
     */
    @Transactional
    public Consumption answered(CapsuleDefinition capsule, CapsulesUser user, String mode, String model, ModelUsage usage,
            Instant at) {
        ModelUsage used = model == null ? ModelUsage.none() : usage;
        Footprint footprint = method.estimate(model, used);
        write(List.of(new UsageRecords.Entry(at, capsule.id(), Attribution.serviceOf(user, capsule), "answer", mode, null, model,
                used, footprint)));
        return model == null ? null : Consumption.of(model, used, footprint);
    }

    /**
     * Records a new draft and, for a table, each of its rows; joins the caller's transaction, so that
     * the draft and its records are written together.
     *
     * @param rows the table's rows in order; empty for a text draft (its answer is recorded already)
     */
    @Transactional
    public void draftCreated(CapsuleDefinition capsule, CapsulesUser user, String draftId, String model, List<RowOutput> rows,
            Instant at) {
        String service = Attribution.serviceOf(user, capsule);
        List<UsageRecords.Entry> entries = new java.util.ArrayList<>();
        entries.add(new UsageRecords.Entry(at, capsule.id(), service, "draft", rows.isEmpty() ? "text" : "table", draftId, model,
                ModelUsage.none(), Footprint.NONE));
        for (RowOutput row : rows) {
            // A row the model answered twice invalidly goes by similarity, but its calls were spent.
            boolean called = row.byModel() || !row.usage().equals(ModelUsage.none());
            entries.add(new UsageRecords.Entry(at, capsule.id(), service, "row", row.byModel() ? "generative" : "similarity",
                    draftId, called ? model : null, row.usage(), called ? method.estimate(model, row.usage()) : Footprint.NONE));
        }
        write(entries);
    }

    /**
     * Follows a draft's review; nothing for a draft created before usage was recorded.
     *
     * @param status {@code generated}, {@code edited}, {@code validated} or {@code rejected}
     * @param toValidation null unless validated
     */
    @Transactional
    public void draftReviewed(String draftId, String status, double editShare, Duration toValidation) {
        records.draft(draftId).ifPresent(current -> {
            Long seconds = toValidation == null ? null : toValidation.toSeconds();
            records.review(draftId, status, editShare, seconds);
            Map<UsageRecords.Key, UsageRecords.Delta> change = new HashMap<>();
            change.put(current.key(), UsageRecords.Delta.review(current.status(), current.editShare(), current.validationSeconds(), -1)
                    .plus(UsageRecords.Delta.review(status, editShare, seconds, 1)));
            records.add(change);
        });
    }

    private void write(List<UsageRecords.Entry> entries) {
        Map<UsageRecords.Key, UsageRecords.Delta> deltas = new HashMap<>();
        for (UsageRecords.Entry entry : entries) {
            records.insert(entry);
            deltas.merge(entry.key(), UsageRecords.Delta.of(entry), UsageRecords.Delta::plus);
        }
        records.add(deltas);
    }
}
