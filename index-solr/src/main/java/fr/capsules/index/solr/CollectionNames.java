package fr.capsules.index.solr;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in the cluster: capsule {@code c}'s index is the alias {@code capsule-c}, pointing at one
 * generation {@code capsule-c_gN}; a rebuild fills {@code capsule-c_g(N+1)} and moves the alias.
 * The underscore, which no capsule identifier holds, keeps one capsule's generations apart from
 * another capsule's alias ({@code capsule-a_g1} is capsule a's, never capsule "a-g1"'s).
 */
final class CollectionNames {

    private static final Pattern CAPSULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern GENERATION = Pattern.compile("capsule-([a-z0-9][a-z0-9-]{1,62})_g([0-9]{1,9})");

    private CollectionNames() {}

    static String requireCapsuleId(String capsuleId) {
        if (capsuleId == null || !CAPSULE_ID.matcher(capsuleId).matches()) {
            throw new IllegalArgumentException("not a capsule identifier: " + capsuleId);
        }
        return capsuleId;
    }

    static String alias(String capsuleId) {
        return "capsule-" + requireCapsuleId(capsuleId);
    }

    static String generation(String capsuleId, int generation) {
        return alias(capsuleId) + "_g" + generation;
    }

    /** The generation number of {@code collection} if it is a generation of {@code capsuleId}. */
    static OptionalInt generationOf(String capsuleId, String collection) {
        Matcher m = GENERATION.matcher(collection);
        if (m.matches() && m.group(1).equals(capsuleId)) {
            return OptionalInt.of(Integer.parseInt(m.group(2)));
        }
        return OptionalInt.empty();
    }

    static String requireCapsuleCollection(String collection) {
        if (collection == null || !GENERATION.matcher(collection).matches()) {
            throw new IllegalArgumentException("not a capsule collection: " + collection);
        }
        return collection;
    }
}
