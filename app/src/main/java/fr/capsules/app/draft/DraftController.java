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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.beans.factory.DisposableBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Drafts over HTTP: create, read, list, edit, assign for validation, validate, reject. */
@RestController
class DraftController implements DisposableBean {

    private final DraftReview review;
    private final DraftAssignment assignment;
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    DraftController(DraftReview review, DraftAssignment assignment) {
        this.review = review;
        this.assignment = assignment;
    }

    @PostMapping("/api/capsules/{id}/drafts")
    Object create(@PathVariable String id, @RequestBody(required = false) DraftReview.Request request,
            @RequestHeader(name = "Accept", required = false) String accept, CapsulesUser user) {
        DraftReview.Request body = request == null ? new DraftReview.Request(null, null) : request;
        if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            Draft draft = review.create(id, body, user);
            return ResponseEntity.created(URI.create("/api/drafts/" + draft.id())).body(DraftView.of(draft));
        }
        // Access is checked before streaming, so that a refusal is a plain RFC 9457 problem; then
        // rows stream as they are drafted (event "row"), then the stored draft (event "done"), or
        // event "error" with a detail when the input is refused.
        review.requireDraftable(id, user);
        SseEmitter emitter = new SseEmitter(0L);
        streams.execute(() -> {
            try {
                Draft draft = review.create(id, body, user, (index, row) -> {
                    if (!send(emitter, "row", Map.of("index", index, "row", row))) {
                        // The client left: the rows not started yet are not drafted, nothing is stored.
                        throw new TableDraftCancelledException();
                    }
                });
                send(emitter, "done", DraftView.of(draft));
                emitter.complete();
            } catch (TableDraftCancelledException e) {
                emitter.complete();
            } catch (RuntimeException e) {
                send(emitter, "error", Map.of("detail", e.getMessage() == null ? "erreur inattendue" : e.getMessage()));
                emitter.complete();
            }
        });
        return emitter;
    }

    /** Findings as a file ({@code inputDocument}: CSV, XLSX or DOCX) for a table capsule. */
    @PostMapping(path = "/api/capsules/{id}/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DraftView> createFromFile(@PathVariable String id,
            @RequestParam(name = "inputDocument", required = false) MultipartFile file, CapsulesUser user)
            throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            throw new fr.capsules.app.kernel.InvalidRequestException(
                    "aucun fichier reçu : envoyez vos constats dans le champ « inputDocument » (CSV, XLSX ou DOCX)");
        }
        Draft draft = review.createFromFile(id, file.getOriginalFilename(), file.getBytes(), user, (index, row) -> {});
        return ResponseEntity.created(URI.create("/api/drafts/" + draft.id())).body(DraftView.of(draft));
    }

    /** Sends one event; false when the client has left. */
    private static boolean send(SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
            return true;
        } catch (java.io.IOException | IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void destroy() {
        streams.shutdownNow();
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

    /**
     * What a validation carries: the ids of the warnings the validator acknowledged, from the draft's
     * {@code openWarnings}; every open warning must be among them.
     */
    record Validation(List<String> acknowledgedWarnings) {}

    @PostMapping("/api/drafts/{id}/validate")
    DraftView validate(@PathVariable String id, @RequestBody(required = false) Validation body, CapsulesUser user) {
        return DraftView.of(review.validate(id, body == null ? null : body.acknowledgedWarnings(), user));
    }

    /** Whom the author assigns the draft to for validation: logins of colleagues who may see the capsule. */
    record Reviewers(List<String> reviewers) {}

    @PutMapping("/api/drafts/{id}/reviewers")
    DraftView assign(@PathVariable String id, @RequestBody(required = false) Reviewers body, CapsulesUser user) {
        return DraftView.of(assignment.assign(id, body == null ? null : body.reviewers(), user));
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
