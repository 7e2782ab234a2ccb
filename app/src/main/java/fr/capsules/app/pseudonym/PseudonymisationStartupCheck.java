package fr.capsules.app.pseudonym;

import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, before the catalogue is indexed, when a capsule must be pseudonymised and no
 * key is configured, or when the key does not open a capsule's table: their files would fail. The
 * message is in French and English, with how to make a key; the service still starts, so that the
 * other capsules serve.
 */
@Component
class PseudonymisationStartupCheck {

    private static final Logger log = LoggerFactory.getLogger(PseudonymisationStartupCheck.class);

    private final Capsules capsules;
    private final PseudonymTables tables;

    PseudonymisationStartupCheck(Capsules capsules, PseudonymTables tables) {
        this.capsules = capsules;
        this.tables = tables;
    }

    @EventListener(ApplicationStartedEvent.class)
    void check() {
        List<String> pseudonymised = capsules.all().stream()
                .filter(c -> c.definition().pseudonymised())
                .map(c -> c.id().value())
                .toList();
        if (pseudonymised.isEmpty()) {
            return;
        }
        if (!tables.hasKey()) {
            log.error("Pseudonymisation : aucune clé configurée (CAPSULES_PSEUDONYMISATION_KEY) alors que les capsules {}"
                    + " doivent être pseudonymisées ; leurs fichiers ne seront pas indexés. Créez une clé avec"
                    + " « openssl rand -base64 32 », gardez-la hors du dossier de données et redémarrez."
                    + " / Pseudonymisation: no key configured (CAPSULES_PSEUDONYMISATION_KEY) while capsules {} must be"
                    + " pseudonymised; their files will not be indexed. Create a key with \"openssl rand -base64 32\","
                    + " keep it outside the data folder and restart.", pseudonymised, pseudonymised);
            return;
        }
        for (Capsule capsule : capsules.all()) {
            if (capsule.definition().pseudonymised() && tables.exists(capsule.id())) {
                try {
                    tables.load(capsule.id());
                } catch (PseudonymTableUnavailableException e) {
                    log.error("Pseudonymisation, capsule {} : {} / the configured key does not open this capsule's"
                            + " pseudonym table; its files will not be indexed", capsule.id().value(), e.getMessage());
                }
            }
        }
    }
}
