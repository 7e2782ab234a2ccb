package fr.capsules.app.table;

import fr.capsules.app.capsule.ColumnChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One declared check of a table cell ({@link ColumnChecks}): given the cell's value and the row it is in,
 * the reason it fails, in French for the model and the inspector, or empty when it passes. Blank cells pass
 * (an empty cell is flagged once, elsewhere). Stateless and thread-safe.
 */
sealed interface CellCheck {

    /** The row a cell is checked in: all its cells and the passages it cites. */
    record Row(Map<String, String> cells, List<CitedText> cited) {}

    /**
     * A passage the row cites; for a past table row, its cells by column name (else empty), so that a
     * past value of the same column may be reused.
     */
    record CitedText(String text, Map<String, String> rowCells) {}

    Optional<String> failure(String column, String value, Row row);

    /** The value is one of the column's allowed values (case and accents forgiven). */
    record AllowedValues(List<String> values) implements CellCheck {
        public Optional<String> failure(String column, String value, Row row) {
            String folded = AccentFolding.fold(value);
            return values.stream().anyMatch(v -> AccentFolding.fold(v).equals(folded)) ? Optional.empty()
                    : Optional.of("« " + clip(value) + " » n'est pas une valeur permise (" + String.join(", ", values) + ")");
        }
    }

    /** The whole value matches the declared pattern. */
    record Matches(Pattern pattern, String hint) implements CellCheck {
        static Matches of(String regex, String hint) {
            return new Matches(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), hint);
        }

        public Optional<String> failure(String column, String value, Row row) {
            return pattern.matcher(value.strip()).matches() ? Optional.empty()
                    : Optional.of("« " + clip(value) + " » ne convient pas : attendu " + (hint == null ? "le format déclaré" : hint));
        }
    }

    record MaxLength(int max) implements CellCheck {
        public Optional<String> failure(String column, String value, Row row) {
            return value.strip().length() <= max ? Optional.empty()
                    : Optional.of("texte trop long (" + value.strip().length() + " caractères, au plus " + max + ")");
        }
    }

    /**
     * The references the cell names appear in a cited passage: each article code (L.311-3, R4311-7), or,
     * without any, most of its significant words together in one passage.
     */
    record FromCitedPassage() implements CellCheck {
        public Optional<String> failure(String column, String value, Row row) {
            List<String> texts = row.cited().stream().map(CitedText::text).toList();
            if (!ReferenceCheck.articles(value).isEmpty()) {
                List<String> missing = ReferenceCheck.unsupported(value, texts);
                return missing.isEmpty() ? Optional.empty()
                        : Optional.of(String.join(", ", missing) + " ne figure dans aucun passage cité");
            }
            List<String> words = significantWords(value);
            if (words.isEmpty()) {
                return Optional.empty();
            }
            for (String text : texts) {
                Set<String> passage = Set.copyOf(significantWords(text));
                long found = words.stream().filter(passage::contains).count();
                if (found * 10 >= words.size() * 7L) {
                    return Optional.empty();
                }
            }
            return Optional.of("« " + clip(value) + " » ne figure dans aucun passage cité");
        }
    }

    /** The value states one deadline and nothing else ({@link Deadlines#isOnlyADeadline}). */
    record IsDeadline() implements CellCheck {
        public Optional<String> failure(String column, String value, Row row) {
            return Deadlines.isOnlyADeadline(value) ? Optional.empty()
                    : Optional.of("« " + clip(value) + " » n'est pas un délai : attendu « Immédiat », « 15 jours », « 3 mois » ou une date");
        }
    }

    /** The value starts with a verb in the infinitive: "Mettre en place…", "S'assurer…", "Ne plus…". */
    record StartsWithInfinitive() implements CellCheck {
        private static final Pattern INFINITIVE = Pattern.compile("\\p{L}{2,}(?:er|ir|re|oir)");
        private static final Set<String> NOT_VERBS = Set.of("entre", "notre", "votre", "autre", "contre", "pour", "sur",
                "leur", "par", "hier", "cher", "fier", "mer", "tir", "soir", "noir", "espoir", "titre", "lettre", "ordre",
                "registre", "centre", "nombre", "chambre", "membre", "semestre", "trimestre", "premier", "dernier", "dossier",
                "infirmier", "plusieurs", "particulier", "quatre", "cadre", "libre", "propre", "sobre", "pauvre", "livre",
                "filiere", "offre", "article");

        public Optional<String> failure(String column, String value, Row row) {
            String folded = AccentFolding.fold(value).replaceFirst("^(?:ne\\s+(?:pas|plus|jamais)\\s+|s'|se\\s+|s’)", "");
            String first = folded.split("[\\s,;:.'’()]+", 2)[0];
            boolean verb = INFINITIVE.matcher(first).matches() && !NOT_VERBS.contains(first);
            return verb ? Optional.empty()
                    : Optional.of("ne commence pas par un verbe à l'infinitif (« Mettre en place… », « Transmettre… »)");
        }
    }

    /** No run of more than {@code max} words copied from a cited passage (a past row's same column excepted). */
    record NoCopiedPassage(int max) implements CellCheck {
        public Optional<String> failure(String column, String value, Row row) {
            List<String> words = words(value);
            if (words.size() <= max) {
                return Optional.empty();
            }
            for (CitedText cited : row.cited()) {
                String own = cited.rowCells().getOrDefault(column, "");
                String text = own.isEmpty() ? cited.text() : cited.text().replace(own, " ");
                int run = longestCommonRun(words, words(text));
                if (run > max) {
                    return Optional.of("recopie un passage cité sur " + run + " mots (au plus " + max + ")");
                }
            }
            return Optional.empty();
        }
    }

    /** The value agrees with another column's by the declared rule ("remarque" → recommandation). */
    record DerivedFrom(String other, Map<String, List<String>> allowed) implements CellCheck {
        /** The values this column may take given the other column's value, or empty when any is allowed. */
        List<String> allowedFor(Map<String, String> cells) {
            String key = AccentFolding.fold(cells.getOrDefault(other, ""));
            return allowed.entrySet().stream().filter(e -> AccentFolding.fold(e.getKey()).equals(key))
                    .map(Map.Entry::getValue).findFirst().orElse(List.of());
        }

        public Optional<String> failure(String column, String value, Row row) {
            List<String> values = allowedFor(row.cells());
            String folded = AccentFolding.fold(value);
            if (values.isEmpty() || values.stream().anyMatch(v -> AccentFolding.fold(v).equals(folded))) {
                return Optional.empty();
            }
            return Optional.of("« " + clip(value) + " » ne convient pas à « " + row.cells().get(other) + " » (" + other
                    + ") : attendu " + String.join(" ou ", values));
        }
    }

    /** The checks a column declares, in a stable order. */
    static List<CellCheck> of(List<String> values, ColumnChecks checks) {
        List<CellCheck> list = new ArrayList<>();
        if (!values.isEmpty()) {
            list.add(new AllowedValues(values));
        }
        if (checks == null) {
            return list;
        }
        if (checks.maxLength() != null) {
            list.add(new MaxLength(checks.maxLength()));
        }
        if (checks.pattern() != null) {
            list.add(Matches.of(checks.pattern(), checks.patternHint()));
        }
        if (checks.requiresDeadline()) {
            list.add(new IsDeadline());
        }
        if (checks.requiresInfinitive()) {
            list.add(new StartsWithInfinitive());
        }
        if (checks.maxCopiedWords() != null) {
            list.add(new NoCopiedPassage(checks.maxCopiedWords()));
        }
        if (checks.requiresCitedPassage()) {
            list.add(new FromCitedPassage());
        }
        if (checks.derivedFrom() != null) {
            list.add(new DerivedFrom(checks.derivedFrom().column(), checks.derivedFrom().allowed()));
        }
        return List.copyOf(list);
    }

    private static List<String> words(String text) {
        return Arrays.stream(AccentFolding.fold(text).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static List<String> significantWords(String text) {
        return words(text).stream().filter(w -> w.length() >= 4 || w.chars().anyMatch(Character::isDigit)).toList();
    }

    /** Length of the longest run of consecutive words shared by both texts. */
    private static int longestCommonRun(List<String> a, List<String> b) {
        int best = 0;
        int[] previous = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            int[] current = new int[b.size() + 1];
            for (int j = 1; j <= b.size(); j++) {
                if (a.get(i - 1).equals(b.get(j - 1))) {
                    current[j] = previous[j - 1] + 1;
                    best = Math.max(best, current[j]);
                }
            }
            previous = current;
        }
        return best;
    }

    private static String clip(String value) {
        String one = value.strip().replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }
}
