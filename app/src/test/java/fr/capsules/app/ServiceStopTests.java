package fr.capsules.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

/** Start-up work fails the start for its own errors, not for a stop that began meanwhile. */
class ServiceStopTests {

    private static final Logger log = LoggerFactory.getLogger(ServiceStopTests.class);

    @Test
    void aFailureWhileRunningIsTheWorksOwnUnlessAStopBeganMeanwhile() {
        ServiceStop stop = new ServiceStop();
        assertThatThrownBy(() -> stop.unlessStopping("travail", log, () -> {
            throw new IllegalStateException("a real error");
        })).hasMessage("a real error");

        stop.unlessStopping("travail", log, () -> {
            stop.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
            throw new IllegalStateException("the pool is closed");
        });
        assertThat(stop.requested()).isTrue();
    }

    @Test
    void workNotBegunBeforeAStopIsNotBegun() {
        ServiceStop stop = new ServiceStop();
        stop.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
        AtomicBoolean ran = new AtomicBoolean();
        stop.unlessStopping("travail", log, () -> ran.set(true));
        assertThat(ran).isFalse();
    }
}
