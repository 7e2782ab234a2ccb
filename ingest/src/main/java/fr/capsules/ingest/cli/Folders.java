package fr.capsules.ingest.cli;

import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.SourceName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Lists the files of a folder as ingestion sources, named by their path relative to the folder. */
final class Folders {

    private Folders() {}

    static List<SourceFile> sources(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(p -> source(folder, p))
                    .filter(s -> s != null)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static SourceFile source(Path folder, Path file) {
        String name = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        String problem = SourceName.problemWith(name, true);
        if (problem != null) {
            System.err.println("ignoré : " + SourceName.printable(name) + " — " + problem);
            return null;
        }
        try {
            return SourceFile.of(name, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
