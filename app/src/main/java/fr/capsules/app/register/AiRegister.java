package fr.capsules.app.register;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.Conversations;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.capsule.CapsuleHistory;
import fr.capsules.app.capsule.CapsuleStatus;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.document.DocumentLibrary;
import fr.capsules.app.draft.Draft;
import fr.capsules.app.draft.DraftStatus;
import fr.capsules.app.draft.Drafts;
import fr.capsules.app.llm.CapsuleModels;
import fr.capsules.ingest.index.DocumentRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import fr.capsules.app.usage.MonthlyUsage;
import fr.capsules.app.usage.UsageTotals;
import fr.capsules.app.workshop.PublicationRecords;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Builds the AI register from the catalogue and the database: one entry per capsule, retired ones
 * included (the register keeps the history of what was used).
 */
@Component
public class AiRegister {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Capsules capsules;
    private final CapsuleHistory history;
    private final DocumentLibrary documents;
    private final Usage usage;
    private final CapsuleModels models;
    private final RegisterDetails details;
    private final PublicationRecords publications;

    AiRegister(Capsules capsules, CapsuleHistory history, DocumentLibrary documents, Conversations conversations,
            Drafts drafts, MonthlyUsage monthly, CapsuleModels models, RegisterDetails details,
            PublicationRecords publications) {
        this.details = details;
        this.publications = publications;
        this.capsules = capsules;
        this.history = history;
        this.documents = documents;
        this.usage = new Usage(conversations, drafts, monthly);
        this.models = models;
    }

    /**
     * The entries {@code reader} may read, usage counted over [from, to) (days in Europe/Paris): every capsule for
     * admins and the DPO, the capsules they may see for everyone else (a service capsule's name, purpose, referent and
     * usage are the service's business).
     */
    public List<RegisterEntry> entries(LocalDate from, LocalDate to, CapsulesUser reader) {
        List<Capsule> shown = reader.readsWholeRegister()
                ? capsules.all()
                : capsules.all().stream().filter(c -> c.isVisibleTo(reader)).toList();
        return shown.stream().map(c -> entry(c, from, to)).toList();
    }

    private RegisterEntry entry(Capsule capsule, LocalDate from, LocalDate to) {
        CapsuleDefinition d = capsule.definition();
        List<DocumentRecord> records = documents.list(capsule);
        Map<String, Long> formats = records.stream()
                .collect(Collectors.groupingBy(DocumentRecord::format, TreeMap::new, Collectors.counting()));
        List<CapsuleHistory.Version> versions = history.of(d.id());
        Instant firstPublished = versions.stream()
                .filter(v -> v.status() == CapsuleStatus.PUBLISHED)
                .map(CapsuleHistory.Version::recordedAt)
                .findFirst().orElse(null);
        var written = details.of(d.id());
        var published = publications.published(d.id());
        return new RegisterEntry(
                d.id(), d.name(), d.description(), d.purpose(), d.referent(), d.scope().generic(), d.scope().services(),
                d.kind().json(), d.kind().label(), d.status().json(), d.status().label(), d.version(),
                models.modelOf(d),
                new RegisterEntry.DataSources(records.size(), formats),
                firstPublished,
                versions.isEmpty() ? null : versions.getLast().recordedAt(),
                written.map(RegisterDetails.Details::legalBasis).orElse(""),
                written.map(RegisterDetails.Details::dpiaReference).orElse(""),
                publications.lastEvaluation(d.id())
                        .map(e -> new RegisterEntry.LastEvaluation(e.finishedAt(), e.passed())).orElse(null),
                published.map(PublicationRecords.Published::modelDigest).orElse(null),
                published.map(PublicationRecords.Published::overrideReason).orElse(null),
                usage.of(d.id(), from, to));
    }

    /** Usage figures of one capsule over a period. */
    private record Usage(Conversations conversations, Drafts drafts, MonthlyUsage monthly) {

        RegisterEntry.Usage of(String capsuleId, LocalDate from, LocalDate to) {
            var start = from.atStartOfDay(PARIS).toInstant();
            var end = to.atStartOfDay(PARIS).toInstant();
            List<Draft> created = drafts.createdBetween(capsuleId, start, end);
            List<Draft> validated = created.stream().filter(d -> d.status() == DraftStatus.VALIDATED).toList();
            UsageTotals recorded = monthly.totalOf(capsuleId, start, end);
            YearMonth firstMonth = YearMonth.from(from);
            YearMonth lastMonth = YearMonth.from(to.minusDays(1));
            return new RegisterEntry.Usage(
                    from, to,
                    conversations.questionsAsked(capsuleId, start, end),
                    created.size(),
                    validated.size(),
                    created.stream().filter(d -> d.status() == DraftStatus.REJECTED).count(),
                    median(validated, Draft::editShare),
                    median(validated, d -> Duration.between(d.createdAt(), d.validatedAt()).toSeconds() / 3600.0),
                    recorded.tableRows(),
                    created.isEmpty() ? null : Math.round(1000.0 * validated.size() / created.size()) / 1000.0,
                    recorded.promptTokens(), recorded.completionTokens(), recorded.energyWh(), recorded.carbonGrams(),
                    monthly.monthsOf(capsuleId, firstMonth, lastMonth),
                    monthly.servicesOf(capsuleId, firstMonth, lastMonth));
        }

        private static Double median(List<Draft> drafts, Function<Draft, Double> value) {
            if (drafts.isEmpty()) {
                return null;
            }
            List<Double> sorted = drafts.stream().map(value).sorted().toList();
            int middle = sorted.size() / 2;
            double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
            return Math.round(median * 1000) / 1000.0;
        }
    }
}
