package fr.capsules.app.access.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provider's userinfo answers, reused for the same access token for at most {@code maxAge}
 * (zero: asked on every call). Keys are SHA-256 digests of the tokens, never the tokens; at most
 * {@value #MAX_ENTRIES} answers are kept, least recently used first out. Failures are never kept.
 * Thread-safe.
 */
final class RecentUserInfo {

    private static final int MAX_ENTRIES = 10_000;

    private record Answer(Map<String, Object> claims, long until) {}

    private final UserInfoClient client;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Answer> answers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    RecentUserInfo(UserInfoClient client, Duration maxAge, Clock clock) {
        this.client = client;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** See {@link UserInfoClient#claims}. */
    Map<String, Object> claims(String accessToken) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return client.claims(accessToken);
        }
        String key = digest(accessToken);
        long now = clock.millis();
        synchronized (answers) {
            Answer known = answers.get(key);
            if (known != null && known.until() > now) {
                return known.claims();
            }
        }
        Map<String, Object> claims = Collections.unmodifiableMap(new LinkedHashMap<>(client.claims(accessToken)));
        synchronized (answers) {
            answers.put(key, new Answer(claims, now + maxAge.toMillis()));
        }
        return claims;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
