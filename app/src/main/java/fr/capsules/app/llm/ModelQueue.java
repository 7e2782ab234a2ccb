package fr.capsules.app.llm;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The bounded, first-come first-served queue in front of the model server: at most {@code slots} generations at
 * once, at most {@code waiting} more waiting, each for at most {@code maxWait}. Waiters are served in arrival order
 * (a fair semaphore), so that a generation is never overtaken indefinitely; with the per-person limits on questions
 * and drafts in flight ({@code quota.FairUse}), one person's requests hold only a bounded share of the queue, and
 * another person's question waits behind at most that share. Thread-safe.
 */
@Component
public class ModelQueue {

    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ModelQueueProperties properties;

    public ModelQueue(ModelQueueProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.slots(), true);
    }

    /** Generations waiting for a slot now. */
    int waiting() {
        return waiting.get();
    }

    /** Generations parked in the slots' queue now (counted by {@link #waiting} a moment before they park there). */
    int parked() {
        return slots.getQueueLength();
    }

    /** A slot held by one generation; closing it (more than once is harmless) lets the next one in. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits for a slot.
     *
     * @throws ModelUnavailableException ({@link ModelUnavailableException.Reason#BUSY}) when the queue is full or
     *     the wait too long
     */
    public Slot enter() {
        if (waiting.incrementAndGet() > properties.waiting() && slots.availablePermits() == 0) {
            waiting.decrementAndGet();
            throw new ModelUnavailableException(ModelUnavailableException.Reason.BUSY, null, null);
        }
        boolean acquired;
        try {
            acquired = slots.tryAcquire(properties.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        } finally {
            waiting.decrementAndGet();
        }
        if (!acquired) {
            throw new ModelUnavailableException(ModelUnavailableException.Reason.BUSY, "attente trop longue", null);
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                slots.release();
            }
        };
    }
}
