package fr.capsules.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrenchTextAnalyzerTests {

    private final FrenchTextAnalyzer analyzer = new FrenchTextAnalyzer();

    @AfterEach
    void close() {
        analyzer.close();
    }

    private List<String> terms(String text) {
        return QueryTerms.analyse(analyzer, "text", text, Integer.MAX_VALUE).sequence();
    }

    @Test
    void elidedArticleAndPluralReduceToTheSameTerm() {
        assertThat(terms("l'établissement")).isEqualTo(terms("établissements"));
        assertThat(terms("l’établissement")).isEqualTo(terms("établissements"));
        assertThat(terms("jusqu'à l'hôpital")).isEqualTo(terms("hôpitaux"));
    }

    @Test
    void accentsAndPluralsAreFolded() {
        assertThat(terms("réclamation")).isEqualTo(terms("reclamations")).hasSize(1);
        assertThat(terms("Délais")).isEqualTo(terms("delai"));
    }

    @Test
    void stopWordsAndQuestionWordsProduceNoTerm() {
        assertThat(terms("Quel est le délai pour répondre à une réclamation ?"))
                .isEqualTo(terms("délai répondre réclamation"))
                .hasSize(3);
        assertThat(terms("Comment était-ce ?")).isEmpty();
        assertThat(terms("Comment etait-ce ?")).isEmpty();
    }
}
