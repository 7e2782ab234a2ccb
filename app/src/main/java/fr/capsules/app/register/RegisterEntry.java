package fr.capsules.app.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import fr.capsules.app.usage.UsageTotals;

/**
 * One AI system of the organisation's register: what the capsule is for, who answers for it, who
 * may use it, on which data, with which model, since when, and how it was used over the period.
 *
 * @param kind and {@code status} as in the capsule API ({@code chat}, {@code published}…);
 *     {@code kindLabel} and {@code statusLabel} the same in French, as people read them
 * @param firstPublishedAt when a version of the capsule was first published; null while it never was
 * @param legalBasis and {@code dpiaReference}: written by an administrator, empty until then
 * @param lastEvaluation null while the capsule was never evaluated
 * @param modelDigest the digest the model server reported for the published version's model, null before a
 *     publication through the gate
 * @param publicationOverride the administrator's reason when the published version went over the gate, else null
 */
public record RegisterEntry(
        String id,
        String name,
        String description,
        String purpose,
        String referent,
        boolean generic,
        List<String> services,
        String kind,
        String kindLabel,
        String status,
        String statusLabel,
        int version,
        String model,
        DataSources dataSources,
        Instant firstPublishedAt,
        Instant lastChangedAt,
        String legalBasis,
        String dpiaReference,
        LastEvaluation lastEvaluation,
        String modelDigest,
        String publicationOverride,
        Usage usage) {

    /** The capsule's last finished evaluation on its reference questions (docs/WORKSHOP.md). */
    public record LastEvaluation(Instant at, boolean passed) {}

    /** The documents the capsule answers from. */
    public record DataSources(int documents, Map<String, Long> formats) {}

    /**
     * Use over [from, to).
     *
     * @param medianEditShare median share of the AI's draft changed by people before validation,
     *     null without validated drafts
     * @param medianHoursToValidation median hours from draft to validation, null without any
     * @param tableRows table rows drafted, by the model or by similarity
     * @param validationRate validated / generated drafts, null without drafts
     * @param promptTokens tokens the model read, {@code completionTokens} it wrote (as Ollama reported)
     * @param energyWh estimated watt-hours of those generations, {@code carbonGrams} their CO2-equivalent
     *     (docs/USAGE.md)
     * @param byMonth the same figures per month, over the whole months the period touches
     * @param byService per service of the askers ('' = none), over the same months
     */
    public record Usage(
            LocalDate from,
            LocalDate to,
            long questions,
            long draftsGenerated,
            long draftsValidated,
            long draftsRejected,
            Double medianEditShare,
            Double medianHoursToValidation,
            long tableRows,
            Double validationRate,
            long promptTokens,
            long completionTokens,
            double energyWh,
            double carbonGrams,
            List<UsageTotals> byMonth,
            List<UsageTotals> byService) {}
}
