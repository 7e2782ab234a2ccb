package fr.capsules.app.table;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which columns of a table hold the findings, their type and their number.
 *
 * <p>Headers are compared without case or accents. The number column's header starts with n°,
 * numéro, num or id; the type column's with type, nature or catégorie (or reads "Écart /
 * remarque"); the findings column's header holds constat, écart, finding, libellé, intitulé,
 * description or observation, in that order of preference. Without such a header, the findings
 * column is the one with the longest average text, provided it holds text at all.
 *
 * @param findings index of the findings column
 * @param type index of the type column, or -1
 * @param number index of the number column, or -1
 * @param named true when the findings column was found by its header
 */
record FindingColumns(int findings, int type, int number, boolean named) {

    private static final Pattern TOKENS = Pattern.compile("[^\\p{L}\\p{N}°º#]+");
    private static final Set<String> NUMBER_WORDS =
            Set.of("n°", "nº", "n", "no", "num", "numero", "id", "#", "ndeg", "rang");
    private static final Set<String> TYPE_WORDS =
            Set.of("type", "nature", "categorie", "classification", "qualification");
    /** Most specific first. */
    private static final List<Set<String>> FINDING_WORDS = List.of(
            Set.of("constat", "constats"),
            Set.of("ecart", "ecarts", "finding", "findings"),
            Set.of("libelle", "intitule"),
            Set.of("description"),
            Set.of("observation", "observations"));
    /** Below this, a column of codes or dates, not of findings. */
    private static final double MIN_AVERAGE_LENGTH = 12;

    /**
     * The columns of {@code headers}, or empty when no header names a findings column and, if
     * {@code byLength} is true, no column holds text either.
     */
    static Optional<FindingColumns> of(List<String> headers, List<List<String>> rows, boolean byLength) {
        int number = -1;
        int type = -1;
        int findings = -1;
        int rank = Integer.MAX_VALUE;
        for (int c = 0; c < headers.size(); c++) {
            String folded = AccentFolding.fold(headers.get(c));
            String compact = folded.replaceAll("\\s+", "");
            List<String> tokens = Arrays.stream(TOKENS.split(folded)).filter(t -> !t.isEmpty()).toList();
            String first = tokens.isEmpty() ? "" : tokens.getFirst();
            if (number < 0 && (NUMBER_WORDS.contains(first) || compact.startsWith("n°") || compact.equals("#"))) {
                number = c;
            } else if (type < 0 && (TYPE_WORDS.contains(first) || compact.equals("e/r") || compact.equals("r/e")
                    || (folded.contains("ecart") && folded.contains("remarque")))) {
                type = c;
            } else {
                for (int r = 0; r < Math.min(rank, FINDING_WORDS.size()); r++) {
                    if (tokens.stream().anyMatch(FINDING_WORDS.get(r)::contains)) {
                        findings = c;
                        rank = r;
                        break;
                    }
                }
            }
        }
        if (findings >= 0) {
            return Optional.of(new FindingColumns(findings, type, number, true));
        }
        if (!byLength) {
            return Optional.empty();
        }
        int longest = longestTextColumn(headers.size(), rows, type, number);
        return longest < 0 ? Optional.empty() : Optional.of(new FindingColumns(longest, type, number, false));
    }

    private static int longestTextColumn(int width, List<List<String>> rows, int type, int number) {
        int best = -1;
        double bestAverage = MIN_AVERAGE_LENGTH;
        for (int c = 0; c < width; c++) {
            if (c == type || c == number) {
                continue;
            }
            long total = 0;
            int filled = 0;
            for (List<String> row : rows) {
                String cell = c < row.size() ? row.get(c) : "";
                if (!cell.isBlank() && cell.codePoints().anyMatch(Character::isLetter)) {
                    total += cell.strip().length();
                    filled++;
                }
            }
            double average = filled == 0 ? 0 : (double) total / filled;
            if (average >= bestAverage) {
                best = c;
                bestAverage = average;
            }
        }
        return best;
    }
}
