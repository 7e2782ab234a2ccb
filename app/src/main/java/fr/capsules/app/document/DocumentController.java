package fr.capsules.app.document;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.CapsuleId;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.capsule.DocumentCounts;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.index.DocumentRecord;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A capsule's documents over HTTP: upload (one result per file), list, remove, re-index. Changes
 * go through {@link DocumentMaintenance}, which checks, does and records them.
 */
@RestController
@RequestMapping("/api/capsules/{id}")
class DocumentController {

    private final Capsules capsules;
    private final DocumentLibrary library;
    private final DocumentMaintenance maintenance;
    private final CitedSources sources;
    private final DocumentUnderstanding understanding;

    DocumentController(Capsules capsules, DocumentLibrary library, DocumentMaintenance maintenance, CitedSources sources,
            DocumentUnderstanding understanding) {
        this.understanding = understanding;
        this.capsules = capsules;
        this.library = library;
        this.maintenance = maintenance;
        this.sources = sources;
    }

    /**
     * One file's result; {@code failure} (e.g. {@code embeddings-unavailable}) is set for failed
     * files only, {@code counts} says what the ingestion stages did, e.g. {"NIR remplacés": 3}.
     */
    record ResultView(
            String file, String status, String documentId, String title, int pages, int chunks, List<String> warnings,
            String error, String failure, Map<String, Integer> counts) {
        static ResultView of(IngestionResult r) {
            return new ResultView(r.file(), r.status().json(), r.documentId(), r.title(), r.pages(), r.chunks(), r.warnings(), r.error(),
                    r.failure() == null ? null : r.failure().json(), r.counts());
        }
    }

    record Report(List<ResultView> results) {
        static Report of(List<IngestionResult> results) {
            return new Report(results.stream().map(ResultView::of).toList());
        }
    }

    record DocumentView(
            String documentId, String file, String title, String date, int pages, int chunks, String sha256, String format,
            List<String> warnings, String indexedAt) {
        static DocumentView of(DocumentRecord d) {
            return new DocumentView(
                    d.documentId(), d.file(), d.title(), d.date(), d.pages(), d.chunks(), d.sha256(), d.format(), d.warnings(),
                    d.indexedAt().toString());
        }
    }

    @PostMapping("/documents")
    Report upload(@PathVariable String id, @RequestParam(name = "files", required = false) List<MultipartFile> files, CapsulesUser user) {
        List<Upload> uploads = files == null
                ? List.of()
                : files.stream().map(f -> new Upload(f.getOriginalFilename(), f.getSize(), f::getInputStream)).toList();
        return Report.of(maintenance.upload(id, uploads, user));
    }

    @GetMapping("/documents")
    List<DocumentView> list(@PathVariable String id, CapsulesUser user) {
        return library.list(capsules.require(id, user)).stream().map(DocumentView::of).toList();
    }

    /** What was understood of one file (referents and administrators): pages, headings, passages, warnings. */
    @GetMapping("/documents/{documentId}")
    DocumentUnderstanding.Understood understood(@PathVariable String id, @PathVariable String documentId, CapsulesUser user) {
        return understanding.of(id, documentId, user);
    }

    /**
     * The original file, for those the capsule lets open it (403 for the others; only its referents
     * and the administrators for a pseudonymised capsule, audited). Always an attachment with a
     * sanitised name (see {@link OriginalDownload}), except a PDF asked {@code inline}, which the
     * browser shows (at {@code #page=N}): no other file, an uploaded HTML page above all, runs as a
     * page of the service.
     */
    @GetMapping("/documents/{documentId}/file")
    ResponseEntity<org.springframework.core.io.Resource> download(@PathVariable String id, @PathVariable String documentId,
            @RequestParam(defaultValue = "false") boolean inline, CapsulesUser user) {
        DocumentLibrary.Original original = maintenance.original(id, documentId, user);
        OriginalDownload download = OriginalDownload.of(original.path().getFileName().toString());
        boolean shown = inline && org.springframework.http.MediaType.APPLICATION_PDF.equalsTypeAndSubtype(download.contentType());
        String disposition = shown ? download.contentDisposition().replaceFirst("^attachment", "inline") : download.contentDisposition();
        return ResponseEntity.ok()
                .contentType(download.contentType())
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, disposition)
                .body(new org.springframework.core.io.FileSystemResource(original.path()));
    }

    @DeleteMapping("/documents/{documentId}")
    ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String documentId, CapsulesUser user) {
        maintenance.delete(id, documentId, user);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/reindex")
    Report reindex(@PathVariable String id, CapsulesUser user) {
        return Report.of(maintenance.reindex(id, user));
    }

    /** Counts documents for the capsule views. */
    @Component
    static class Counts implements DocumentCounts {
        private final CapsuleIndexes indexes;

        Counts(CapsuleIndexes indexes) {
            this.indexes = indexes;
        }

        @Override
        public int documentCount(CapsuleId id) {
            return indexes.read(id, index -> index.documents().size());
        }
    }
}
