package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRangesTests {

    @Test
    void runsOfPagesAreCollapsed() {
        assertThat(PageRanges.of(List.of(9, 1, 2, 3, 7, 8, 12))).isEqualTo("pages 1 à 3, 7 à 9, 12");
        assertThat(PageRanges.of(List.of(4))).isEqualTo("page 4");
        assertThat(PageRanges.of(List.of(4, 5))).isEqualTo("pages 4, 5");
    }
}
