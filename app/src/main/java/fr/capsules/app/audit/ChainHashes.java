package fr.capsules.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256, lowercase hex, over the UTF-8 bytes of one canonical JSON
 * object holding every field of the entry and the previous entry's hash:
 *
 * <pre>{@code
 * {"action":"ask","actor":"inspecteur","capsuleId":"mesures-inspection","capsuleVersion":3,
 *  "details":{"mode":"generative","question":"Délai ?"},"previousHash":"<64 hex>",
 *  "recordedAt":"2025-03-14T09:26:53.589793Z","seq":42}
 * }</pre>
 *
 * (on one line, no whitespace, keys sorted; {@code null} for a missing capsule or version;
 * {@code details} is the stored canonical text of {@link CanonicalJson}, inserted verbatim;
 * {@code recordedAt} in UTC with exactly six fractional digits). A JSON object rather than
 * separator-joined fields, so that no value can forge a field boundary.
 */
final class ChainHashes {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    // Microseconds: the precision both H2 and PostgreSQL keep, so a stored instant hashes as recorded.
    private static final DateTimeFormatter RECORDED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHashes() {}

    static String hash(
            long seq,
            Instant recordedAt,
            String actor,
            String action,
            String capsuleId,
            Integer capsuleVersion,
            String detailsJson,
            String previousHash) {
        return sha256(canonicalForm(seq, recordedAt, actor, action, capsuleId, capsuleVersion, detailsJson, previousHash));
    }

    static String canonicalForm(
            long seq,
            Instant recordedAt,
            String actor,
            String action,
            String capsuleId,
            Integer capsuleVersion,
            String detailsJson,
            String previousHash) {
        // Keys in sorted order, as CanonicalJson would write them; the stored details text goes in
        // verbatim, so that any byte changed in the database changes the hash.
        return "{\"action\":" + CanonicalJson.write(action)
                + ",\"actor\":" + CanonicalJson.write(actor)
                + ",\"capsuleId\":" + CanonicalJson.write(capsuleId)
                + ",\"capsuleVersion\":" + CanonicalJson.write(capsuleVersion)
                + ",\"details\":" + detailsJson
                + ",\"previousHash\":" + CanonicalJson.write(previousHash)
                + ",\"recordedAt\":" + CanonicalJson.write(formatRecordedAt(recordedAt))
                + ",\"seq\":" + seq
                + "}";
    }

    static String formatRecordedAt(Instant instant) {
        return RECORDED_AT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
