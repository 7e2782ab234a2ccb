package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.SourceName;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.parse.ParsedDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One file on its way through the {@link IngestionStage}s: what the stages before found or made
 * of it, the warnings and counts they gathered, and, once a stage ends it, its result.
 *
 * <p>What a stage reads is set by an earlier stage ({@link IngestionPipeline} says which): a getter
 * called too early answers null (or an empty list). Not thread-safe: one file is worked on by one
 * thread at a time.
 */
public final class FileIngestion {

    private final SourceFile source;
    private byte[] bytes;
    private String sha256;
    private ParsedDocument document;
    private String title;
    private String date;
    private List<Passage> passages = List.of();
    private String contentHash;
    private List<float[]> vectors;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private IngestionResult result;

    FileIngestion(SourceFile source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The file as offered: name, announced size, content. */
    public SourceFile source() {
        return source;
    }

    /** The file's name as given, e.g. "2024/ehpad-x/rapport.pdf". */
    public String name() {
        return source.name().value();
    }

    /**
     * The file's bytes, read once by the first stage: later stages use these rather than open the
     * file again. Not to be modified.
     */
    public byte[] bytes() {
        return bytes;
    }

    /** SHA-256 of {@link #bytes()}, 64 lower-case hex digits. */
    public String sha256() {
        return sha256;
    }

    /** The id the document gets in the index: the first 20 hex digits of {@link #sha256()}. */
    public String documentId() {
        return sha256 == null ? null : sha256.substring(0, 20);
    }

    void read(byte[] bytes, String sha256) {
        this.bytes = bytes;
        this.sha256 = sha256;
    }

    /** What the parser understood of the file; normalised once the normalising stage has run. */
    public ParsedDocument document() {
        return document;
    }

    /** Replaces the parsed document, e.g. with its text normalised or pseudonymised. */
    public void document(ParsedDocument document) {
        this.document = Objects.requireNonNull(document, "document");
    }

    /** The title shown in citations. */
    public String title() {
        return title;
    }

    /** Replaces the title, e.g. pseudonymised. */
    public void title(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** The document's date as ISO yyyy-MM-dd, or null when none was found. */
    public String date() {
        return date;
    }

    void date(String isoDate) {
        this.date = isoDate;
    }

    /** The passages to index, in reading order. */
    public List<Passage> passages() {
        return passages;
    }

    /** Replaces the passages, e.g. with their text pseudonymised. */
    public void passages(List<Passage> passages) {
        this.passages = List.copyOf(passages);
    }

    String contentHash() {
        return contentHash;
    }

    void contentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    /** One vector per passage, or null for an index without vectors. */
    List<float[]> vectors() {
        return vectors;
    }

    void vectors(List<float[]> vectors) {
        this.vectors = List.copyOf(vectors);
    }

    /** Adds a French sentence for the file's report. */
    public void warn(String warning) {
        warnings.add(Objects.requireNonNull(warning, "warning"));
    }

    /**
     * Adds {@code howMany} to the counter {@code label}, a short French label read by people
     * ("NIR remplacés"); a count of 0 is not reported.
     */
    public void count(String label, int howMany) {
        Objects.requireNonNull(label, "label");
        if (howMany < 0) {
            throw new IllegalArgumentException("a count is not negative, got " + howMany);
        }
        if (howMany > 0) {
            counts.merge(label, howMany, Integer::sum);
        }
    }

    /** Ends the file as not acceptable; {@code reason} says why, in French. */
    public void reject(String reason) {
        end(new IngestionResult(printableName(), IngestionStatus.REJECTED, null, null, pages(), 0, warnings,
                Objects.requireNonNull(reason, "reason"), null, counts));
    }

    /** Ends the file as acceptable but not indexed; {@code reason} says why, in French. */
    public void fail(FailureReason failure, String reason) {
        end(new IngestionResult(printableName(), IngestionStatus.FAILED, null, null, pages(), 0, warnings,
                Objects.requireNonNull(reason, "reason"), Objects.requireNonNull(failure, "failure"), counts));
    }

    /**
     * Ends the file as a duplicate of a document already in the capsule: the result describes
     * that document, and its only warning says how the two are the same ("fichier identique").
     */
    public void duplicateOf(DocumentRecord existing, String how) {
        end(new IngestionResult(printableName(), IngestionStatus.DUPLICATE, existing.documentId(), existing.title(),
                existing.pages(), existing.chunks(),
                List.of(how + " à « " + existing.file() + " », déjà dans la capsule"), null, null, counts));
    }

    void indexed(DocumentRecord record) {
        end(new IngestionResult(printableName(), IngestionStatus.INDEXED, record.documentId(), record.title(),
                record.pages(), record.chunks(), record.warnings(), null, null, counts));
    }

    /** Whether a stage has ended the file; the stages after it do not run. */
    public boolean ended() {
        return result != null;
    }

    IngestionResult result() {
        return result;
    }

    /** The record the index keeps of this file, from what the stages found. */
    DocumentRecord record() {
        return new DocumentRecord(
                documentId(),
                name(),
                title,
                date,
                document.pageCount(),
                passages.size(),
                sha256,
                contentHash,
                document.format().name().toLowerCase(Locale.ROOT),
                warnings,
                Instant.now());
    }

    private void end(IngestionResult result) {
        if (this.result != null) {
            throw new IllegalStateException(name() + " already ended as " + this.result.status().json());
        }
        this.result = result;
    }

    private int pages() {
        return document == null ? 0 : document.pageCount();
    }

    private String printableName() {
        return SourceName.printable(name());
    }
}
