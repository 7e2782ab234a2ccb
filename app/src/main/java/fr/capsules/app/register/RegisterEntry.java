package fr.capsules.app.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One AI system of the organisation's register: what the capsule is for, who answers for it, who
 * may use it, on which data, with which model, since when, and how it was used over the period.
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
        String status,
        int version,
        String model,
        DataSources dataSources,
        Instant firstPublishedAt,
        Instant lastChangedAt,
        Usage usage) {

    /** The documents the capsule answers from. */
    public record DataSources(int documents, Map<String, Long> formats) {}

    /**
     * Use over [from, to).
     *
     * @param medianEditShare median share of the AI's draft changed by people before validation,
     *     null without validated drafts
     * @param medianHoursToValidation median hours from draft to validation, null without any
     */
    public record Usage(
            LocalDate from,
            LocalDate to,
            long questions,
            long draftsGenerated,
            long draftsValidated,
            long draftsRejected,
            Double medianEditShare,
            Double medianHoursToValidation) {}
}
