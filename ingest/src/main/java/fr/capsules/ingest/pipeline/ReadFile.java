package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads the file once, after checking its announced size, and hashes it once: every later stage
 * (and the caller's, such as keeping the original) works from these bytes and this hash.
 */
final class ReadFile implements IngestionStage {

    private final long maxFileBytes;

    ReadFile(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public void apply(FileIngestion file) throws IOException {
        long size = file.source().size();
        if (size == 0) {
            file.reject("fichier vide (0 octet)");
            return;
        }
        if (size > maxFileBytes) {
            file.reject("fichier trop volumineux (" + megabytes(size) + " ; limite " + megabytes(maxFileBytes)
                    + " par fichier)");
            return;
        }
        byte[] bytes = readBounded(file);
        file.read(bytes, Sha256.hex(bytes));
    }

    // The announced size may lie (a stream, an archive entry): never read beyond the limit.
    private byte[] readBounded(FileIngestion file) throws IOException {
        try (InputStream in = file.source().content().open()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                throw new IOException("le fichier dépasse la taille annoncée");
            }
            return bytes;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.FRANCE, "%.1f Mo", bytes / (1024.0 * 1024.0));
    }
}
