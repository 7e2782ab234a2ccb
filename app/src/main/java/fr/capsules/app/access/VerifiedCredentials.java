package fr.capsules.app.access;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A {@link PasswordEncoder} that remembers, for a few minutes, the passwords it has just verified,
 * so that an API client sending HTTP Basic on every call pays bcrypt's deliberate slowness (tens
 * of milliseconds) once per few minutes instead of on every request. Only a keyed hash (HMAC with
 * a random per-process key) of hash and password is kept, in memory, never the password; failed
 * checks are never remembered, so guessing still costs a full bcrypt each time.
 */
final class VerifiedCredentials implements PasswordEncoder {

    private static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Long> verifiedUntil = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    VerifiedCredentials(PasswordEncoder delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        long now = clock.millis();
        synchronized (verifiedUntil) {
            Long until = verifiedUntil.get(fingerprint);
            if (until != null && until > now) {
                return true;
            }
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verifiedUntil) {
                verifiedUntil.put(fingerprint, now + ttl.toMillis());
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
