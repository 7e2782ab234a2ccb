package fr.capsules.app.access;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * The services that exist: those of the local accounts (the users file) and those people were seen
 * to belong to when they signed in (identity-provider groups, which cannot be listed in advance).
 * A capsule's scope is chosen among them, so that a typo cannot hide a capsule from everyone.
 * Thread-safe.
 */
@Component
public class KnownServices {

    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    KnownServices(UserAccounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** Every known service, sorted (read afresh: another node may have seen new ones). */
    public SortedSet<String> all() {
        SortedSet<String> all = new TreeSet<>(jdbc.sql("SELECT service FROM known_services").query(String.class).list());
        accounts.all().forEach(a -> all.addAll(a.services()));
        return all;
    }

    /** Remembers the services of a person who just signed in (any way: form, Basic, token, provider). */
    @EventListener
    void onSignIn(AuthenticationSuccessEvent event) {
        CapsulesPrincipal.of(event.getAuthentication()).ifPresent(user -> observe(user.services()));
    }

    void observe(Set<String> services) {
        Set<String> known = observed();
        for (String service : services) {
            if (!known.contains(service)) {
                try {
                    jdbc.sql("INSERT INTO known_services (service, first_seen_at) VALUES (?, ?)")
                            .params(service, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                            .update();
                } catch (DuplicateKeyException alreadyRecordedByAnotherNode) {
                    // Seen by another request or node meanwhile: nothing to add.
                }
                seen.add(service);
            }
        }
    }

    private Set<String> observed() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    seen.addAll(jdbc.sql("SELECT service FROM known_services").query(String.class).list());
                    loaded = true;
                }
            }
        }
        return seen;
    }
}
