package fr.capsules.ingest.pseudonymize;

/**
 * A kind of personal data that pseudonymisation replaces, with the French words used in pseudonyms
 * ({@code [PERSONNE 3]}) and in per-file reports ("2 NIR, 5 personnes").
 *
 * <p>{@link #ESTABLISHMENT} is off by default: establishment names are public and useful to
 * retrieval; a capsule may switch it on in {@link PseudonymizationSettings}.
 */
public enum Category {
    PERSON("PERSONNE", "personne", "personnes"),
    NIR("NIR", "NIR", "NIR"),
    PHONE("TÉLÉPHONE", "téléphone", "téléphones"),
    EMAIL("EMAIL", "adresse e-mail", "adresses e-mail"),
    IBAN("IBAN", "IBAN", "IBAN"),
    BIRTH_DATE("DATE DE NAISSANCE", "date de naissance", "dates de naissance"),
    ADDRESS("ADRESSE", "adresse postale", "adresses postales"),
    ESTABLISHMENT("ÉTABLISSEMENT", "établissement", "établissements");

    private final String label;
    private final String singular;
    private final String plural;

    Category(String label, String singular, String plural) {
        this.label = label;
        this.singular = singular;
        this.plural = plural;
    }

    /** The upper-case word inside a pseudonym, e.g. {@code TÉLÉPHONE} in {@code [TÉLÉPHONE 2]}. */
    public String label() {
        return label;
    }

    /** The pseudonym numbered {@code number} (from 1) of this category: {@code [PERSONNE 3]}. */
    public String pseudonym(int number) {
        return "[" + label + " " + number + "]";
    }

    /** "1 téléphone", "3 téléphones": a count for a French report. */
    public String count(int n) {
        return n + " " + (n > 1 ? plural : singular);
    }
}
