package fr.capsules.app.access.oidc;

import fr.capsules.app.access.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads identity, roles and services out of a provider's claims (ID token, userinfo or access
 * token), as configured in {@code capsules.oidc.claims} and {@code capsules.oidc.mapping}. Pure
 * and immutable, hence thread-safe.
 */
final class ClaimMapping {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final int MAX_USERNAME = 255;
    /** Service names become capsule scopes and audit details: kept to a plain alphabet. */
    private static final Pattern SERVICE = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");

    private final OidcProperties.Claims claims;
    private final OidcProperties.Mapping mapping;

    ClaimMapping(OidcProperties.Claims claims, OidcProperties.Mapping mapping) {
        this.claims = claims;
        this.mapping = mapping;
    }

    /**
     * The username the claims name.
     *
     * @throws InvalidClaimsException when the claim is missing, not a string, too long or holds
     *     control characters
     */
    String username(Map<String, ?> source) {
        Object value = claim(source, claims.username()).orElse(null);
        if (!(value instanceof String username) || username.isBlank()) {
            throw new InvalidClaimsException("la revendication « " + claims.username() + " » (identifiant) est absente");
        }
        if (username.length() > MAX_USERNAME || CONTROL.matcher(username).find()) {
            throw new InvalidClaimsException("la revendication « " + claims.username() + " » n'est pas un identifiant valable");
        }
        return username;
    }

    /** The displayed name: the name claims joined with a space, or the username when none is set. */
    String displayName(Map<String, ?> source, String username) {
        List<String> parts = new ArrayList<>();
        for (String name : claims.name()) {
            claim(source, name).filter(String.class::isInstance).map(v -> ((String) v).strip())
                    .filter(v -> !v.isEmpty() && !CONTROL.matcher(v).find())
                    .ifPresent(parts::add);
        }
        return parts.isEmpty() ? username : String.join(" ", parts);
    }

    /** The roles the claims grant; AGENT when none is recognised. */
    Set<Role> roles(Map<String, ?> source) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(source, claims.roles())) {
            Role explicit = mapping.roles().get(value);
            if (explicit != null) {
                roles.add(explicit);
            } else {
                roleByPrefix(lastSegment(value)).ifPresent(roles::add);
            }
        }
        return roles.isEmpty() ? EnumSet.of(Role.AGENT) : roles;
    }

    /** The services the claims grant; empty when the claim is absent (no service, not an error). */
    Set<String> services(Map<String, ?> source) {
        Set<String> services = new LinkedHashSet<>();
        for (String value : values(source, claims.services())) {
            String explicit = mapping.services().get(value);
            String segment = lastSegment(value);
            String service = explicit != null ? explicit : mapping.services().get(segment);
            if (service == null && !mapping.servicePrefix().isEmpty() && segment.startsWith(mapping.servicePrefix())) {
                service = segment.substring(mapping.servicePrefix().length());
            }
            if (service != null && SERVICE.matcher(service).matches()) {
                services.add(service);
            }
        }
        return services;
    }

    private Optional<Role> roleByPrefix(String value) {
        String prefix = mapping.rolePrefix();
        if (prefix.isEmpty() || !value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String name = value.substring(prefix.length()).toUpperCase(Locale.ROOT);
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private static List<String> values(Map<String, ?> source, List<String> names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            Object value = claim(source, name).orElse(null);
            if (value instanceof String text) {
                values.add(text);
            } else if (value instanceof Collection<?> collection) {
                collection.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
            }
        }
        return values;
    }

    /** A claim by name, or by path into nested objects when no claim has the exact name. */
    static Optional<Object> claim(Map<String, ?> source, String name) {
        if (source.containsKey(name)) {
            return Optional.ofNullable(source.get(name));
        }
        Object current = source;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return Optional.ofNullable(current);
    }

    private static String lastSegment(String value) {
        int slash = value.lastIndexOf('/');
        return slash >= 0 ? value.substring(slash + 1) : value;
    }
}
