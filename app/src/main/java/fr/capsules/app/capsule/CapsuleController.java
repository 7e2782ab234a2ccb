package fr.capsules.app.capsule;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import java.net.URI;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The capsule catalogue over HTTP; every endpoint answers 404 for capsules the caller may not see. */
@RestController
@RequestMapping("/api/capsules")
class CapsuleController {

    private final Capsules capsules;
    private final DocumentCounts documents;
    private final CapsuleHistory history;
    private final AuditTrail audit;

    CapsuleController(Capsules capsules, DocumentCounts documents, CapsuleHistory history, AuditTrail audit) {
        this.capsules = capsules;
        this.documents = documents;
        this.history = history;
        this.audit = audit;
    }

    private void record(CapsulesUser user, AuditAction action, CapsuleDefinition d, Map<String, ?> details) {
        history.record(d, user.username());
        audit.record(user.username(), action, d.id(), d.version(), details);
    }

    @GetMapping
    List<CapsuleViews.Summary> list(CapsulesUser user) {
        return capsules.visibleTo(user).stream().map(CapsuleViews.Summary::of).toList();
    }

    @GetMapping("/{id}")
    CapsuleViews.Detail get(@PathVariable String id, CapsulesUser user) {
        Capsule capsule = capsules.require(id, user);
        return CapsuleViews.Detail.of(capsule, documents.documentCount(capsule.id()));
    }

    @PostMapping
    ResponseEntity<CapsuleViews.Detail> create(@RequestBody CapsuleDefinition definition, CapsulesUser user) {
        ForbiddenException.requireMaintainer(user);
        Capsule created = capsules.create(definition);
        record(user, AuditAction.CAPSULE_CREATED, created.definition(), Map.of("name", created.definition().name(),
                "kind", created.definition().kind().json(), "services", created.definition().scope().services(),
                "status", created.definition().status().json()));
        return ResponseEntity.created(URI.create("/api/capsules/" + created.id()))
                .body(CapsuleViews.Detail.of(created, 0));
    }

    @PutMapping("/{id}")
    CapsuleViews.Detail update(@PathVariable String id, @RequestBody CapsuleDefinition definition, CapsulesUser user) {
        Capsule current = capsules.require(id, user);
        ForbiddenException.requireMaintainer(user);
        Capsule updated = capsules.update(current, definition);
        record(user, AuditAction.CAPSULE_UPDATED, updated.definition(), Map.of(
                "previousVersion", current.definition().version(), "status", updated.definition().status().json()));
        return CapsuleViews.Detail.of(updated, documents.documentCount(updated.id()));
    }

    @DeleteMapping("/{id}")
    CapsuleViews.Detail retire(@PathVariable String id, CapsulesUser user) {
        Capsule current = capsules.require(id, user);
        ForbiddenException.requireMaintainer(user);
        Capsule retired = capsules.retire(current);
        record(user, AuditAction.CAPSULE_RETIRED, retired.definition(), Map.of("previousStatus", current.definition().status().json()));
        return CapsuleViews.Detail.of(retired, documents.documentCount(retired.id()));
    }
}
