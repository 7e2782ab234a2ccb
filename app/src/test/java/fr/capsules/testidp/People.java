package fr.capsules.testidp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test provider's directory: who may sign in, and the groups each person is in now. Changed
 * by the tests while the provider runs (a person removed from a group), like an administrator
 * would in Keycloak. Thread-safe.
 */
public final class People {

    /**
     * One person.
     *
     * @param groups empty: the tokens carry no {@code groups} claim at all
     */
    public record Person(String username, String password, String name, String email, List<String> groups) {
        public Person {
            groups = List.copyOf(groups);
        }
    }

    private final Map<String, Person> byUsername = new ConcurrentHashMap<>();

    public void add(String username, String password, String name, Set<String> groups) {
        byUsername.put(username, new Person(username, password, name, username + "@ars.test", List.copyOf(groups)));
    }

    /** Moves the person to exactly these groups, at once. */
    public void setGroups(String username, Set<String> groups) {
        byUsername.computeIfPresent(username, (k, p) -> new Person(p.username(), p.password(), p.name(), p.email(), List.copyOf(groups)));
    }

    public Optional<Person> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }
}
