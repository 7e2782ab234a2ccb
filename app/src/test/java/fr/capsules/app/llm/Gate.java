package fr.capsules.app.llm;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A gate requests wait at while a test holds it closed; open by default. */
final class Gate {

    private static final long LONGEST_HOLD_SECONDS = 120;

    private volatile CountDownLatch latch = new CountDownLatch(0);

    void close() {
        latch = new CountDownLatch(1);
    }

    void open() {
        latch.countDown();
    }

    /** Waits while the gate is closed (at most two minutes, so a forgetful test cannot hang the server). */
    void pass() {
        try {
            latch.await(LONGEST_HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
