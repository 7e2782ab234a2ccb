package fr.capsules.app.quota;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Per-person limits on questions and drafts: so many under way at once (a semaphore each), so many per minute (a
 * Bucket4j token bucket each, refilled continuously). A request over either limit is refused at once with the delay
 * after which it would pass; nothing waits here. Counters live in this instance's memory: with several application
 * nodes, each applies the limits on its own. Thread-safe.
 */
@Component
public class FairUse {

    /** Whoever is refused for requests in flight tries again after this. */
    private static final Duration IN_FLIGHT_RETRY = Duration.ofSeconds(5);

    private final FairUseProperties properties;
    private final Map<Key, Counters> counters = new ConcurrentHashMap<>();

    FairUse(FairUseProperties properties) {
        this.properties = properties;
    }

    private record Key(String username, Activity activity) {}

    private record Counters(Semaphore inFlight, Bucket perMinute) {}

    /** Held while a request is under way; closing it (more than once is harmless) frees its place. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Admits one request of {@code username}, or refuses it.
     *
     * @throws TooManyRequestsException when the person already has as many under way, or used up the minute's share
     */
    public Permit admit(String username, Activity activity) {
        FairUseProperties.Limit limit = activity == Activity.QUESTION ? properties.questions() : properties.drafts();
        Counters mine = counters.computeIfAbsent(new Key(username, activity), key -> new Counters(
                new Semaphore(limit.inFlight()),
                Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.perMinute())
                        .refillGreedy(limit.perMinute(), Duration.ofMinutes(1)).build()).build()));
        if (!mine.inFlight().tryAcquire()) {
            throw new TooManyRequestsException("vous avez déjà " + limit.inFlight() + " " + (limit.inFlight() == 1
                    ? activity.singular() + " en cours" : activity.plural() + " en cours")
                    + " : attendez la fin d'une réponse avant d'en demander une autre", IN_FLIGHT_RETRY);
        }
        ConsumptionProbe probe = mine.perMinute().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            mine.inFlight().release();
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw new TooManyRequestsException("vous avez envoyé plus de " + limit.perMinute() + " " + activity.plural()
                    + " en une minute : réessayez dans " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s", wait);
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                mine.inFlight().release();
            }
        };
    }
}
