package fr.capsules.app.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named leases in the shared database ({@code cluster_leases}): what must run on one application
 * node at a time takes one, and every other node (or request) asking for it meanwhile is refused
 * ({@link #tryAcquire}) or waits ({@link #acquire}). A lease held is renewed in the background
 * until released; one whose holder died expires after {@link ClusterProperties#leaseTtl()} and is
 * then taken over. Works on PostgreSQL and on the embedded H2 alike (plain SQL: a primary key
 * decides who inserts first, a conditional update who takes over an expired lease). Node clocks
 * are assumed to agree within a fraction of the lease's lifetime (NTP).
 */
@Component
public class Leases implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Duration ttl;
    private final String nodeName;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewals;

    Leases(JdbcClient jdbc, PlatformTransactionManager transactions, ClusterProperties properties) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Taken and released on their own, whatever transaction the caller is in.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ttl = properties.leaseTtl() == null ? Duration.ofSeconds(60) : properties.leaseTtl();
        this.nodeName = properties.nodeName() == null || properties.nodeName().isBlank() ? defaultNodeName() : properties.nodeName();
        this.clock = Clock.systemUTC();
        releaseLeftByDeadPredecessors();
        this.renewals = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("lease-renewal").factory());
        long every = Math.max(1, ttl.toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * At start, frees the leases that a previous run of this node left when it was killed: those held under this
     * node's name (a configured name is unique in the group; a default name recurs when a container restarts with
     * the same host name and process id), and, for default names, those of a process of this host that no longer
     * runs. Without this, a single service killed while re-indexing would wait for the lease's lifetime at its next
     * start before indexing that capsule again. Leases of other hosts, or of live processes, are left to expire.
     */
    private void releaseLeftByDeadPredecessors() {
        String host = hostName();
        List<String[]> rows = jdbc.sql("SELECT name, holder FROM cluster_leases")
                .query((rs, row) -> new String[] {rs.getString("name"), rs.getString("holder")}).list();
        for (String[] row : rows) {
            String node = nodeOf(row[1]);
            if (node.equals(nodeName) || deadProcessOf(host, node)) {
                int freed = jdbc.sql("DELETE FROM cluster_leases WHERE name = ? AND holder = ?").params(row[0], row[1]).update();
                if (freed == 1) {
                    log.warn("Bail {} libéré au démarrage : son détenteur ({}) était un processus arrêté de ce nœud", row[0], node);
                }
            }
        }
    }

    /** Whether {@code node} is a default name ({@code host-pid}) of this host whose process no longer runs. */
    static boolean deadProcessOf(String host, String node) {
        String prefix = host + "-";
        if (!node.startsWith(prefix)) {
            return false;
        }
        String pid = node.substring(prefix.length());
        if (pid.isEmpty() || pid.length() > 18 || !pid.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(pid)).isEmpty();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }

    private static String defaultNodeName() {
        return hostName() + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** This node's name, as leases record it. */
    public String nodeName() {
        return nodeName;
    }

    /**
     * Takes the lease now, or refuses.
     *
     * @throws LeaseHeldException when another holder has it and it has not expired
     */
    public Lease tryAcquire(String name) {
        String holder = nodeName + "#" + UUID.randomUUID();
        if (insertOrTakeOver(name, holder)) {
            Held lease = new Held(name, holder);
            held.put(holder, lease);
            return lease;
        }
        throw heldBy(name);
    }

    /**
     * Takes the lease, waiting up to {@code patience} for its holder to release it.
     *
     * @throws LeaseHeldException when it is still held after that
     */
    public Lease acquire(String name, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return tryAcquire(name);
            } catch (LeaseHeldException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(POLL);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Whether someone holds the lease now (an unexpired row). */
    public boolean isHeld(String name) {
        return !jdbc.sql("SELECT holder FROM cluster_leases WHERE name = ? AND expires_at > ?")
                .params(name, at(clock.instant())).query(String.class).list().isEmpty();
    }

    private boolean insertOrTakeOver(String name, String holder) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            Instant now = clock.instant();
            int taken = jdbc.sql("UPDATE cluster_leases SET holder = ?, acquired_at = ?, expires_at = ? WHERE name = ? AND expires_at <= ?")
                    .params(holder, at(now), at(now.plus(ttl)), name, at(now)).update();
            if (taken == 1) {
                log.warn("Bail {} repris : son détenteur précédent ne l'a pas renouvelé", name);
                return true;
            }
            return false;
        })) || insert(name, holder);
    }

    private boolean insert(String name, String holder) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                Instant now = clock.instant();
                jdbc.sql("INSERT INTO cluster_leases (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)")
                        .params(name, holder, at(now), at(now.plus(ttl))).update();
            });
            return true;
        } catch (DuplicateKeyException alreadyHeld) {
            return false;
        }
    }

    private LeaseHeldException heldBy(String name) {
        List<LeaseHeldException> found = jdbc.sql("SELECT holder, acquired_at FROM cluster_leases WHERE name = ?")
                .param(name)
                .query((rs, row) -> new LeaseHeldException(name, nodeOf(rs.getString("holder")),
                        rs.getObject("acquired_at", OffsetDateTime.class).toInstant()))
                .list();
        return found.isEmpty() ? new LeaseHeldException(name, "?", null) : found.getFirst();
    }

    private static String nodeOf(String holder) {
        int hash = holder.lastIndexOf('#');
        return hash < 0 ? holder : holder.substring(0, hash);
    }

    private void renewAll() {
        for (Held lease : held.values()) {
            try {
                Instant now = clock.instant();
                int renewed = jdbc.sql("UPDATE cluster_leases SET expires_at = ? WHERE name = ? AND holder = ?")
                        .params(at(now.plus(ttl)), lease.name, lease.holder).update();
                if (renewed == 0) {
                    log.error("Bail {} perdu (expiré puis repris par un autre nœud) pendant le travail qu'il protégeait", lease.name);
                }
            } catch (RuntimeException e) {
                log.warn("Bail {} : renouvellement en échec, nouvel essai au prochain tour", lease.name, e);
            }
        }
    }

    private void release(Held lease) {
        if (held.remove(lease.holder) == null) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("DELETE FROM cluster_leases WHERE name = ? AND holder = ?")
                    .params(lease.name, lease.holder).update());
        } catch (RuntimeException e) {
            log.warn("Bail {} : libération en échec ; il expirera de lui-même", lease.name, e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
        List.copyOf(held.values()).forEach(this::release);
    }

    private final class Held implements Lease {
        private final String name;
        private final String holder;

        Held(String name, String holder) {
            this.name = name;
            this.holder = holder;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
            release(this);
        }
    }
}
