package fr.capsules.app.capsule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * What a table column's cells must be, declared in the capsule definition ({@code table.columns[].checks},
 * docs/TABLES.md) and checked on every drafted row. Every member is optional; absent means no such check.
 *
 * @param pattern a regular expression the whole cell must match (case and accents as written; Unicode, case
 *     insensitive)
 * @param patternHint what the pattern expects, in French, for the model and the inspector ("un délai :
 *     « Immédiat », « 15 jours », « 3 mois » ou une date")
 * @param maxLength the most characters a cell may hold
 * @param fromCitedPassage the references the cell names (article codes such as L.311-3, else its words) must
 *     appear in a passage the row cites
 * @param placeholder the value that stands for "nothing fits" ("à compléter"); it passes every check
 * @param infinitive the cell starts with a verb in the infinitive ("Mettre en place…", "S'assurer…")
 * @param maxCopiedWords the longest run of words the cell may copy from a cited passage (a past row's value
 *     of the same column excepted: reusing a past measure is the house style)
 * @param derivedFrom the cell's value is ruled by another column's
 * @param deadline the cell states one deadline (at once, a duration, a date, however written: "Immédiat", "quinze
 *     jours", "sous quinzaine", "3 mois", "31/12/2026", "1er mars 2027") and only the words that frame one
 */
public record ColumnChecks(
        @Size(max = 500) String pattern,
        @Size(max = 300) String patternHint,
        @Min(1) @Max(20000) Integer maxLength,
        Boolean fromCitedPassage,
        @Size(max = 80) String placeholder,
        Boolean infinitive,
        @Min(1) @Max(200) Integer maxCopiedWords,
        @Valid DerivedFrom derivedFrom,
        Boolean deadline) {

    /**
     * A rule from another column: for each of its values, the values this column may take.
     *
     * @param column the name of the other column
     * @param allowed its value → the values allowed here (case and accents ignored); a value not listed
     *     allows anything
     */
    public record DerivedFrom(@NotBlank String column, @NotNull Map<String, List<String>> allowed) {

        public DerivedFrom {
            allowed = allowed == null ? null : Map.copyOf(allowed);
        }
    }

    public boolean requiresCitedPassage() {
        return Boolean.TRUE.equals(fromCitedPassage);
    }

    public boolean requiresDeadline() {
        return Boolean.TRUE.equals(deadline);
    }

    public boolean requiresInfinitive() {
        return Boolean.TRUE.equals(infinitive);
    }

    @AssertTrue(message = "l'expression régulière de la colonne ne se compile pas (checks.pattern)")
    boolean isPatternValid() {
        if (pattern == null) {
            return true;
        }
        try {
            java.util.regex.Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
