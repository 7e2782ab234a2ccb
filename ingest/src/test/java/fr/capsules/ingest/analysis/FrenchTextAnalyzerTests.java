package fr.capsules.ingest.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrenchTextAnalyzerTests {

    private final IndexTerms indexTerms = new IndexTerms();

    private List<String> terms(String text) {
        return indexTerms.of(text);
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
