package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.Sha256;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.CapsuleIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hashes the passages' text, case and spacing aside, and ends a file whose text is already in the
 * capsule (the same note as .txt and .md, a PDF saved twice) as a duplicate.
 */
final class SkipSameContent implements IngestionStage {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final CapsuleIndex index;

    SkipSameContent(CapsuleIndex index) {
        this.index = index;
    }

    @Override
    public void apply(FileIngestion file) throws IOException {
        String hash = contentHash(file.passages());
        file.contentHash(hash);
        index.findByContentHash(hash).ifPresent(existing -> file.duplicateOf(existing, "même contenu"));
    }

    static String contentHash(List<Passage> passages) {
        StringBuilder all = new StringBuilder();
        passages.forEach(p -> all.append(WHITESPACE.matcher(p.text().toLowerCase(Locale.ROOT)).replaceAll(" ").strip())
                .append('\n'));
        return Sha256.hex(all.toString().getBytes(StandardCharsets.UTF_8));
    }
}
