package fr.capsules.app.capsule;

import fr.capsules.app.access.CapsulesUser;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The capsule catalogue over HTTP; every endpoint answers 404 for capsules the caller may not see.
 * Changes go through {@link CapsuleMaintenance}, which checks, records and audits them.
 */
@RestController
@RequestMapping("/api/capsules")
class CapsuleController {

    private final Capsules capsules;
    private final CapsuleMaintenance maintenance;
    private final DocumentCounts documents;

    CapsuleController(Capsules capsules, CapsuleMaintenance maintenance, DocumentCounts documents) {
        this.capsules = capsules;
        this.maintenance = maintenance;
        this.documents = documents;
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
        Capsule created = maintenance.create(definition, user);
        return ResponseEntity.created(URI.create("/api/capsules/" + created.id()))
                .body(CapsuleViews.Detail.of(created, 0));
    }

    @PutMapping("/{id}")
    CapsuleViews.Detail update(@PathVariable String id, @RequestBody CapsuleDefinition definition, CapsulesUser user) {
        Capsule updated = maintenance.update(id, definition, user);
        return CapsuleViews.Detail.of(updated, documents.documentCount(updated.id()));
    }

    @DeleteMapping("/{id}")
    CapsuleViews.Detail retire(@PathVariable String id, CapsulesUser user) {
        Capsule retired = maintenance.retire(id, user);
        return CapsuleViews.Detail.of(retired, documents.documentCount(retired.id()));
    }
}
