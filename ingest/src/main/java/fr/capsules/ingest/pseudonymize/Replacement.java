package fr.capsules.ingest.pseudonymize;

/**
 * One replacement made in a text.
 *
 * @param start offset of the replaced text in the original text (inclusive)
 * @param end offset after it in the original text (exclusive)
 * @param original the replaced text, as written: personal data, for administrators only
 * @param pseudonym what replaced it, e.g. {@code [PERSONNE 3]}
 */
public record Replacement(Category category, int start, int end, String original, String pseudonym) {}
