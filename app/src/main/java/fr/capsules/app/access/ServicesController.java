package fr.capsules.app.access;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/services}: the services a capsule's scope may name (referents and administrators). */
@RestController
class ServicesController {

    private final KnownServices services;

    ServicesController(KnownServices services) {
        this.services = services;
    }

    /** One known service. */
    record ServiceView(String id) {}

    @GetMapping("/api/services")
    List<ServiceView> list(CapsulesUser user) {
        ForbiddenException.requireMaintainer(user);
        return services.all().stream().map(ServiceView::new).toList();
    }
}
