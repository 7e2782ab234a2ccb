package fr.capsules.app.document;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.screen.FlaggedPassage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the service understood of one file, for the referent who checks it before publishing: its
 * pages (or none), its headings, its text as indexed passage by passage, grouped by page or by
 * section, which passages are excluded, and the warnings ingestion left.
 */
@Service
public class DocumentUnderstanding {

    private final Capsules capsules;
    private final CapsuleIndexes indexes;
    private final PassageExclusions exclusions;

    DocumentUnderstanding(Capsules capsules, CapsuleIndexes indexes, PassageExclusions exclusions) {
        this.capsules = capsules;
        this.indexes = indexes;
        this.exclusions = exclusions;
    }

    /**
     * One indexed passage.
     *
     * @param number 1-based, as warnings and exclusions name it
     * @param page 1-based, 0 for a format without pages
     */
    public record PassageView(int number, int page, List<String> headingPath, String kind, String text, boolean excluded,
            List<String> warnings) {}

    /**
     * Passages that belong together: one page of a paginated file, one section of another.
     *
     * @param label "Page 3", a heading path, or "Début du document" for text before any heading
     */
    public record Group(String label, List<PassageView> passages) {}

    /**
     * The whole reading of the file.
     *
     * @param paginated false for formats without pages (DOCX, HTML, Markdown, text): no page is shown
     * @param headings the document's heading paths in reading order, each once
     */
    public record Understood(String capsuleId, String capsuleName, DocumentRecord document, boolean paginated,
            List<String> headings, List<String> warnings, int excludedPassages, List<Group> groups) {

        /** "12 pages", "1 page" or "sans pagination". */
        public String pagesLabel() {
            return !paginated ? "sans pagination" : document.pages() + (document.pages() > 1 ? " pages" : " page");
        }
    }

    /**
     * The reading of a document, for the capsule's maintainers.
     *
     * @throws fr.capsules.app.capsule.CapsuleNotFoundException when the caller may not see the capsule
     * @throws ForbiddenException for an agent
     * @throws DocumentNotFoundException for an unknown document
     */
    public Understood of(String capsuleId, String documentId, CapsulesUser user) {
        Capsule capsule = capsules.require(capsuleId, user);
        ForbiddenException.requireMaintainer(user);
        DocumentRecord record = indexes.read(capsule, index -> index.document(documentId))
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
        List<PassageHit> hits = indexes.read(capsule, index -> index.passages(documentId));
        Set<String> excluded = exclusions.of(capsule.definition().id()).stream()
                .map(PassageExclusion::passageId).collect(Collectors.toSet());
        Map<Integer, List<String>> warningsByPassage = new LinkedHashMap<>();
        for (String warning : record.warnings()) {
            FlaggedPassage.passageNumber(warning).ifPresent(n -> warningsByPassage.computeIfAbsent(n, k -> new ArrayList<>()).add(warning));
        }
        boolean paginated = record.pages() > 0;
        List<PassageView> passages = new ArrayList<>();
        Set<String> headings = new LinkedHashSet<>();
        for (int i = 0; i < hits.size(); i++) {
            PassageHit hit = hits.get(i);
            // Every level, the outer ones too (a title whose text all sits in sub-sections has no passage of its own).
            for (int depth = 1; depth <= hit.headingPath().size(); depth++) {
                headings.add(String.join(" › ", hit.headingPath().subList(0, depth)));
            }
            passages.add(new PassageView(i + 1, hit.page(), hit.headingPath(), hit.kind().name().toLowerCase(java.util.Locale.ROOT),
                    hit.text(), excluded.contains(hit.passageId()), warningsByPassage.getOrDefault(i + 1, List.of())));
        }
        int excludedCount = (int) passages.stream().filter(PassageView::excluded).count();
        return new Understood(capsule.definition().id(), capsule.definition().name(), record, paginated,
                List.copyOf(headings), record.warnings(), excludedCount, groups(passages, paginated));
    }

    /** Consecutive passages of the same page (paginated files) or the same section (the others), in reading order. */
    private static List<Group> groups(List<PassageView> passages, boolean paginated) {
        List<Group> groups = new ArrayList<>();
        String current = null;
        List<PassageView> members = new ArrayList<>();
        for (PassageView p : passages) {
            String label = paginated && p.page() > 0
                    ? "Page " + p.page()
                    : p.headingPath().isEmpty() ? "Début du document" : String.join(" › ", p.headingPath());
            if (!label.equals(current) && !members.isEmpty()) {
                groups.add(new Group(current, List.copyOf(members)));
                members.clear();
            }
            current = label;
            members.add(p);
        }
        if (!members.isEmpty()) {
            groups.add(new Group(current, List.copyOf(members)));
        }
        return groups;
    }
}
