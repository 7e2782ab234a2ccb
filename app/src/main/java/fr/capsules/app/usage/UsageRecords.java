package fr.capsules.app.usage;

import fr.capsules.app.llm.ModelUsage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The usage records and their monthly sums (tables {@code usage_records}, {@code usage_monthly}).
 * Callers hold the transaction: a record and its share of the monthly sums are written together.
 * The sums are changed by relative updates ({@code outputs = outputs + ?}), which the database
 * serialises per row, after the row was made to exist in a transaction of its own (so that two
 * first uses of a month do not collide, on H2 as on PostgreSQL).
 */
@Component
class UsageRecords {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    UsageRecords(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One record about to be written. */
    record Entry(Instant at, String capsuleId, String service, String kind, String mode, String draftId, String model,
            ModelUsage usage, Footprint footprint) {

        Key key() {
            return new Key(Attribution.monthOf(at), capsuleId, service, kind);
        }
    }

    /** A row of the monthly sums. */
    record Key(String month, String capsuleId, String service, String kind) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::month).thenComparing(Key::capsuleId)
                .thenComparing(Key::service).thenComparing(Key::kind);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** What changes in one row of the monthly sums. */
    record Delta(long outputs, long validated, long rejected, double editShare, long validationSeconds, long promptTokens,
            long completionTokens, double energyWh, double carbonGrams) {

        static final Delta ZERO = new Delta(0, 0, 0, 0, 0, 0, 0, 0, 0);

        static Delta of(Entry entry) {
            return new Delta(1, 0, 0, 0, 0, entry.usage().promptTokens(), entry.usage().completionTokens(),
                    entry.footprint().energyWh(), entry.footprint().carbonGrams());
        }

        /** A draft's review figures: counted when validated or rejected, with {@code sign} -1 to take them back. */
        static Delta review(String status, Double editShare, Long validationSeconds, int sign) {
            boolean validated = "validated".equals(status);
            return new Delta(0, validated ? sign : 0, "rejected".equals(status) ? sign : 0,
                    validated && editShare != null ? sign * editShare : 0,
                    validated && validationSeconds != null ? sign * validationSeconds : 0, 0, 0, 0, 0);
        }

        Delta plus(Delta o) {
            return new Delta(outputs + o.outputs, validated + o.validated, rejected + o.rejected, editShare + o.editShare,
                    validationSeconds + o.validationSeconds, promptTokens + o.promptTokens, completionTokens + o.completionTokens,
                    energyWh + o.energyWh, carbonGrams + o.carbonGrams);
        }
    }

    /** A draft's record as it stands. */
    record DraftRecord(Key key, String status, Double editShare, Long validationSeconds) {}

    void insert(Entry entry) {
        ModelUsage u = entry.usage();
        jdbc.sql("""
                INSERT INTO usage_records (recorded_at, usage_month, capsule_id, service, kind, mode, draft_id, model, prompt_tokens,
                    completion_tokens, prompt_eval_ns, eval_ns, load_ns, total_ns, energy_wh, carbon_g, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.at().atOffset(ZoneOffset.UTC), Attribution.monthOf(entry.at()), entry.capsuleId(), entry.service(),
                        entry.kind(), entry.mode(), entry.draftId(), entry.model(), u.promptTokens(), u.completionTokens(),
                        u.promptEval().toNanos(), u.eval().toNanos(), u.load().toNanos(), u.total().toNanos(),
                        entry.footprint().energyWh(), entry.footprint().carbonGrams(),
                        "draft".equals(entry.kind()) ? "generated" : null)
                .update();
    }

    Optional<DraftRecord> draft(String draftId) {
        return jdbc.sql("""
                SELECT usage_month, capsule_id, service, kind, status, edit_share, validation_seconds FROM usage_records
                WHERE draft_id = ? AND kind = 'draft'""")
                .param(draftId)
                .query((rs, n) -> new DraftRecord(
                        new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getString(5),
                        rs.getObject(6) == null ? null : rs.getDouble(6), rs.getObject(7) == null ? null : rs.getLong(7)))
                .optional();
    }

    void review(String draftId, String status, Double editShare, Long validationSeconds) {
        jdbc.sql("UPDATE usage_records SET status = ?, edit_share = ?, validation_seconds = ? WHERE draft_id = ? AND kind = 'draft'")
                .params(status, editShare, validationSeconds, draftId)
                .update();
    }

    /** Adds the deltas to the monthly sums, rows in a fixed order so that two writers cannot deadlock. */
    void add(Map<Key, Delta> deltas) {
        for (Map.Entry<Key, Delta> e : new TreeMap<>(deltas).entrySet()) {
            Key k = e.getKey();
            Delta d = e.getValue();
            if (d.equals(Delta.ZERO)) {
                continue;
            }
            ensureRow(k);
            jdbc.sql("""
                    UPDATE usage_monthly SET outputs = outputs + ?, validated = validated + ?, rejected = rejected + ?,
                        edit_share_sum = edit_share_sum + ?, validation_seconds_sum = validation_seconds_sum + ?,
                        prompt_tokens = prompt_tokens + ?, completion_tokens = completion_tokens + ?,
                        energy_wh = energy_wh + ?, carbon_g = carbon_g + ?
                    WHERE usage_month = ? AND capsule_id = ? AND service = ? AND kind = ?""")
                    .params(d.outputs(), d.validated(), d.rejected(), d.editShare(), d.validationSeconds(), d.promptTokens(),
                            d.completionTokens(), d.energyWh(), d.carbonGrams(), k.month(), k.capsuleId(), k.service(), k.kind())
                    .update();
        }
    }

    private void ensureRow(Key k) {
        if (exists(k)) {
            return;
        }
        try {
            separately.executeWithoutResult(status -> {
                if (!exists(k)) {
                    jdbc.sql("""
                            INSERT INTO usage_monthly (usage_month, capsule_id, service, kind, outputs, validated, rejected,
                                edit_share_sum, validation_seconds_sum, prompt_tokens, completion_tokens, energy_wh, carbon_g)
                            VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0)""")
                            .params(k.month(), k.capsuleId(), k.service(), k.kind())
                            .update();
                }
            });
        } catch (DuplicateKeyException concurrentFirstUse) {
            // Another writer created the row between the check and the insert: it exists, which is all we need.
        }
    }

    private boolean exists(Key k) {
        return jdbc.sql("SELECT COUNT(*) FROM usage_monthly WHERE usage_month = ? AND capsule_id = ? AND service = ? AND kind = ?")
                .params(k.month(), k.capsuleId(), k.service(), k.kind())
                .query(Long.class)
                .single() > 0;
    }
}
