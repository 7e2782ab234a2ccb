package fr.capsules.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The audit trail against a real database: an embedded H2 in PostgreSQL mode, migrated by Flyway
 * with the service's own migrations, a fresh one per test. {@link AuditTrailPostgresTests} runs the
 * same tests on PostgreSQL.
 */
class AuditTrailTests {

    private static final Instant START = Instant.parse("2025-03-14T08:00:00.123456789Z");

    protected DataSource dataSource;
    protected JdbcTemplate sql;
    private final SteppingClock clock = new SteppingClock(START);
    private AuditTrail trail;

    /** A fresh, empty database; the PostgreSQL variant overrides it. */
    protected DataSource newDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:audit-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }

    protected void dropDatabase() {
        sql.execute("SHUTDOWN");
    }

    @BeforeEach
    void migrate() {
        dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        sql = new JdbcTemplate(dataSource);
        trail = newTrail();
    }

    @AfterEach
    void drop() {
        dropDatabase();
    }

    private AuditTrail newTrail() {
        return new AuditTrail(dataSource, new JdbcTransactionManager(dataSource), clock);
    }

    private List<AuditEntry> recordFive() {
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(trail.record("inspecteur", AuditAction.ASK, "mesures-inspection", 3,
                Map.of("question", "Quelles mesures pour la contention ?", "mode", "generative")));
        entries.add(trail.record("inspecteur", AuditAction.DRAFT_CREATED, "mesures-inspection", 3, Map.of("draftId", "d-1")));
        entries.add(trail.record("reclamations", AuditAction.ASK, "reclamations", 1, Map.of("question", "Délai de réponse ?")));
        entries.add(trail.record("inspecteur", AuditAction.DRAFT_VALIDATED, "mesures-inspection", 3, Map.of("draftId", "d-1")));
        entries.add(trail.record("admin", AuditAction.CAPSULE_RETIRED, "reclamations", 2, null));
        return entries;
    }

    @Test
    void anEmptyTrailVerifiesWithTheGenesisHash() {
        ChainVerification verification = trail.verify();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isZero();
        assertThat(verification.lastHash()).isEqualTo("0".repeat(64));
    }

    @Test
    void aChainOfEntriesLinksEachHashToThePreviousOneAndVerifies() {
        List<AuditEntry> entries = recordFive();

        assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries.getFirst().previousHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).hash());
        }
        assertThat(entries).extracting(AuditEntry::hash).allMatch(h -> h.matches("[0-9a-f]{64}")).doesNotHaveDuplicates();

        ChainVerification verification = trail.verify();
        assertThat(verification).isEqualTo(new ChainVerification(true, 5, null, null, entries.getLast().hash()));
    }

    @Test
    void theRecordedInstantIsTruncatedToMicrosecondsAndReadBackExactly() {
        AuditEntry recorded = trail.record("admin", AuditAction.CAPSULE_CREATED, "charte-ia", 1, Map.of());

        assertThat(recorded.recordedAt()).isEqualTo(Instant.parse("2025-03-14T08:00:00.123456Z"));
        assertThat(trail.find(AuditQuery.all())).containsExactly(recorded);
    }

    @Test
    void concurrentAppendsFromEightThreadsAndTwoServiceInstancesFormAGapFreeChain() throws Exception {
        // Two trails on one database stand for two service instances: only the database lock
        // serialises them, while each instance's own lock serialises its threads.
        List<AuditTrail> instances = List.of(trail, newTrail());
        int threads = 8;
        int perThread = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                AuditTrail instance = instances.get(t % 2);
                String actor = "agent-" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        instance.record(actor, AuditAction.ASK, "charte-ia", 1, Map.of("question", "q" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> seqs = sql.queryForList("SELECT seq FROM audit_entries ORDER BY seq", Long.class);
        assertThat(seqs).hasSize(threads * perThread);
        assertThat(seqs.getFirst()).isEqualTo(1L);
        assertThat(seqs.getLast()).isEqualTo((long) threads * perThread);
        ChainVerification verification = trail.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(threads * perThread);
    }

    @Test
    void changingAnEntrysDetailsInTheDatabaseIsDetectedAtThatEntry() {
        recordFive();
        sql.update("UPDATE audit_entries SET details = ? WHERE seq = 3", "{\"question\":\"Délai de réponse ? Aucun.\"}");

        ChainVerification verification = trail.verify();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3L);
        assertThat(verification.entries()).isEqualTo(2);
        assertThat(verification.reason()).contains("n° 3", "modifiée");
        assertThat(verification.lastHash()).isNull();
    }

    @Test
    void changingAnEntrysActorInTheDatabaseIsDetectedAtThatEntry() {
        recordFive();
        sql.update("UPDATE audit_entries SET actor = 'agent' WHERE seq = 2");

        assertThat(trail.verify().firstBrokenSeq()).isEqualTo(2L);
    }

    @Test
    void changingAnEntryAndRecomputingItsHashBreaksTheLinkFromTheNextEntry() {
        List<AuditEntry> entries = recordFive();
        AuditEntry third = entries.get(2);
        String forged = ChainHashes.hash(3, third.recordedAt(), "agent", third.action(), third.capsuleId(),
                third.capsuleVersion(), CanonicalJson.write(third.details()), third.previousHash());
        sql.update("UPDATE audit_entries SET actor = 'agent', hash = ? WHERE seq = 3", forged);

        ChainVerification verification = trail.verify();

        assertThat(verification.firstBrokenSeq()).isEqualTo(4L);
        assertThat(verification.reason()).contains("ne suit pas");
    }

    @Test
    void deletingAMiddleEntryIsDetectedAtTheMissingSeq() {
        recordFive();
        sql.update("DELETE FROM audit_entries WHERE seq = 3");

        ChainVerification verification = trail.verify();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3L);
        assertThat(verification.reason()).contains("absente");
    }

    @Test
    void deletingAMiddleEntryAndRenumberingTheRestIsDetected() {
        recordFive();
        sql.update("DELETE FROM audit_entries WHERE seq = 3");
        sql.update("UPDATE audit_entries SET seq = seq - 1 WHERE seq > 3");

        // Renumbering leaves the head beyond the last entry, and entry 3 (former 4) links to the deleted one.
        assertThat(trail.verify().firstBrokenSeq()).isEqualTo(3L);
    }

    @Test
    void deletingTheLastEntriesIsDetectedThroughTheHeadOfTheChain() {
        recordFive();
        sql.update("DELETE FROM audit_entries WHERE seq >= 4");

        ChainVerification verification = trail.verify();

        assertThat(verification.firstBrokenSeq()).isEqualTo(4L);
        assertThat(verification.entries()).isEqualTo(3);
    }

    @Test
    void swappingTwoEntriesIsDetectedAtTheFirstOfThem() {
        recordFive();
        // Move row 2's content to seq 3 and row 3's to seq 2, hashes included.
        sql.update("UPDATE audit_entries SET seq = 100 WHERE seq = 2");
        sql.update("UPDATE audit_entries SET seq = 2 WHERE seq = 3");
        sql.update("UPDATE audit_entries SET seq = 3 WHERE seq = 100");

        assertThat(trail.verify().firstBrokenSeq()).isEqualTo(2L);
    }

    @Test
    void appendingContinuesTheChainAfterAVerification() {
        recordFive();
        trail.verify();
        AuditEntry sixth = trail.record("admin", AuditAction.CAPSULE_REINDEXED, "charte-ia", 1, Map.of("documents", 4));

        assertThat(sixth.seq()).isEqualTo(6L);
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void entriesComeNewestFirstWithLimitAndOffset() {
        recordFive();

        assertThat(trail.find(AuditQuery.all())).extracting(AuditEntry::seq).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(trail.find(AuditQuery.all().page(2, 1))).extracting(AuditEntry::seq).containsExactly(4L, 3L);
    }

    @Test
    void entriesFilterByActorCapsuleAndAction() {
        recordFive();

        assertThat(trail.find(AuditQuery.all().byActor("inspecteur"))).extracting(AuditEntry::seq).containsExactly(4L, 2L, 1L);
        assertThat(trail.find(AuditQuery.all().byCapsule("reclamations"))).extracting(AuditEntry::seq).containsExactly(5L, 3L);
        assertThat(trail.find(AuditQuery.all().byAction(AuditAction.ASK))).extracting(AuditEntry::seq).containsExactly(3L, 1L);
        assertThat(trail.find(AuditQuery.all().byActor("inspecteur").byAction(AuditAction.ASK)))
                .extracting(AuditEntry::seq)
                .containsExactly(1L);
        assertThat(trail.find(AuditQuery.all().byActor("personne"))).isEmpty();
    }

    @Test
    void aTimeRangeIncludesItsStartAndExcludesItsEnd() {
        List<AuditEntry> entries = recordFive();
        Instant second = entries.get(1).recordedAt();
        Instant fourth = entries.get(3).recordedAt();

        assertThat(trail.find(AuditQuery.all().between(second, fourth))).extracting(AuditEntry::seq).containsExactly(3L, 2L);
        assertThat(trail.find(AuditQuery.all().between(fourth, null))).extracting(AuditEntry::seq).containsExactly(5L, 4L);
        assertThat(trail.find(AuditQuery.all().between(null, second))).extracting(AuditEntry::seq).containsExactly(1L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void detailsWithAccentsAndNestedValuesRoundTripAndHashIdentically() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zèbre", null);
        nested.put("colonnes", List.of("écart", "mesure", 2.50, 3, true));
        nested.put("échéance", Map.of("mois", 6));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("question", "Quel délai pour une injonction « urgente » ? L'EHPAD n'a pas répondu.\nLigne 2\t\"citée\"");
        details.put("tableau", nested);
        details.put("emoji", "🙂 ça marche");
        details.put("contrôle", "a\u0000b");
        details.put("ratio", 0.1);

        AuditEntry recorded = trail.record("référente.é", AuditAction.DRAFT_CREATED, "mesures-inspection", 3, details);
        AuditEntry found = trail.find(AuditQuery.all()).getFirst();

        assertThat(found).isEqualTo(recorded);
        assertThat(found.details().get("question")).isEqualTo(details.get("question"));
        assertThat(found.details().get("contrôle")).isEqualTo("a\u0000b");
        assertThat(found.details().get("emoji")).isEqualTo("🙂 ça marche");
        Map<String, Object> table = (Map<String, Object>) found.details().get("tableau");
        assertThat(table).containsKeys("colonnes", "zèbre", "échéance");
        assertThat((List<Object>) table.get("colonnes")).containsExactly("écart", "mesure", new BigDecimal("2.5"), 3, true);
        // What is read back writes out to the very text that was hashed.
        String stored = sql.queryForObject("SELECT details FROM audit_entries WHERE seq = 1", String.class);
        assertThat(CanonicalJson.write(found.details())).isEqualTo(stored).isEqualTo(CanonicalJson.write(details));
        assertThat(stored).startsWith("{\"contrôle\":\"a\\u0000b\",\"emoji\":");
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void aMissingActorIsAnonymousAndAnOverlongOneIsCut() {
        AuditEntry anonymous = trail.record(" ", AuditAction.LOGIN_FAILED, null, null, Map.of());
        AuditEntry longName = trail.record("x".repeat(500) + "\u0000", AuditAction.LOGIN_FAILED, null, null, Map.of());
        AuditEntry control = trail.record("=cmd\u0000|calc", AuditAction.LOGIN_FAILED, null, null, Map.of());

        assertThat(anonymous.actor()).isEqualTo(AuditTrail.ANONYMOUS);
        assertThat(longName.actor()).isEqualTo("x".repeat(64));
        assertThat(control.actor()).isEqualTo("=cmd\uFFFD|calc");
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void detailsThatHaveNoStableFormAreRefused() {
        assertThatThrownBy(() -> trail.record("admin", AuditAction.ASK, null, null, Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trail.record("admin", AuditAction.ASK, null, null, Map.of("x", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(trail.find(AuditQuery.all())).isEmpty();
    }

    @Test
    void aQueryRefusesALimitOutsideOneToTenThousandAndAnEmptyPeriod() {
        assertThatThrownBy(() -> AuditQuery.all().page(0, 0)).isInstanceOf(InvalidAuditQueryException.class);
        assertThatThrownBy(() -> AuditQuery.all().page(10_001, 0)).isInstanceOf(InvalidAuditQueryException.class);
        assertThatThrownBy(() -> AuditQuery.all().page(10, -1)).isInstanceOf(InvalidAuditQueryException.class);
        assertThatThrownBy(() -> AuditQuery.all().between(START, START)).isInstanceOf(InvalidAuditQueryException.class);
        assertThat(AuditQuery.all().page(10_000, 0).limit()).isEqualTo(10_000);
    }

    /** A clock that moves one minute forward each time it is read. */
    static final class SteppingClock extends Clock {

        private Instant next;

        SteppingClock(Instant start) {
            this.next = start;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plus(Duration.ofMinutes(1));
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
