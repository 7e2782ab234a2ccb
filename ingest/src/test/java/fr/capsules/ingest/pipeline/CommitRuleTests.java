package fr.capsules.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommitRuleTests {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final CommitRule DEFAULT = CommitRule.DEFAULT;

    @Test
    void theDefaultCommitsThirtyTwoFilesOnceASecondHasPassed() {
        assertThat(DEFAULT.due(32, 1000, SECOND - 1)).isFalse();
        assertThat(DEFAULT.due(32, 1000, SECOND)).isTrue();
        assertThat(DEFAULT.due(31, 1000, 3600 * SECOND)).isFalse();
        assertThat(DEFAULT.due(0, 0, 3600 * SECOND)).isFalse();
    }

    @Test
    void theDefaultCommitsAtOnceWhenTooMuchIsPending() {
        assertThat(DEFAULT.due(1023, 1000, 0)).isFalse();
        assertThat(DEFAULT.due(1024, 1000, 0)).isTrue();
        assertThat(DEFAULT.due(1, (64L << 20) - 1, 0)).isFalse();
        assertThat(DEFAULT.due(1, 64L << 20, 0)).isTrue();
    }

    @Test
    void everyFilesIgnoresTime() {
        CommitRule rule = CommitRule.everyFiles(32);
        assertThat(rule.due(31, Long.MAX_VALUE - 1, 0)).isFalse();
        assertThat(rule.due(32, 0, 0)).isTrue();
    }

    @Test
    void anInconsistentRuleIsRefused() {
        assertThatThrownBy(() -> new CommitRule(10, Duration.ZERO, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommitRule(0, Duration.ZERO, 5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
