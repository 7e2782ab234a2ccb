package fr.capsules.app.export;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exported file, ready to be sent or stored.
 *
 * <p>The name is safe to use in a {@code Content-Disposition} header or as a file name on any system: ASCII letters,
 * digits, dots, hyphens and underscores only. The digest is checked against the bytes when the record is built, so it
 * can be written to the audit trail as the fingerprint of what left the service. The byte array is shared, not
 * copied: callers must not modify it.
 *
 * @param fileName safe ASCII file name with its extension
 * @param mediaType media type of the content
 * @param bytes the file content
 * @param sha256 lowercase hexadecimal SHA-256 of {@code bytes}
 */
public record ExportedFile(String fileName, String mediaType, byte[] bytes, String sha256) {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    public ExportedFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
        if (!SAFE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
            throw new IllegalArgumentException("unsafe file name: " + fileName);
        }
        if (!sha256Of(bytes).equals(sha256)) {
            throw new IllegalArgumentException("sha256 does not match the bytes");
        }
    }

    /** A file whose digest is computed from its bytes. */
    static ExportedFile of(String fileName, String mediaType, byte[] bytes) {
        return new ExportedFile(fileName, mediaType, bytes, sha256Of(bytes));
    }

    static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
