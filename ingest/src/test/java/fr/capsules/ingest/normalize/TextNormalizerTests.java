package fr.capsules.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void ligaturesAreUnfoldedButFrenchLettersAreKept() {
        assertThat(normalizer.normalize("La signi\uFB01cation du ﬂux de l'œuvre, cæcum"))
                .isEqualTo("La signification du flux de l'œuvre, cæcum");
    }

    @Test
    void noBreakAndNarrowNoBreakSpacesBecomePlainSpaces() {
        assertThat(normalizer.normalize("Délai\u00A0: 15\u202Fjours\u00A0!"))
                .isEqualTo("Délai : 15 jours !");
    }

    @Test
    void curlyApostrophesBecomeStraightAndDashesAreKept() {
        assertThat(normalizer.normalize("L’établissement — l’EHPAD « Les Tilleuls » – a répondu"))
                .isEqualTo("L'établissement — l'EHPAD « Les Tilleuls » – a répondu");
    }

    @Test
    void softHyphensAndInvisibleCharactersAreRemoved() {
        assertThat(normalizer.normalize("\uFEFFpré\u00ADvention\u200B des chutes\u0007"))
                .isEqualTo("prévention des chutes");
    }

    @Test
    void superscriptsAndOrdinalIndicatorsKeepTheirMeaning() {
        assertThat(normalizer.normalize("Chambre de 12 m² — arrêté nº 2024-15"))
                .isEqualTo("Chambre de 12 m² — arrêté nº 2024-15");
    }

    @Test
    void wordHyphenatedAtLineEndIsRejoined() {
        assertThat(normalizer.normalize("La réglemen-\ntation impose une traça-\r\nbilité des soins."))
                .isEqualTo("La réglementation impose une traçabilité des soins.");
    }

    @Test
    void softHyphenAtLineEndRejoinsTheWord() {
        assertThat(normalizer.normalize("la régle\u00AD\nmentation")).isEqualTo("la réglementation");
    }

    @Test
    void compoundTailsKeepTheirHyphenWithoutSpace() {
        assertThat(normalizer.normalize("Le dossier est peut-\nêtre incomplet : celle-\nci manque, a-t-\nil dit."))
                .isEqualTo("Le dossier est peut-être incomplet : celle-ci manque, a-t-il dit.");
    }

    @Test
    void hyphenatedPrefixesKeepTheirHyphen() {
        assertThat(normalizer.normalize("Une non-\nconformité relevée en sous-\ntraitance, c'est-à-\ndire hors site."))
                .isEqualTo("Une non-conformité relevée en sous-traitance, c'est-à-dire hors site.");
    }

    @Test
    void hyphenBeforeUppercaseOrDigitIsKeptWithoutSpace() {
        assertThat(normalizer.normalize("Agence de Saint-\nÉtienne, article L. 1112-\n3 du code"))
                .isEqualTo("Agence de Saint-Étienne, article L. 1112-3 du code");
    }

    @Test
    void dashUsedAsPunctuationAtLineEndIsNotGluedToTheNextLine() {
        assertThat(normalizer.normalize("Constat n° 3 -\nabsence de registre"))
                .isEqualTo("Constat n° 3 - absence de registre");
    }

    @Test
    void lineWrapsInsideAParagraphBecomeSpacesAndBlankLinesSeparateParagraphs() {
        String raw = "  Lors de la visite du 3 avril,\nles inspecteurs ont constaté\n\n\n"
                + "l'absence de protocole.  \n \t\nLa direction a été informée.   ";

        assertThat(normalizer.normalize(raw))
                .isEqualTo("Lors de la visite du 3 avril, les inspecteurs ont constaté\n\n"
                        + "l'absence de protocole.\n\nLa direction a été informée.");
    }

    @Test
    void formFeedSeparatesParagraphs() {
        assertThat(normalizer.normalize("fin de page\fdébut de page")).isEqualTo("fin de page\n\ndébut de page");
    }

    @Test
    void listItemsKeepTheirLineBreak() {
        assertThat(normalizer.normalize("Pièces demandées :\n- le registre des plaintes ;\n- le protocole\nde contention."))
                .isEqualTo("Pièces demandées :\n- le registre des plaintes ;\n- le protocole de contention.");
    }

    @Test
    void runsOfSpacesCollapseAndTabsAbsorbSurroundingSpaces() {
        assertThat(normalizer.normalize("Écart   n°  1 \t  Mesure")).isEqualTo("Écart n° 1\tMesure");
    }

    @Test
    void nullAndBlankInputsGiveEmptyText() {
        assertThat(normalizer.normalize(null)).isEmpty();
        assertThat(normalizer.normalize(" \u00A0\n\t\n")).isEmpty();
    }

    @Test
    void inlineFormPutsEverythingOnOneLine() {
        assertThat(normalizer.normalizeInline("Délai de\nmise en confor-\nmité\n\n(en jours)\tmax"))
                .isEqualTo("Délai de mise en conformité (en jours) max");
    }
}
