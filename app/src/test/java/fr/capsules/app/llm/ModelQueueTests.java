package fr.capsules.app.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ModelQueueTests {

    @Test
    void waitersAreServedInArrivalOrder() throws Exception {
        ModelQueue queue = new ModelQueue(new ModelQueueProperties(1, 10, Duration.ofSeconds(10)));
        ModelQueue.Slot held = queue.enter();
        List<Integer> served = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            int n = i;
            Thread.ofVirtual().start(() -> {
                try (ModelQueue.Slot slot = queue.enter()) {
                    served.add(n);
                }
                done.countDown();
            });
            // each waiter is parked in the fair queue before the next one arrives ("waiting" counts it a moment
            // earlier, before it reaches the semaphore, which let the next one overtake it)
            while (queue.parked() < n + 1) {
                Thread.onSpinWait();
            }
        }

        held.close();

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(served).containsExactly(0, 1, 2);
    }

    @Test
    void aFullQueueRefusesAtOnceAsBusy() throws Exception {
        ModelQueue queue = new ModelQueue(new ModelQueueProperties(1, 1, Duration.ofSeconds(10)));
        ModelQueue.Slot held = queue.enter();
        Thread waiter = Thread.ofVirtual().start(() -> queue.enter().close());
        while (queue.waiting() < 1) {
            Thread.onSpinWait();
        }

        assertThatThrownBy(queue::enter).isInstanceOfSatisfying(ModelUnavailableException.class,
                e -> assertThat(e.reason()).isEqualTo(ModelUnavailableException.Reason.BUSY));

        held.close();
        waiter.join(10_000);
        assertThat(waiter.isAlive()).isFalse();
    }

    @Test
    void aWaitPastTheLimitIsRefusedAsBusyAndASlotIsGivenBackOnce() {
        ModelQueue queue = new ModelQueue(new ModelQueueProperties(1, 5, Duration.ofMillis(50)));
        ModelQueue.Slot held = queue.enter();

        assertThatThrownBy(queue::enter).isInstanceOf(ModelUnavailableException.class).hasMessageContaining("attente");

        held.close();
        held.close();
        ModelQueue.Slot next = queue.enter();
        assertThatThrownBy(queue::enter).isInstanceOf(ModelUnavailableException.class);
        next.close();
    }
}
