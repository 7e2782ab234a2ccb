package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.index.IndexBackend;
import fr.capsules.ingest.index.IndexSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Capsule indexes as local Lucene folders: {@code root/<capsule>/}, each a {@link
 * LuceneIndexStore} of generations. The embedded default; nothing is touched before a store is
 * used.
 */
public final class LuceneBackend implements IndexBackend {

    // The identifier becomes a folder name: it is checked here even though callers check it too.
    private static final Pattern CAPSULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final Path root;

    /** @param root the folder holding one folder per capsule, e.g. {@code data/indexes} */
    public LuceneBackend(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    public LuceneIndexStore store(String capsuleId, IndexSettings settings) {
        Objects.requireNonNull(capsuleId, "capsuleId");
        if (!CAPSULE_ID.matcher(capsuleId).matches()) {
            throw new IllegalArgumentException("not a capsule identifier: " + capsuleId);
        }
        return new LuceneIndexStore(root.resolve(capsuleId), settings);
    }
}
