package fr.capsules.app.document;

import fr.capsules.ingest.ArchiveLimits;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.chunk.ChunkingSettings;
import fr.capsules.ingest.parse.ParseLimits;
import fr.capsules.ingest.parse.sandbox.SandboxSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on uploads and on the parsing of each file ({@code capsules.ingestion.*}).
 *
 * @param maxFileSize one file; larger files are rejected, the others of the upload go on
 * @param maxFilesPerUpload files in one request (an archive's entries count)
 * @param parseTimeout wall-clock time to parse one file
 * @param parseMemory heap PDFBox may use per document before spilling to temporary files
 * @param maxTextChars characters read from one file
 * @param zipMaxEntries entries in one archive
 * @param zipMaxTotalSize an archive's total uncompressed size
 * @param zipMaxRatio uncompressed over compressed size of an archive
 * @param indexOnStartup index the catalogue's documents on start (only what is not yet indexed)
 * @param maxDecompressedSize what one file may inflate to (PDF streams, DOCX/XLSX entries); a file
 *     beyond it fails as too large
 * @param parseSandbox parse each file in a child JVM that is killed at the time limit (default);
 *     false parses on threads of the service (a parser past its time limit keeps its thread)
 * @param parseSandboxChildren child JVMs at most (files parsed at the same time)
 * @param parseSandboxMemory heap of each child JVM; a file that needs more fails as too large
 */
@ConfigurationProperties("capsules.ingestion")
public record IngestionProperties(
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue("100") int maxFilesPerUpload,
        @DefaultValue("60s") Duration parseTimeout,
        @DefaultValue("64MB") DataSize parseMemory,
        @DefaultValue("5000000") long maxTextChars,
        @DefaultValue("2000") int maxPages,
        @DefaultValue("100000") int maxRows,
        @DefaultValue("500") int zipMaxEntries,
        @DefaultValue("200MB") DataSize zipMaxTotalSize,
        @DefaultValue("100") double zipMaxRatio,
        @DefaultValue("900") int chunkTargetChars,
        @DefaultValue("1600") int chunkMaxChars,
        @DefaultValue("true") boolean indexOnStartup,
        @DefaultValue("512MB") DataSize maxDecompressedSize,
        @DefaultValue("true") boolean parseSandbox,
        @DefaultValue("2") int parseSandboxChildren,
        @DefaultValue("512MB") DataSize parseSandboxMemory) {

    public IngestionSettings settings() {
        SandboxSettings sandbox = new SandboxSettings(parseSandbox, parseSandboxChildren, parseSandboxMemory.toBytes(),
                SandboxSettings.defaults().filesPerChild(), SandboxSettings.defaults().idleTimeout());
        return new IngestionSettings(
                maxFileSize.toBytes(),
                new ParseLimits(parseTimeout, parseMemory.toBytes(), maxTextChars, maxPages, maxRows,
                        maxDecompressedSize.toBytes()),
                new ChunkingSettings(chunkTargetChars, chunkMaxChars))
                .withSandbox(sandbox);
    }

    public ArchiveLimits archiveLimits() {
        return new ArchiveLimits(zipMaxEntries, zipMaxTotalSize.toBytes(), zipMaxRatio);
    }
}
