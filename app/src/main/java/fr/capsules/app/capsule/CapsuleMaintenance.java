package fr.capsules.app.capsule;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.cluster.Lease;
import fr.capsules.app.cluster.LeaseHeldException;
import fr.capsules.app.cluster.Leases;
import java.time.Duration;
import fr.capsules.app.access.KnownServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changes referents make to capsules, whatever the entry point (the JSON API, the pages
 * through it, a command line): the permission check, the change, its history and its audit entry.
 *
 * <p>The definition file is written first, then the history and the audit entry in one database
 * transaction (the audit entry last, as {@link AuditTrail} asks). When that transaction fails,
 * commit included, the file and the registry are put back as they were: a change is kept with its
 * record or not at all. Changes are made one at a time, so that no change is taken back over
 * another and an update always starts from the current version; they are rare. "One at a time"
 * holds across application nodes sharing the database and the data folder: each change holds the
 * lease {@code capsule-definitions} ({@link Leases}), and reads the current definition under it.
 */
@Service
public class CapsuleMaintenance {

    private final Capsules capsules;
    private final CapsuleHistory history;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final PublicationProperties publication;
    private final KnownServices services;
    private final Leases leases;

    private static final String LEASE = "capsule-definitions";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    CapsuleMaintenance(Capsules capsules, CapsuleHistory history, AuditTrail audit, PlatformTransactionManager transactions,
            PublicationProperties publication, KnownServices services, Leases leases) {
        this.leases = leases;
        this.services = services;
        this.capsules = capsules;
        this.history = history;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.publication = publication;
    }

    /**
     * Refuses a caller who may not change capsules: the creation form is only for them.
     *
     * @throws ForbiddenException for an agent
     */
    public void requireMaintainer(CapsulesUser user) {
        ForbiddenException.requireMaintainer(user);
    }

    /**
     * The capsule, for a caller who may see and change it (the edit and documents pages).
     *
     * @throws CapsuleNotFoundException when the caller may not see it
     * @throws ForbiddenException when the caller may see it but not change it
     */
    public Capsule maintainable(String id, CapsulesUser user) {
        Capsule capsule = capsules.require(id, user);
        ForbiddenException.requireMaintainer(user);
        return capsule;
    }

    /** Creates a capsule (version 1); its creator becomes one of its maintainers. */
    public synchronized Capsule create(CapsuleDefinition definition, CapsulesUser user) {
        return oneAtATime(() -> {
            ForbiddenException.requireMaintainer(user);
            requireKnownServices(definition, List.of());
            CapsuleDefinition owned = definition.withMaintainers(withCaller(definition.maintainers(), user));
            CapsuleDefinition gated = publication.gate() && owned.status() == CapsuleStatus.PUBLISHED
                    ? owned.withStatus(CapsuleStatus.DRAFT) : owned;
            return recorded(() -> capsules.create(gated), user, AuditAction.CAPSULE_CREATED, change -> {
                CapsuleDefinition d = change.capsule().definition();
                return Map.of("name", d.name(), "kind", d.kind().json(), "services", d.scope().services(),
                        "status", d.status().json());
            });
        });
    }

    /** Replaces a capsule's definition (next version). */
    public synchronized Capsule update(String id, CapsuleDefinition definition, CapsulesUser user) {
        return oneAtATime(() -> {
            Capsule current = maintainable(id, user);
            requireKnownServices(definition, current.definition().scope().services());
            // A definition that names no maintainers (the form does not) keeps the current ones.
            CapsuleDefinition kept = definition.maintainers().isEmpty()
                    ? definition.withMaintainers(current.definition().maintainers())
                    : definition;
            // Only the gate publishes: a capsule not yet published stays as it is when the update asks for "published".
            CapsuleDefinition gated = publication.gate() && kept.status() == CapsuleStatus.PUBLISHED
                            && current.definition().status() != CapsuleStatus.PUBLISHED
                    ? kept.withStatus(current.definition().status()) : kept;
            return recorded(() -> capsules.update(current, gated), user, AuditAction.CAPSULE_UPDATED, change -> Map.of(
                    "previousVersion", change.previous().definition().version(),
                    "status", change.capsule().definition().status().json()));
        });
    }

    /** Retires a capsule (next version); it stays listed but answers no more. */
    public synchronized Capsule retire(String id, CapsulesUser user) {
        return oneAtATime(() -> {
            Capsule current = maintainable(id, user);
            return recorded(() -> capsules.retire(current), user, AuditAction.CAPSULE_RETIRED, change -> Map.of(
                    "previousStatus", change.previous().definition().status().json()));
        });
    }

    /**
     * Refuses a scope naming a service nobody belongs to (a typo would hide the capsule from
     * everyone); services the capsule already had are kept even if no account holds them any more.
     */
    private void requireKnownServices(CapsuleDefinition definition, List<String> alreadyThere) {
        if (definition.scope() == null || definition.scope().generic()) {
            return;
        }
        SortedSet<String> known = services.all();
        List<DefinitionProblem> problems = new ArrayList<>();
        List<String> named = definition.scope().services();
        for (int i = 0; i < named.size(); i++) {
            String service = named.get(i);
            if (!known.contains(service) && !alreadyThere.contains(service)) {
                problems.add(new DefinitionProblem("requête", "scope.services[" + i + "]",
                        "le service « " + service + " » n'existe pas" + (known.isEmpty()
                                ? " : aucun service n'est encore déclaré (fichier des utilisateurs ou fournisseur d'identité)"
                                : " ; services existants : " + String.join(", ", known))));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCapsuleDefinitionException(problems);
        }
    }

    private static List<String> withCaller(List<String> maintainers, CapsulesUser user) {
        List<String> all = new ArrayList<>(maintainers);
        if (!all.contains(user.username())) {
            all.add(user.username());
        }
        return all;
    }

    /**
     * Publishes a capsule as {@code definition} says (its current definition, or an earlier snapshot's for a
     * rollback), at the next version, for a caller the publication gate let through; {@code alsoRecord} writes
     * the version's snapshot in the same transaction as the history and the audit entry.
     */
    public synchronized Capsule publish(String id, CapsuleDefinition definition, CapsulesUser user, Map<String, ?> details,
            Consumer<CapsuleDefinition> alsoRecord) {
        return oneAtATime(() -> {
            Capsule current = maintainable(id, user);
            // A snapshot taken before capsules named their maintainers keeps the current ones.
            CapsuleDefinition kept = definition.maintainers().isEmpty()
                    ? definition.withMaintainers(current.definition().maintainers()) : definition;
            return recorded(() -> capsules.update(current, kept.withStatus(CapsuleStatus.PUBLISHED)), user,
                    AuditAction.CAPSULE_PUBLISHED, change -> details, alsoRecord);
        });
    }

    /** Runs a change holding the cluster-wide lease on capsule definitions. */
    private Capsule oneAtATime(Supplier<Capsule> change) {
        Lease lease;
        try {
            lease = leases.acquire(LEASE, PATIENCE);
        } catch (LeaseHeldException e) {
            throw new CapsuleConflictException("une autre modification de capsule est en cours (nœud " + e.holderNode()
                    + ") : réessayez dans un moment");
        }
        try (lease) {
            return change.get();
        }
    }

    private Capsule recorded(Supplier<Capsules.Change> change, CapsulesUser user, AuditAction action,
            Function<Capsules.Change, Map<String, ?>> details) {
        return recorded(change, user, action, details, d -> {});
    }

    private Capsule recorded(Supplier<Capsules.Change> change, CapsulesUser user, AuditAction action,
            Function<Capsules.Change, Map<String, ?>> details, Consumer<CapsuleDefinition> alsoRecord) {
        Capsules.Change done = change.get();
        CapsuleDefinition d = done.capsule().definition();
        try {
            transaction.executeWithoutResult(status -> {
                history.record(d, user.username());
                alsoRecord.accept(d);
                audit.record(user.username(), action, d.id(), d.version(), details.apply(done));
            });
        } catch (RuntimeException | Error e) {
            done.undo();
            throw e;
        }
        return done.capsule();
    }
}
