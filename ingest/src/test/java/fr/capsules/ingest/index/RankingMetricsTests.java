package fr.capsules.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingMetricsTests {

    @Test
    void hitsAndReciprocalRanksCountEachDocumentAtItsFirstPosition() {
        RankingMetrics metrics = new RankingMetrics();

        metrics.add(List.of("a", "b"), "a"); // rank 1
        metrics.add(List.of("b", "b", "b", "a"), "a"); // rank 2 once b is deduplicated
        metrics.add(List.of("1", "2", "3", "4", "5", "6", "a"), "a"); // rank 7
        metrics.add(List.of("b"), "a"); // absent

        assertThat(metrics.count()).isEqualTo(4);
        assertThat(metrics.hitAt1()).isEqualTo(0.25);
        assertThat(metrics.hitAt5()).isEqualTo(0.5);
        assertThat(metrics.mrrAt10()).isCloseTo((1 + 0.5 + 1.0 / 7) / 4, within(1e-9));
        assertThat(metrics.toString()).contains("hit@1").contains("0.250");
    }

    @Test
    void noQuestionMeansZeroRatherThanNaN() {
        assertThat(new RankingMetrics().mrrAt10()).isZero();
    }
}
