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

/** Turns a validated draft into an exported file carrying its AI provenance. */
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
        List<Citation> cited;
        if (draft.kind() == DraftKind.TEXT) {
            body = new ExportDocument.TextBody(draft.content().text());
            cited = draft.citations();
        } else {
            List<ExportDocument.Column> columns = draft.content().columns().stream()
                    .map(c -> new ExportDocument.Column(c.name(), c.title()))
                    .toList();
            List<Map<String, String>> rows = draft.content().rows().stream().map(DraftContent.Row::cells).toList();
            body = new ExportDocument.TableBody(columns, rows);
            Map<String, Citation> unique = new LinkedHashMap<>();
            draft.content().rows().forEach(r -> r.citations().forEach(c -> unique.putIfAbsent(c.documentId() + "#" + c.page(), c)));
            cited = List.copyOf(unique.values());
        }
        List<ExportDocument.Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < cited.size(); i++) {
            Citation c = cited.get(i);
            sources.add(new ExportDocument.Source(draft.kind() == DraftKind.TEXT ? c.n() : i + 1, c.title(), c.file(), c.page()));
        }
        String title = draft.kind() == DraftKind.TEXT && draft.question() != null
                ? draft.question()
                : "Tableau — " + draft.capsuleName();
        return new ExportDocument(draft.id(), title, draft.capsuleId(), draft.capsuleName(), draft.capsuleVersion(), draft.model(),
                draft.validatedBy().name(), draft.validatedAt(), body, sources);
    }
}
