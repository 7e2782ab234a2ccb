package fr.capsules.ingest.ocr;

/**
 * Character error rate: the edit distance (insertions, deletions, substitutions) between the
 * recognised text and the reference, over the reference's length, after both are normalised the
 * same way (whitespace collapsed, typographic apostrophes and dashes as typed).
 */
public final class CharacterErrorRate {

    private CharacterErrorRate() {}

    public static double of(String reference, String recognised) {
        String expected = normalise(reference);
        String actual = normalise(recognised);
        return expected.isEmpty() ? (actual.isEmpty() ? 0 : 1) : (double) distance(expected, actual) / expected.length();
    }

    static String normalise(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u2013', '-').replace('\u2014', '-')
                .replaceAll("\\s+", " ").strip();
    }

    /** Levenshtein distance over two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
