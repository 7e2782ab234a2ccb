package fr.capsules.app.draft;

import fr.capsules.app.ask.Citation;
import fr.capsules.app.export.ExportDocument;
import fr.capsules.app.export.ExportFormat;
import fr.capsules.app.export.ExportedFile;
import fr.capsules.app.export.Exporter;
import fr.capsules.app.kernel.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a validated draft into an exported file carrying its AI provenance, the sources of each table row and the
 * warnings acknowledged at validation.
 */
@Component
class DraftExports {

    private final Exporter exporter = new Exporter();

    static ExportFormat format(String value) {
        try {
            return ExportFormat.parse(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    ExportedFile export(Draft draft, ExportFormat format) {
        draft.requireValidated();
        return exporter.export(document(draft), format);
    }

    static ExportDocument document(Draft draft) {
        ExportDocument.Body body;
        List<ExportDocument.Source> sources = new java.util.ArrayList<>();
        if (draft.kind() == DraftKind.TEXT) {
            body = new ExportDocument.TextBody(draft.content().text());
            draft.citations().forEach(c -> sources.add(source(c.n(), c)));
        } else {
            List<ExportDocument.Column> columns = draft.content().columns().stream()
                    .map(c -> new ExportDocument.Column(c.name(), c.title()))
                    .toList();
            List<Map<String, String>> rows = draft.content().rows().stream().map(DraftContent.Row::cells).toList();
            // One numbered list of the documents (and pages) the rows rest on; each row names its own.
            Map<String, ExportDocument.Source> unique = new LinkedHashMap<>();
            List<List<ExportDocument.Source>> rowSources = new java.util.ArrayList<>();
            for (DraftContent.Row row : draft.content().rows()) {
                Map<String, ExportDocument.Source> own = new LinkedHashMap<>();
                for (Citation c : row.citations()) {
                    String key = c.documentId() + "#" + c.page();
                    own.putIfAbsent(key, unique.computeIfAbsent(key, k -> source(unique.size() + 1, c)));
                }
                rowSources.add(List.copyOf(own.values()));
            }
            body = new ExportDocument.TableBody(columns, rows, rowSources);
            sources.addAll(unique.values());
        }
        String title = draft.kind() == DraftKind.TEXT && draft.question() != null
                ? draft.question()
                : "Tableau — " + draft.capsuleName() + (draft.question() == null ? "" : " — " + draft.question());
        List<ExportDocument.AcknowledgedWarning> acknowledged = draft.acknowledgements().stream()
                .map(a -> new ExportDocument.AcknowledgedWarning(a.warning().location(), a.warning().message(),
                        a.acknowledgedBy().name(), a.acknowledgedAt()))
                .toList();
        return new ExportDocument(draft.id(), title, draft.capsuleId(), draft.capsuleName(), draft.capsuleVersion(), draft.model(),
                draft.validatedBy().name(), draft.validatedAt(), body, sources, acknowledged, draft.provenance());
    }

    private static ExportDocument.Source source(int n, Citation citation) {
        return new ExportDocument.Source(n, citation.title(), citation.file(), citation.page());
    }
}
