package fr.capsules.app.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Usage per month, capsule and service, read from the monthly sums: what the dashboard, the usage
 * export and the register show. One query whatever the number of answers recorded.
 */
@Component
public class MonthlyUsage {

    private final JdbcClient jdbc;

    MonthlyUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the monthly sums. */
    record Row(String month, String capsuleId, String service, String kind, long outputs, long validated, long rejected,
            double editShareSum, long validationSecondsSum, long promptTokens, long completionTokens, double energyWh,
            double carbonGrams) {}

    /** One month of one capsule for one service. */
    public record Line(String month, String capsuleId, String service, UsageTotals totals) {}

    /**
     * The usage of months {@code from} to {@code to} included.
     *
     * @param byMonth every month of the period, in order, empty months included
     * @param lines one per month, capsule and service that saw any use
     */
    public record Report(YearMonth from, YearMonth to, UsageTotals total, List<UsageTotals> byMonth, List<UsageTotals> byCapsule,
            List<UsageTotals> byService, List<Line> lines) {}

    /** The dashboard's one query: the monthly sums of the period, in key order. */
    static final String PERIOD = """
            SELECT usage_month, capsule_id, service, kind, outputs, validated, rejected, edit_share_sum, validation_seconds_sum,
                prompt_tokens, completion_tokens, energy_wh, carbon_g
            FROM usage_monthly WHERE usage_month >= ? AND usage_month <= ? ORDER BY usage_month, capsule_id, service, kind""";

    public Report between(YearMonth from, YearMonth to) {
        List<Row> rows = jdbc.sql(PERIOD).params(from.toString(), to.toString()).query(MonthlyUsage::row).list();
        Map<String, UsageTotals.Sum> months = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.put(m.toString(), new UsageTotals.Sum());
        }
        rows.forEach(r -> months.get(r.month()).add(r));
        // Rows come in key order, so a line's rows are consecutive.
        Map<List<String>, UsageTotals.Sum> lines = new LinkedHashMap<>();
        rows.forEach(r -> lines.computeIfAbsent(List.of(r.month(), r.capsuleId(), r.service()), k -> new UsageTotals.Sum()).add(r));
        UsageTotals.Sum total = new UsageTotals.Sum();
        rows.forEach(total::add);
        List<Line> lineList = new ArrayList<>();
        lines.forEach((k, sum) -> lineList.add(new Line(k.get(0), k.get(1), k.get(2), sum.totals(k.get(0)))));
        return new Report(from, to, total.totals("total"), totals(months), totals(group(rows, Row::capsuleId)),
                totals(group(rows, Row::service)), lineList);
    }

    /** One capsule's usage per month over the months the period touches, for the register. */
    public List<UsageTotals> monthsOf(String capsuleId, YearMonth from, YearMonth to) {
        return totals(group(capsuleRows(capsuleId, from, to), Row::month));
    }

    /** One capsule's usage per service over the months the period touches, for the register. */
    public List<UsageTotals> servicesOf(String capsuleId, YearMonth from, YearMonth to) {
        return totals(group(capsuleRows(capsuleId, from, to), Row::service));
    }

    /**
     * One capsule's tokens and estimate over [from, to), from the records themselves (days, not
     * whole months): for the register's period.
     */
    public UsageTotals totalOf(String capsuleId, Instant from, Instant to) {
        List<Row> rows = jdbc.sql("""
                SELECT '' AS usage_month, capsule_id, '' AS service, kind, COUNT(*) AS outputs,
                    SUM(CASE WHEN status = 'validated' THEN 1 ELSE 0 END) AS validated,
                    SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) AS rejected,
                    SUM(CASE WHEN status = 'validated' THEN edit_share ELSE 0 END) AS edit_share_sum,
                    SUM(CASE WHEN status = 'validated' THEN validation_seconds ELSE 0 END) AS validation_seconds_sum,
                    SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,
                    SUM(energy_wh) AS energy_wh, SUM(carbon_g) AS carbon_g
                FROM usage_records WHERE capsule_id = ? AND recorded_at >= ? AND recorded_at < ?
                GROUP BY capsule_id, kind""")
                .params(capsuleId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query(MonthlyUsage::row)
                .list();
        UsageTotals.Sum sum = new UsageTotals.Sum();
        rows.forEach(sum::add);
        return sum.totals(capsuleId);
    }

    private List<Row> capsuleRows(String capsuleId, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                SELECT usage_month, capsule_id, service, kind, outputs, validated, rejected, edit_share_sum, validation_seconds_sum,
                    prompt_tokens, completion_tokens, energy_wh, carbon_g
                FROM usage_monthly WHERE capsule_id = ? AND usage_month >= ? AND usage_month <= ?""")
                .params(capsuleId, from.toString(), to.toString())
                .query(MonthlyUsage::row)
                .list();
    }

    private static <K> Map<K, UsageTotals.Sum> group(List<Row> rows, Function<Row, K> key) {
        Map<K, UsageTotals.Sum> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new UsageTotals.Sum()).add(r));
        return groups;
    }

    private static List<UsageTotals> totals(Map<?, UsageTotals.Sum> groups) {
        List<UsageTotals> list = new ArrayList<>();
        groups.forEach((k, sum) -> list.add(sum.totals(String.valueOf(k))));
        return list;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getDouble(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getDouble(12), rs.getDouble(13));
    }
}
