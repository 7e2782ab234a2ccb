package fr.capsules.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Leases against a real database (H2 in PostgreSQL mode, migrated by the service's migrations;
 * {@link LeasesPostgresTests} runs the same on PostgreSQL). Two {@link Leases} on one database
 * stand for two application nodes.
 */
class LeasesTests {

    protected DataSource dataSource;
    private final List<Leases> nodes = new ArrayList<>();

    protected DataSource newDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:leases-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }

    protected void dropDatabase() {
        JdbcClient.create(dataSource).sql("SHUTDOWN").update();
    }

    @BeforeEach
    void migrate() {
        dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void drop() {
        nodes.forEach(Leases::destroy);
        dropDatabase();
    }

    private Leases node(String name, Duration ttl) {
        Leases leases = new Leases(JdbcClient.create(dataSource), new JdbcTransactionManager(dataSource),
                new ClusterProperties(name, ttl));
        nodes.add(leases);
        return leases;
    }

    private void leftBehind(String name, String holder) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        JdbcClient.create(dataSource).sql("INSERT INTO cluster_leases (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(name, holder, now, now.plusMinutes(10)).update();
    }

    @Test
    void aNodeRestartedAfterAKillFreesWhatItsDeadPredecessorHeldAndNothingElse() throws Exception {
        String host = java.net.InetAddress.getLocalHost().getHostName();
        // A process of this host that has ended: its pid is no longer running.
        Process ended = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ended.waitFor();
        leftBehind("index:reclamations", "noeud-a#" + UUID.randomUUID());
        leftBehind("index:rh", host + "-" + ended.pid() + "#" + UUID.randomUUID());
        leftBehind("index:charte", "noeud-b#" + UUID.randomUUID());
        leftBehind("index:tableaux", host + "-" + ProcessHandle.current().pid() + "#" + UUID.randomUUID());
        leftBehind("index:ailleurs", "autre-machine-" + ended.pid() + "#" + UUID.randomUUID());

        Leases restarted = node("noeud-a", Duration.ofSeconds(60));

        // Its own name's lease and the dead local process's are free at once ...
        restarted.tryAcquire("index:reclamations").close();
        restarted.tryAcquire("index:rh").close();
        // ... another node's, a live process's of this host, and another host's are left to expire.
        for (String kept : List.of("index:charte", "index:tableaux", "index:ailleurs")) {
            assertThatThrownBy(() -> restarted.tryAcquire(kept)).as(kept).isInstanceOf(LeaseHeldException.class);
        }
    }

    @Test
    void aLeaseHeldByOneNodeIsRefusedToTheOtherUntilReleased() {
        Leases a = node("noeud-a", Duration.ofSeconds(60));
        Leases b = node("noeud-b", Duration.ofSeconds(60));
        Lease held = a.tryAcquire("index:reclamations");
        assertThatThrownBy(() -> b.tryAcquire("index:reclamations"))
                .isInstanceOfSatisfying(LeaseHeldException.class, e -> {
                    assertThat(e.holderNode()).isEqualTo("noeud-a");
                    assertThat(e.since()).isNotNull();
                });
        // The same node is refused too: a lease is not re-entrant.
        assertThatThrownBy(() -> a.tryAcquire("index:reclamations")).isInstanceOf(LeaseHeldException.class);
        // Other names are free.
        b.tryAcquire("index:rh").close();
        assertThat(b.isHeld("index:reclamations")).isTrue();
        held.close();
        held.close();
        assertThat(b.isHeld("index:reclamations")).isFalse();
        b.tryAcquire("index:reclamations").close();
    }

    @Test
    void aHolderThatStillRunsRenewsItsLeaseBeyondItsLifetime() throws Exception {
        Leases a = node("noeud-a", Duration.ofMillis(600));
        Leases b = node("noeud-b", Duration.ofMillis(600));
        try (Lease held = a.tryAcquire("publication:rh")) {
            Thread.sleep(2_000);
            assertThatThrownBy(() -> b.tryAcquire("publication:rh")).isInstanceOf(LeaseHeldException.class);
        }
        b.tryAcquire("publication:rh").close();
    }

    @Test
    void theLeaseOfANodeThatDiedIsTakenOverOnceExpired() {
        Leases b = node("noeud-b", Duration.ofSeconds(60));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        JdbcClient.create(dataSource).sql("INSERT INTO cluster_leases (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)")
                .params("index:reclamations", "noeud-mort#1", now.minusMinutes(5), now.minusSeconds(1)).update();
        assertThat(b.isHeld("index:reclamations")).isFalse();
        try (Lease taken = b.tryAcquire("index:reclamations")) {
            assertThat(JdbcClient.create(dataSource).sql("SELECT holder FROM cluster_leases WHERE name = ?")
                    .param("index:reclamations").query(String.class).single()).startsWith("noeud-b#");
        }
    }

    @Test
    void waitingForALeaseGetsItWhenReleasedOrGivesUpAfterThePatience() throws Exception {
        Leases a = node("noeud-a", Duration.ofSeconds(60));
        Leases b = node("noeud-b", Duration.ofSeconds(60));
        Lease held = a.tryAcquire("capsule-definitions");
        assertThatThrownBy(() -> b.acquire("capsule-definitions", Duration.ofMillis(500))).isInstanceOf(LeaseHeldException.class);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            held.close();
        });
        b.acquire("capsule-definitions", Duration.ofSeconds(10)).close();
    }

    @Test
    void ofManyConcurrentTakersOnTwoNodesExactlyOneHoldsTheLeaseAtATime() throws Exception {
        List<Leases> both = List.of(node("noeud-a", Duration.ofSeconds(60)), node("noeud-b", Duration.ofSeconds(60)));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Leases leases = both.get(t % 2);
            runs.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 25; i++) {
                    try (Lease lease = leases.tryAcquire("index:sante-env")) {
                        won.incrementAndGet();
                        if (inside.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        Thread.sleep(1);
                        inside.decrementAndGet();
                    } catch (LeaseHeldException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        threads.shutdown();
        assertThat(overlaps.get()).isZero();
        assertThat(won.get()).isPositive();
        assertThat(won.get() + refused.get()).isEqualTo(200);
    }
}
