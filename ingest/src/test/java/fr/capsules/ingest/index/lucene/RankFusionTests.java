package fr.capsules.ingest.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTests {

    @Test
    void fusedScoresAreSumsOfReciprocalRanksAndTiesGoToTheBetterLexicalRank() {
        // a: 1/61 + 1/63   c: 1/63 + 1/61   (equal: a is lexical 1st, c lexical 3rd)
        // b: 1/62          d: 1/62          (equal: b is in the lexical list, d is not)
        List<RankFusion.Fused<String>> fused =
                RankFusion.fuse(List.of("a", "b", "c"), List.of("c", "d", "a"), 10);

        assertThat(fused).extracting(RankFusion.Fused::key).containsExactly("a", "c", "b", "d");
        assertThat(fused.get(0).score()).isCloseTo(1 / 61.0 + 1 / 63.0, within(1e-12));
        assertThat(fused.get(0).score()).isEqualTo(fused.get(1).score());
        assertThat(fused.get(2).score()).isCloseTo(1 / 62.0, within(1e-12));
        assertThat(fused.get(3))
                .isEqualTo(new RankFusion.Fused<>("d", 1 / 62.0, 0, 2));
    }

    @Test
    void agreementBetweenListsOutranksTheHeadOfOneList() {
        // x: 1/61 only; y: 1/62 + 1/62 = 1/31
        List<RankFusion.Fused<String>> fused =
                RankFusion.fuse(List.of("x", "y"), List.of("z", "y"), 10);

        assertThat(fused).extracting(RankFusion.Fused::key).containsExactly("y", "x", "z");
    }

    @Test
    void theResultIsCutToTheLimitAndEmptyListsFuseToNothing() {
        assertThat(RankFusion.fuse(List.of(1, 2, 3), List.of(4, 5), 2))
                .extracting(RankFusion.Fused::key)
                .containsExactly(1, 4);
        assertThat(RankFusion.fuse(List.<Integer>of(), List.<Integer>of(), 5)).isEmpty();
    }

    @Test
    void aListOnItsOwnKeepsItsOrder() {
        assertThat(RankFusion.fuse(List.of(), List.of(7, 3, 9), 10))
                .extracting(RankFusion.Fused::key)
                .containsExactly(7, 3, 9);
    }
}
