package fr.capsules.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file offered to ingestion: its name, its size and a way to read it. Content is read only after
 * the size has been checked against the limits.
 */
public record SourceFile(SourceName name, long size, Content content) {

    /** Opens the file's bytes; may be called more than once. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public static SourceFile of(String name, byte[] bytes) {
        return new SourceFile(new SourceName(name), bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    }

    public static SourceFile of(String name, Path path) throws IOException {
        return new SourceFile(new SourceName(name), Files.size(path), () -> Files.newInputStream(path));
    }
}
