package fr.capsules.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One normaliser of legal references, for the cell check and for scoring a proposed reference against the real one. */
class LegalReferencesTests {

    @Test
    void anArticleIsTheSameWhateverItsSpellingAndTheWayItsCodeIsNamed() {
        assertThat(LegalReferences.items("art. L. 311-3 CASF")).containsExactly("L311-3 casf");
        assertThat(LegalReferences.items("article L311-3 du code de l'action sociale et des familles")).containsExactly("L311-3 casf");
        assertThat(LegalReferences.same("art. L. 311-3 CASF", "article L311-3 du code de l'action sociale et des familles")).isTrue();
        assertThat(LegalReferences.same("articles R.4311-7 et R.4312-38 du code de la santé publique (CSP)",
                "articles R.4311-7 et R.4312-38 du CSP")).isTrue();
        // The alinea is not part of the article's identity.
        assertThat(LegalReferences.same("article L.311-3 (1°) du CASF", "article L.311-3 du CASF")).isTrue();
    }

    @Test
    void theSameNumberInAnotherCodeIsAnotherArticle() {
        assertThat(LegalReferences.same("article L.1110-5 du CSP", "article L.1110-5 du CASF")).isFalse();
        // A number whose code is not named matches it in any code.
        assertThat(LegalReferences.same("L.1110-5", "article L.1110-5 du CSP")).isTrue();
    }

    @Test
    void theCodeOfAClauseAppliesToEachOfItsArticlesAndClausesAreReadApart() {
        assertThat(LegalReferences.items("article L.313-26 du CASF ; articles R.4311-4 et R.4311-5 du CSP"))
                .containsExactlyInAnyOrder("L313-26 casf", "R4311-4 csp", "R4311-5 csp");
        assertThat(LegalReferences.items("l'article L.6211-2 du CSP et la norme NF EN ISO 15189 (§ 6.6)"))
                .containsExactlyInAnyOrder("L6211-2 csp", "~15189 6 iso nf norme");
        // A range keeps its two ends.
        assertThat(LegalReferences.articles("articles L.311-6 et D.311-3 à D.311-32-1 du CASF"))
                .containsExactly("L311-6", "D311-3", "D311-32-1");
    }

    @Test
    void aTextWithoutArticleIsReadByItsDistinctiveWords() {
        assertThat(LegalReferences.same("recommandations de bonnes pratiques de l'OMéDIT", "recommandations OMéDIT")).isTrue();
        assertThat(LegalReferences.same("RBPP ANESM « Qualité de vie en EHPAD » (volet 2, 2011)",
                "RBPP ANESM « Qualité de vie en EHPAD » (volet 4)")).isFalse();
        assertThat(LegalReferences.same("norme NF EN ISO 15189 (§ 8.8)", "norme NF EN ISO 15189 (§ 8.9)")).isFalse();
        assertThat(LegalReferences.items("article L.311-3 (1°) du CASF (respect de la vie privée et de l'intimité)"))
                .containsExactly("L311-3 casf");
        assertThat(LegalReferences.items("")).isEmpty();
    }

    @Test
    void partOfAReferenceInCommonIsAnOverlapNotTheSameReference() {
        String real = "article R.4312-38 du CSP ; recommandations de bonnes pratiques de l'OMéDIT";
        assertThat(LegalReferences.same("article R.4312-38 du CSP", real)).isFalse();
        assertThat(LegalReferences.overlap("article R.4312-38 du CSP", real)).isTrue();
        assertThat(LegalReferences.overlap("recommandations OMéDIT", real)).isTrue();
        assertThat(LegalReferences.overlap("article R.4312-38 du CASF", real)).isFalse();
        assertThat(LegalReferences.overlap("à compléter", real)).isFalse();
    }
}
