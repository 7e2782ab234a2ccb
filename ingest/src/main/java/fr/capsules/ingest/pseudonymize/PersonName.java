package fr.capsules.ingest.pseudonymize;

import java.util.regex.Pattern;

/**
 * What a person mention says about who it names: the surname, and when written the first name(s)
 * and the gender a civility implies. Two mentions name the same person when their surnames fold
 * alike and the rest does not contradict ({@link PseudonymTable} decides).
 *
 * @param surname as written, never blank ("Dupont", "DUPONT", "de La Fontaine")
 * @param firstName as written, or null ("Jeanne", "Marie-Claire", or an initial "J.")
 * @param gender from the civility; {@link Gender#UNKNOWN} when none or not gendered (Dr, Me)
 */
public record PersonName(String surname, String firstName, Gender gender) {

    // "de Villepin" is mentioned later as "Villepin"; "Le Goff" keeps its capitalised article.
    private static final Pattern LEADING_PARTICLES =
            Pattern.compile("^(?:(?:de|du|des|van|von|da|di|del|dos)[ \\u00A0]+|d['’])+(?=\\p{L})");

    /** The gender a civility implies; {@link #COUPLE} for "M. et Mme", which names two people. */
    public enum Gender {
        MALE,
        FEMALE,
        UNKNOWN,
        COUPLE;

        boolean compatibleWith(Gender other) {
            if (this == COUPLE || other == COUPLE) {
                return this == other;
            }
            return this == UNKNOWN || other == UNKNOWN || this == other;
        }
    }

    public PersonName {
        if (surname == null || surname.isBlank()) {
            throw new IllegalArgumentException("a person name needs a surname");
        }
        if (firstName != null && firstName.isBlank()) {
            firstName = null;
        }
        gender = gender == null ? Gender.UNKNOWN : gender;
    }

    /**
     * The surname folded for comparison: upper case, no accents, single spaces, without a leading
     * lower-case particle ("LEFEVRE", "VILLEPIN" for "de Villepin").
     */
    public String surnameKey() {
        return Folding.name(LEADING_PARTICLES.matcher(surname).replaceFirst(""));
    }

    /** The first name folded like the surname, or null. */
    public String firstNameKey() {
        return firstName == null ? null : Folding.name(firstName);
    }

    /** True when the first name is an initial ("J.", "J.-P."). */
    public boolean firstNameIsInitial() {
        return firstName != null && firstName.endsWith(".");
    }
}
