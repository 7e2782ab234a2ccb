package fr.capsules.app.draft;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a draft's content, as recorded when it is validated: hex digest of the UTF-8 bytes of the content's
 * canonical JSON, that is the JSON the API shows ({@code {"text", "columns", "rows"}}) with every object's keys sorted
 * and no whitespace. Anyone holding the validated content can recompute it. Thread-safe.
 */
public final class ContentHash {

    /** Plain Jackson, whatever the application's settings: the hash must not change with them. */
    private static final JsonMapper TREE = JsonMapper.builder().build();
    private static final JsonMapper CANONICAL =
            JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private ContentHash() {}

    /** The canonical JSON of {@code content}. */
    static String canonicalJson(DraftContent content) {
        // Through plain maps and lists, whose keys the writer sorts; records would keep their declaration order.
        Object tree = TREE.convertValue(content, Object.class);
        return CANONICAL.writeValueAsString(tree);
    }

    /** Lowercase hex SHA-256 of the canonical JSON. */
    public static String of(DraftContent content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
