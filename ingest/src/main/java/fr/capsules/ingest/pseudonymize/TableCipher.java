package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.PseudonymTableException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a table's bytes with AES-256-GCM (the JDK's provider): a fresh random 96-bit nonce per
 * sealing, a 128-bit tag, and the whole header as associated data so that no byte of the file can
 * change unnoticed.
 *
 * <pre>
 * "CPSPT" | version (1 byte) | key check (8 bytes) | nonce (12 bytes) | ciphertext and tag
 * </pre>
 *
 * <p>The configured key is not used directly: HMAC-SHA-256 under it, over two fixed labels, derives
 * the AES key and a key check (keys for separate uses stay separate). The key check, truncated to
 * 8 bytes, tells a wrong key from an altered file so the error can say which; it reveals nothing
 * usable about either key.
 */
final class TableCipher {

    private static final byte[] MAGIC = "CPSPT".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int CHECK_BYTES = 8;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = MAGIC.length + 1 + CHECK_BYTES + NONCE_BYTES;
    private static final byte[] CHECK_LABEL = "capsules/pseudonym-table/key-check".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AES_LABEL = "capsules/pseudonym-table/aes-256-gcm".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();

    byte[] seal(byte[] plain, PseudonymKey key) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                .put(MAGIC).put(VERSION).put(keyCheck(key)).put(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derive(key, AES_LABEL), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.array());
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(HEADER_BYTES + sealed.length).put(header.array()).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM indisponible dans ce JDK", e);
        }
    }

    byte[] open(byte[] file, PseudonymKey key) {
        if (file.length < HEADER_BYTES + TAG_BITS / 8
                || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)
                || file[MAGIC.length] != VERSION) {
            throw new PseudonymTableException(Reason.NOT_A_TABLE);
        }
        byte[] check = Arrays.copyOfRange(file, MAGIC.length + 1, MAGIC.length + 1 + CHECK_BYTES);
        if (!MessageDigest.isEqual(check, keyCheck(key))) {
            throw new PseudonymTableException(Reason.WRONG_KEY);
        }
        byte[] nonce = Arrays.copyOfRange(file, HEADER_BYTES - NONCE_BYTES, HEADER_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derive(key, AES_LABEL), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(file, 0, HEADER_BYTES);
            return cipher.doFinal(file, HEADER_BYTES, file.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw new PseudonymTableException(Reason.TAMPERED, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM indisponible dans ce JDK", e);
        }
    }

    private static byte[] keyCheck(PseudonymKey key) {
        return Arrays.copyOf(derive(key, CHECK_LABEL), CHECK_BYTES);
    }

    private static byte[] derive(PseudonymKey key, byte[] label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            return mac.doFinal(label);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 indisponible dans ce JDK", e);
        }
    }
}
