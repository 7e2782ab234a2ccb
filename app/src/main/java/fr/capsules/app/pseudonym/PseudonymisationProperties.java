package fr.capsules.app.pseudonym;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pseudonymisation of capsule documents ({@code capsules.pseudonymisation.*}).
 *
 * @param key the key of the capsules' pseudonym tables: 32 random bytes in base64
 *     ({@code openssl rand -base64 32}), given by the environment ({@code
 *     CAPSULES_PSEUDONYMISATION_KEY}) or a secret store, never written in the data folder. Empty:
 *     no capsule can be pseudonymised, and the files of those that must be are not indexed (the
 *     log says so at start-up). The {@code demo} profile sets a published demo key, never to be
 *     used with real data
 */
@ConfigurationProperties("capsules.pseudonymisation")
public record PseudonymisationProperties(@DefaultValue("") String key) {

    /** Never shows the key. */
    @Override
    public String toString() {
        return "PseudonymisationProperties[key=" + (key == null || key.isBlank() ? "absente" : "configurée") + "]";
    }
}
