package fr.capsules.app.document;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleId;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.capsule.DocumentCounts;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.index.DocumentRecord;
import java.util.LinkedHashMap;
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

/** A capsule's documents over HTTP: upload (one result per file), list, remove, re-index. */
@RestController
@RequestMapping("/api/capsules/{id}")
class DocumentController {

    private final Capsules capsules;
    private final DocumentLibrary library;
    private final AuditTrail audit;

    DocumentController(Capsules capsules, DocumentLibrary library, AuditTrail audit) {
        this.capsules = capsules;
        this.library = library;
        this.audit = audit;
    }

    record ResultView(
            String file, String status, String documentId, String title, int pages, int chunks, List<String> warnings,
            String error) {
        static ResultView of(IngestionResult r) {
            return new ResultView(r.file(), r.status().json(), r.documentId(), r.title(), r.pages(), r.chunks(), r.warnings(), r.error());
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
        Capsule capsule = capsules.require(id, user);
        ForbiddenException.requireMaintainer(user);
        if (files == null || files.isEmpty()) {
            throw new EmptyUploadException();
        }
        List<Upload> uploads =
                files.stream().map(f -> new Upload(f.getOriginalFilename(), f.getSize(), f::getInputStream)).toList();
        List<IngestionResult> results = library.upload(capsule, uploads);
        for (IngestionResult r : results) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("file", r.file());
            details.put("status", r.status().json());
            details.put("documentId", r.documentId());
            details.put("pages", r.pages());
            details.put("chunks", r.chunks());
            details.put("warnings", r.warnings());
            details.put("error", r.error());
            audit.record(user.username(), AuditAction.DOCUMENT_UPLOADED, capsule.definition().id(), capsule.definition().version(),
                    details);
        }
        return Report.of(results);
    }

    @GetMapping("/documents")
    List<DocumentView> list(@PathVariable String id, CapsulesUser user) {
        return library.list(capsules.require(id, user)).stream().map(DocumentView::of).toList();
    }

    /** The original file, for anyone who may see the capsule. */
    @GetMapping("/documents/{documentId}/file")
    ResponseEntity<org.springframework.core.io.Resource> download(@PathVariable String id, @PathVariable String documentId,
            CapsulesUser user) {
        DocumentLibrary.Original original = library.original(capsules.require(id, user), documentId);
        String name = original.path().getFileName().toString();
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaTypeFactory.getMediaType(name)
                        .orElse(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8)
                                .build().toString())
                .body(new org.springframework.core.io.FileSystemResource(original.path()));
    }

    @DeleteMapping("/documents/{documentId}")
    ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String documentId, CapsulesUser user) {
        Capsule capsule = capsules.require(id, user);
        ForbiddenException.requireMaintainer(user);
        DocumentRecord removed = library.delete(capsule, documentId);
        audit.record(user.username(), AuditAction.DOCUMENT_DELETED, capsule.definition().id(), capsule.definition().version(),
                Map.of("documentId", removed.documentId(), "file", removed.file(), "sha256", removed.sha256()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/reindex")
    Report reindex(@PathVariable String id, CapsulesUser user) {
        Capsule capsule = capsules.require(id, user);
        ForbiddenException.requireMaintainer(user);
        List<IngestionResult> results = library.reindex(capsule);
        audit.record(user.username(), AuditAction.CAPSULE_REINDEXED, capsule.definition().id(), capsule.definition().version(),
                Map.of("documents", results.stream().filter(r -> r.status() == fr.capsules.ingest.IngestionStatus.INDEXED).count(),
                        "chunks", results.stream().mapToInt(IngestionResult::chunks).sum(), "trigger", "api"));
        return Report.of(results);
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

    /** An upload request without any file. */
    static final class EmptyUploadException extends fr.capsules.app.kernel.InvalidRequestException {
        EmptyUploadException() {
            super("aucun fichier reçu : envoyez un ou plusieurs fichiers dans le champ « files » (multipart/form-data)");
        }
    }
}
