package fr.capsules.app.capsule;

/** A capsule id that is not a safe slug. */
public final class InvalidCapsuleIdException extends RuntimeException {

    public InvalidCapsuleIdException(String value) {
        super(
                "identifiant de capsule invalide « "
                        + abbreviate(value)
                        + " » : utilisez 2 à 63 caractères parmi a-z, 0-9 et « - », sans majuscule ni"
                        + " accent, en commençant par une lettre ou un chiffre");
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }
}
