package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class OverlappingGlyphsTests {

    /**
     * PDFBox 3's own code ({@code PDFTextStripper.processTextPosition}, duplicate suppression),
     * copied as it is, to compare decisions with.
     */
    private static final class PdfBoxSuppression {
        private final Map<String, TreeMap<Float, TreeSet<Float>>> characterListMapping = new HashMap<>();

        void clear() {
            characterListMapping.clear();
        }

        boolean isDuplicate(String textCharacter, float textX, float textY, float width) {
            TreeMap<Float, TreeSet<Float>> sameTextCharacters = characterListMapping
                    .computeIfAbsent(textCharacter, k -> new TreeMap<>());
            boolean suppressCharacter = false;
            float tolerance = width / textCharacter.length() / 3.0f;
            SortedMap<Float, TreeSet<Float>> xMatches = sameTextCharacters.subMap(textX - tolerance,
                    textX + tolerance);
            for (TreeSet<Float> xMatch : xMatches.values()) {
                SortedSet<Float> yMatches = xMatch.subSet(textY - tolerance, textY + tolerance);
                if (!yMatches.isEmpty()) {
                    suppressCharacter = true;
                    break;
                }
            }
            if (!suppressCharacter) {
                TreeSet<Float> ySet = sameTextCharacters.computeIfAbsent(textX, k -> new TreeSet<>());
                ySet.add(textY);
            }
            return suppressCharacter;
        }
    }

    private static final String[] TEXTS = {"e", "a", "é", "ﬁ", "fi", "", " ", "\u0301", "€", "Ω"};
    private static final float[] ODD = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE};

    @Test
    void decidesAsPdfBoxOnPagesOfOverprintedText() {
        Random random = new Random(20261202L);
        for (int page = 0; page < 300; page++) {
            comparePage(random, 50 + random.nextInt(3000), false);
        }
    }

    @Test
    void decidesAsPdfBoxWithOddNumbersAndNegativeWidths() {
        Random random = new Random(7L);
        for (int page = 0; page < 300; page++) {
            comparePage(random, 1 + random.nextInt(400), true);
        }
    }

    @Test
    void decidesAsPdfBoxWhenOneTextIsDrawnThousandsOfTimes() {
        Random random = new Random(11L);
        OverlappingGlyphs ours = new OverlappingGlyphs();
        PdfBoxSuppression theirs = new PdfBoxSuppression();
        int duplicates = 0;
        for (int i = 0; i < 4 * OverlappingGlyphs.MAX_SORTED; i++) {
            // dot leaders over eight lines, then the same lines drawn again, some dots a little apart
            float x = 50 + (i % 400) * 1.5f + (random.nextInt(4) == 0 ? 0.1f : 0f);
            float y = 100 + (i / 400 % 8) * 12f + (random.nextInt(8) == 0 ? 1f : 0f);
            boolean expected = theirs.isDuplicate(".", x, y, 2.5f);
            assertThat(ours.isDuplicate(".", x, y, 2.5f)).as("glyph %d", i).isEqualTo(expected);
            duplicates += expected ? 1 : 0;
        }
        assertThat(duplicates).isPositive();
    }

    @Test
    void forgetsThePreviousPage() {
        OverlappingGlyphs glyphs = new OverlappingGlyphs();
        assertThat(glyphs.isDuplicate("a", 10, 10, 6)).isFalse();
        assertThat(glyphs.isDuplicate("a", 10.5f, 10, 6)).isTrue();
        assertThat(glyphs.isDuplicate("b", 10, 10, 6)).isFalse();
        glyphs.clear();
        assertThat(glyphs.isDuplicate("a", 10, 10, 6)).isFalse();
    }

    @Test
    void aNegativeWidthFailsAsInPdfBox() {
        assertThatThrownBy(() -> new OverlappingGlyphs().isDuplicate("a", 10, 10, -6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PdfBoxSuppression().isDuplicate("a", 10, 10, -6))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void comparePage(Random random, int glyphs, boolean odd) {
        OverlappingGlyphs ours = new OverlappingGlyphs();
        PdfBoxSuppression theirs = new PdfBoxSuppression();
        float[] recentX = new float[8];
        float[] recentY = new float[8];
        for (int i = 0; i < glyphs; i++) {
            String text = TEXTS[random.nextInt(random.nextBoolean() ? 2 : TEXTS.length)];
            float x;
            float y;
            if (i > 0 && random.nextInt(3) == 0) {
                // near or on a recent glyph: overprinting, kerning, a diacritic drawn apart
                int k = random.nextInt(Math.min(i, recentX.length));
                x = recentX[k] + (random.nextInt(5) - 2) * random.nextFloat();
                y = recentY[k] + (random.nextInt(3) - 1) * random.nextFloat();
            } else {
                x = 40 + random.nextInt(500) + random.nextInt(4) * 0.25f;
                y = 60 + random.nextInt(60) * 12f;
            }
            float width = random.nextInt(10) == 0 ? 0f : 2 + random.nextFloat() * 6;
            if (odd && random.nextInt(4) == 0) {
                switch (random.nextInt(4)) {
                    case 0 -> x = ODD[random.nextInt(ODD.length)];
                    case 1 -> y = ODD[random.nextInt(ODD.length)];
                    case 2 -> width = ODD[random.nextInt(ODD.length)];
                    default -> width = -width;
                }
            }
            recentX[i % recentX.length] = x;
            recentY[i % recentY.length] = y;
            float gx = x;
            float gy = y;
            float gw = width;
            Object expected = outcome(() -> theirs.isDuplicate(text, gx, gy, gw));
            Object actual = outcome(() -> ours.isDuplicate(text, gx, gy, gw));
            assertThat(actual).as("glyph %d %s at %s,%s width %s", i, text, x, y, width).isEqualTo(expected);
        }
    }

    private static Object outcome(BooleanSupplier decision) {
        try {
            return decision.getAsBoolean();
        } catch (IllegalArgumentException e) {
            return IllegalArgumentException.class;
        }
    }
}
