package fr.capsules.app.document;

import fr.capsules.ingest.Sha256;
import fr.capsules.ingest.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Documents a referent removed from a capsule, by SHA-256 of their bytes, so that files shipped in
 * the read-only catalogue are not indexed again at the next start. Stored as one hash per line in
 * {@code .excluded} of the capsule's upload folder.
 */
final class Exclusions {

    private static final String FILE = ".excluded";

    private final Path file;
    private final Set<String> hashes;

    private Exclusions(Path file, Set<String> hashes) {
        this.file = file;
        this.hashes = hashes;
    }

    static Exclusions of(Path capsuleUploads) {
        Path file = capsuleUploads.resolve(FILE);
        try {
            Set<String> hashes =
                    Files.isRegularFile(file) ? new LinkedHashSet<>(Files.readAllLines(file)) : new LinkedHashSet<>();
            hashes.removeIf(String::isBlank);
            return new Exclusions(file, hashes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean contains(SourceFile source) {
        if (hashes.isEmpty()) {
            return false;
        }
        try (InputStream in = source.content().open()) {
            return hashes.contains(Sha256.hex(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean excludes(String sha256) {
        return hashes.contains(sha256);
    }

    void add(String sha256) throws IOException {
        if (hashes.add(sha256)) {
            save();
        }
    }

    void remove(String sha256) throws IOException {
        if (hashes.remove(sha256)) {
            save();
        }
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE + ".tmp");
        Files.write(temp, hashes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
