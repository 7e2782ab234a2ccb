package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.PseudonymTableException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a value as JSON sealed by {@link TableCipher}, atomically (a temporary file in the same
 * folder, then a rename), and reads it back. The plain JSON never touches the disk.
 */
final class SealedFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SealedFiles() {}

    static void write(Path file, Object value, PseudonymKey key) throws IOException {
        byte[] sealed = new TableCipher().seal(JSON.writeValueAsBytes(value), key);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".pseudonymes-", ".tmp");
        try {
            Files.write(temp, sealed);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static <T> T read(Path file, Class<T> type, PseudonymKey key) throws IOException {
        byte[] plain = new TableCipher().open(Files.readAllBytes(file), key);
        try {
            return JSON.readValue(plain, type);
        } catch (JacksonException e) {
            throw new PseudonymTableException(Reason.NOT_A_TABLE, e);
        }
    }
}
