package fr.capsules.app.document;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "catalogue", part of the readiness group: DOWN until every
 * capsule of the catalogue is indexed and searchable, with the capsules still waiting in the details.
 */
@Component("catalogue")
class CatalogueHealth implements HealthIndicator {

    private final CatalogueProgress progress;

    CatalogueHealth(CatalogueProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        var indexing = progress.indexing();
        if (indexing.isEmpty()) {
            return Health.up().build();
        }
        return Health.down().withDetail("indexationEnCours", indexing).build();
    }
}
