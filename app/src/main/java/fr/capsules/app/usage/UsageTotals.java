package fr.capsules.app.usage;

/**
 * Usage summed over some months and some capsules or services.
 *
 * @param label what is summed: a month ({@code 2026-03}), a capsule id, a service ('' = none), or
 *     {@code total}
 * @param questions answers given (by the model or not)
 * @param drafts drafts created; {@code validated} and {@code rejected} of those
 * @param tableRows table rows drafted (by the model or by similarity)
 * @param validationRate validated / drafts, null without drafts
 * @param meanEditShare mean share of the AI's text changed before validation, null without validation
 * @param meanHoursToValidation mean hours from draft to validation, null without validation
 * @param energyWh estimated watt-hours of every generation; {@code carbonGrams} their CO2-equivalent
 */
public record UsageTotals(String label, long questions, long drafts, long tableRows, long validated, long rejected,
        Double validationRate, Double meanEditShare, Double meanHoursToValidation, long promptTokens, long completionTokens,
        double energyWh, double carbonGrams) {

    /** Sums of one group of monthly rows, before the means are taken. */
    static final class Sum {
        private long questions;
        private long drafts;
        private long rows;
        private long validated;
        private long rejected;
        private double editShare;
        private long validationSeconds;
        private long promptTokens;
        private long completionTokens;
        private double energyWh;
        private double carbonGrams;

        void add(MonthlyUsage.Row row) {
            switch (row.kind()) {
                case "answer" -> questions += row.outputs();
                case "draft" -> drafts += row.outputs();
                case "row" -> rows += row.outputs();
                default -> { }
            }
            validated += row.validated();
            rejected += row.rejected();
            editShare += row.editShareSum();
            validationSeconds += row.validationSecondsSum();
            promptTokens += row.promptTokens();
            completionTokens += row.completionTokens();
            energyWh += row.energyWh();
            carbonGrams += row.carbonGrams();
        }

        UsageTotals totals(String label) {
            return new UsageTotals(label, questions, drafts, rows, validated, rejected,
                    drafts == 0 ? null : round((double) validated / drafts, 3),
                    validated == 0 ? null : round(editShare / validated, 3),
                    validated == 0 ? null : round(validationSeconds / 3600.0 / validated, 2),
                    promptTokens, completionTokens, round(energyWh, 4), round(carbonGrams, 4));
        }

        private static double round(double value, int digits) {
            double scale = Math.pow(10, digits);
            return Math.round(value * scale) / scale;
        }
    }
}
