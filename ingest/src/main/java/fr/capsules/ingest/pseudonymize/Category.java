package fr.capsules.ingest.pseudonymize;

/**
 * A kind of personal data that pseudonymisation replaces, with the French words used in pseudonyms
 * ({@code [PERSONNE 3]}) and in per-file reports ("2 NIR, 5 personnes").
 *
 * <p>{@link #ESTABLISHMENT} is off by default: establishment names are public and useful to
 * retrieval; a capsule may switch it on in {@link PseudonymizationSettings}.
 */
public enum Category {
    PERSON("PERSONNE", "personne", "personnes", "personnes remplacées"),
    NIR("NIR", "NIR", "NIR", "NIR remplacés"),
    PHONE("TÉLÉPHONE", "téléphone", "téléphones", "téléphones remplacés"),
    EMAIL("EMAIL", "adresse e-mail", "adresses e-mail", "adresses e-mail remplacées"),
    IBAN("IBAN", "IBAN", "IBAN", "IBAN remplacés"),
    BIRTH_DATE("DATE DE NAISSANCE", "date de naissance", "dates de naissance", "dates de naissance remplacées"),
    ADDRESS("ADRESSE", "adresse postale", "adresses postales", "adresses postales remplacées"),
    ESTABLISHMENT("ÉTABLISSEMENT", "établissement", "établissements", "établissements remplacés");

    private final String label;
    private final String singular;
    private final String plural;
    private final String replacedLabel;

    Category(String label, String singular, String plural, String replacedLabel) {
        this.label = label;
        this.singular = singular;
        this.plural = plural;
        this.replacedLabel = replacedLabel;
    }

    /**
     * The label of this category's counter in a file's ingestion result, e.g. "NIR remplacés",
     * "personnes remplacées".
     */
    public String replacedLabel() {
        return replacedLabel;
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
