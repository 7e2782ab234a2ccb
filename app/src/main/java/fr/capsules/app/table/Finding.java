package fr.capsules.app.table;

import java.util.Objects;

/**
 * One inspection finding (constat) as read from the inspector's list, before any measure is
 * drafted for it.
 *
 * @param number 1-based position in the input, whatever numbering the inspector used
 * @param label the number as written in the input ("E1", "3", "R2", "Remarque n°2"), or "" when
 *     the finding was not numbered; never null
 * @param text the finding, on one line, whitespace normalised, accents kept; never blank
 * @param type écart or remarque, or null when neither the input nor its wording says which
 */
public record Finding(int number, String label, String text, FindingType type) {

    public Finding {
        if (number < 1) {
            throw new IllegalArgumentException("finding number must be >= 1, got " + number);
        }
        Objects.requireNonNull(label, "label");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("finding text must not be blank");
        }
    }
}
