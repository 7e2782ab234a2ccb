package fr.capsules.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedCredentialsTests {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aVerifiedPasswordIsNotCheckedAgainUntilItExpires() {
        MutableClock clock = new MutableClock();
        VerifiedCredentials credentials = new VerifiedCredentials(counting, Duration.ofMinutes(5), clock);
        String hash = bcrypt.encode("secret");

        assertThat(credentials.matches("secret", hash)).isTrue();
        assertThat(credentials.matches("secret", hash)).isTrue();
        assertThat(checks).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(credentials.matches("secret", hash)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void wrongPasswordsAreNeverRemembered() {
        VerifiedCredentials credentials = new VerifiedCredentials(counting, Duration.ofMinutes(5), Clock.systemUTC());
        String hash = bcrypt.encode("secret");
        assertThat(credentials.matches("secret", hash)).isTrue();

        assertThat(credentials.matches("Secret", hash)).isFalse();
        assertThat(credentials.matches("Secret", hash)).isFalse();
        assertThat(checks).hasValue(3);
    }

    @Test
    void aRememberedPasswordDoesNotOpenAnotherAccount() {
        VerifiedCredentials credentials = new VerifiedCredentials(counting, Duration.ofMinutes(5), Clock.systemUTC());
        String mine = bcrypt.encode("secret");
        String theirs = bcrypt.encode("autre");
        assertThat(credentials.matches("secret", mine)).isTrue();
        assertThat(credentials.matches("secret", theirs)).isFalse();
    }
}
