package fr.capsules.app.document;

import fr.capsules.app.access.CapsulesUser;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Excluding and restoring passages over HTTP; {@link PassageReview} checks, does and records. */
@RestController
@RequestMapping("/api/capsules/{id}")
class PassageReviewController {

    private final PassageReview review;

    PassageReviewController(PassageReview review) {
        this.review = review;
    }

    /** The body of an exclusion: why, optionally. */
    record ExclusionRequest(String reason) {}

    @PostMapping("/documents/{documentId}/passages/{number}/exclusion")
    PassageExclusion exclude(@PathVariable String id, @PathVariable String documentId, @PathVariable int number,
            @RequestBody(required = false) ExclusionRequest request, CapsulesUser user) {
        return review.exclude(id, documentId, number, request == null ? null : request.reason(), user);
    }

    @DeleteMapping("/documents/{documentId}/passages/{number}/exclusion")
    ResponseEntity<Void> restore(@PathVariable String id, @PathVariable String documentId, @PathVariable int number,
            CapsulesUser user) {
        review.restore(id, documentId, number, user);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/exclusions")
    List<PassageExclusion> excluded(@PathVariable String id, CapsulesUser user) {
        return review.excluded(id, user);
    }
}
