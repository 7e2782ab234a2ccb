package fr.capsules.ingest.pseudonymize;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The AES-256 key that encrypts a capsule's {@link PseudonymTable}. It comes from the service's
 * configuration (an environment variable or a secret store, base64), never from the data folder
 * that holds the tables: whoever copies the data folder must not get the correspondence back.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class PseudonymKey {

    /** Bytes in a key: AES-256. */
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private PseudonymKey(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException(
                    "La clé de pseudonymisation doit faire " + LENGTH + " octets (256 bits), encodée en base64.");
        }
        this.bytes = bytes.clone();
    }

    /** A key from its 32 bytes (copied). */
    public static PseudonymKey of(byte[] bytes) {
        return new PseudonymKey(bytes);
    }

    /** A key from its base64 writing (standard or URL alphabet, padding optional). */
    public static PseudonymKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("La clé de pseudonymisation est absente de la configuration.");
        }
        String trimmed = base64.strip();
        try {
            byte[] decoded = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
            return new PseudonymKey(decoded);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("La clé")) {
                throw e;
            }
            throw new IllegalArgumentException("La clé de pseudonymisation n'est pas un texte base64 valide.");
        }
    }

    /** A new random key, for an administrator to put in the configuration. */
    public static PseudonymKey generate() {
        byte[] bytes = new byte[LENGTH];
        new SecureRandom().nextBytes(bytes);
        return new PseudonymKey(bytes);
    }

    /** The key in base64, to write it once into the configuration. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PseudonymKey key && MessageDigest.isEqual(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PseudonymKey[caché]";
    }
}
