package fr.capsules.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Expands a {@code .zip} into the files it holds, each checked like an uploaded file. Unsafe entry
 * names (path traversal, absolute paths, control characters) are rejected one by one; an archive
 * over the entry count, total size or compression ratio is rejected whole, since it is likely a
 * zip bomb. Sizes are counted on the bytes actually inflated, never trusted from headers.
 */
public final class ArchiveExpander {

    private final ArchiveLimits limits;
    private final long maxFileBytes;

    public ArchiveExpander(ArchiveLimits limits, long maxFileBytes) {
        this.limits = limits;
        this.maxFileBytes = maxFileBytes;
    }

    /** Whether a file name designates an archive this class expands. */
    public static boolean isArchive(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** The files and the per-entry rejections of one archive. */
    public record Expansion(List<SourceFile> files, List<IngestionResult> rejected) {}

    /**
     * Reads the archive.
     *
     * @param archiveName the archive's own name, prefixed to entries in reports
     * @throws ArchiveRejectedException when the archive as a whole is refused
     */
    public Expansion expand(String archiveName, InputStream archive, long archiveBytes) {
        List<SourceFile> files = new ArrayList<>();
        List<IngestionResult> rejected = new ArrayList<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(archive)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (++entries > limits.maxEntries()) {
                    throw new ArchiveRejectedException(
                            "archive refusée : plus de " + limits.maxEntries() + " fichiers");
                }
                String entryName = entry.getName();
                String shown = archiveName + "/" + SourceName.printable(entryName);
                String problem = SourceName.problemWith(entryName, true);
                if (problem != null) {
                    rejected.add(IngestionResult.rejected(shown, problem));
                    continue;
                }
                if (isArchive(entryName)) {
                    rejected.add(IngestionResult.rejected(shown, "archive dans l'archive : décompressez-la avant de la déposer"));
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                long entrySize = 0;
                boolean tooLarge = false;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    entrySize += read;
                    total += read;
                    checkTotals(total, archiveBytes);
                    if (entrySize > maxFileBytes) {
                        tooLarge = true;
                        continue; // keep counting, to detect a bomb, but stop keeping bytes
                    }
                    out.write(buffer, 0, read);
                }
                if (tooLarge) {
                    rejected.add(
                            IngestionResult.rejected(
                                    shown, "fichier trop volumineux une fois décompressé (limite " + (maxFileBytes / (1024 * 1024)) + " Mo)"));
                    continue;
                }
                files.add(SourceFile.of(archiveName + "/" + entryName, out.toByteArray()));
            }
        } catch (ZipException e) {
            throw new ArchiveRejectedException("archive zip illisible ou endommagée : " + e.getMessage());
        } catch (IOException e) {
            throw new ArchiveRejectedException("archive zip illisible : " + e.getMessage());
        }
        if (entries == 0 && rejected.isEmpty()) {
            throw new ArchiveRejectedException("archive vide ou qui n'est pas au format zip");
        }
        return new Expansion(files, rejected);
    }

    private void checkTotals(long total, long archiveBytes) {
        if (total > limits.maxTotalBytes()) {
            throw new ArchiveRejectedException(
                    "archive refusée : plus de " + (limits.maxTotalBytes() / (1024 * 1024)) + " Mo une fois décompressée");
        }
        // Small archives may legitimately compress well; judge the ratio past the first megabyte.
        if (total > 1024 * 1024 && total > limits.maxRatio() * Math.max(archiveBytes, 1)) {
            throw new ArchiveRejectedException(
                    "archive refusée : taux de compression anormal (plus de " + (int) limits.maxRatio()
                            + " pour 1), probablement une « bombe zip »");
        }
    }

    /** The archive as a whole is refused; the message is for the person who uploaded it. */
    public static final class ArchiveRejectedException extends RuntimeException {
        public ArchiveRejectedException(String message) {
            super(message);
        }
    }
}
