package fr.capsules.ingest.parse;

import java.util.List;

/**
 * Counts the characters extracted from one file against {@link ParseLimits#maxTextChars()}, so
 * every parser stops at the same bound and reports it with the same sentence.
 */
final class TextBudget {

    private final long max;
    private long used;
    private boolean exhausted;

    TextBudget(ParseLimits limits) {
        this.max = limits.maxTextChars();
    }

    /**
     * Accounts for {@code text}; returns false (and from then on always false) once the limit is
     * passed, in which case the caller drops the text and stops reading.
     */
    boolean admit(String text) {
        return admit(text.length());
    }

    /** Same as {@link #admit(String)} for all the text of a block. */
    boolean admit(Block block) {
        return admit(switch (block) {
            case Heading h -> h.text().length();
            case Paragraph p -> p.text().length();
            case TableBlock t -> t.headers().stream().mapToLong(String::length).sum()
                    + t.rows().stream().flatMap(List::stream).mapToLong(String::length).sum();
        });
    }

    /** Same as {@link #admit(String)} for a number of characters. */
    boolean admit(long chars) {
        if (exhausted) {
            return false;
        }
        used += chars;
        if (used > max) {
            exhausted = true;
        }
        return !exhausted;
    }

    boolean exhausted() {
        return exhausted;
    }

    /** Adds the truncation warning when the limit was reached. */
    void reportTo(List<String> warnings) {
        if (exhausted) {
            warnings.add(
                    "texte tronqué : limite de "
                            + max
                            + " caractères atteinte, la suite du fichier n'a pas été lue");
        }
    }
}
