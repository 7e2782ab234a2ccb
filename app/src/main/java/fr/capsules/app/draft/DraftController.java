package fr.capsules.app.draft;

import fr.capsules.app.access.CapsulesUser;
import java.net.URI;
import java.util.List;
import java.util.Map;
import fr.capsules.app.export.ExportedFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Drafts over HTTP: create, read, list, edit, validate, reject. */
@RestController
class DraftController {

    private final DraftReview review;

    DraftController(DraftReview review) {
        this.review = review;
    }

    @PostMapping("/api/capsules/{id}/drafts")
    ResponseEntity<DraftView> create(@PathVariable String id, @RequestBody(required = false) DraftReview.Request request,
            CapsulesUser user) {
        Draft draft = review.create(id, request == null ? new DraftReview.Request(null, null) : request, user);
        return ResponseEntity.created(URI.create("/api/drafts/" + draft.id())).body(DraftView.of(draft));
    }

    @GetMapping("/api/drafts/{id}")
    DraftView get(@PathVariable String id, CapsulesUser user) {
        return DraftView.of(review.get(id, user));
    }

    @GetMapping("/api/drafts")
    List<DraftView> list(@RequestParam(required = false) String capsule, @RequestParam(required = false) String status,
            CapsulesUser user) {
        return review.list(capsule, status, user).stream().map(DraftView::of).toList();
    }

    @PutMapping("/api/drafts/{id}/content")
    DraftView edit(@PathVariable String id, @RequestBody DraftContent content, CapsulesUser user) {
        return DraftView.of(review.edit(id, content, user));
    }

    @PostMapping("/api/drafts/{id}/validate")
    DraftView validate(@PathVariable String id, CapsulesUser user) {
        return DraftView.of(review.validate(id, user));
    }

    @GetMapping("/api/drafts/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(required = false) String format, CapsulesUser user) {
        ExportedFile file = review.export(id, format, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header("X-Content-SHA256", file.sha256())
                .body(file.bytes());
    }

    @PostMapping("/api/drafts/{id}/reject")
    DraftView reject(@PathVariable String id, @RequestBody(required = false) Map<String, String> body, CapsulesUser user) {
        return DraftView.of(review.reject(id, body == null ? null : body.get("reason"), user));
    }
}
