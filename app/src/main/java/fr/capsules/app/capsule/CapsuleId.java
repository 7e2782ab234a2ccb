package fr.capsules.app.capsule;

import java.util.regex.Pattern;

/**
 * A capsule identifier. It becomes a folder name, so it is checked here once: lowercase letters,
 * digits and hyphens, 2 to 63 characters, starting with a letter or digit.
 */
public record CapsuleId(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public CapsuleId {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidCapsuleIdException(value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
