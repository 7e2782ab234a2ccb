package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.parse.DocumentRejectedException;
import fr.capsules.ingest.parse.ParseTimeoutException;
import fr.capsules.ingest.parse.ParsedDocument;

/**
 * Parses the bytes into a document under a time and memory bound ({@link BoundedParsing}); the
 * parser's warnings become the file's first warnings.
 */
final class ParseFile implements IngestionStage {

    private final BoundedParsing parsing;

    ParseFile(BoundedParsing parsing) {
        this.parsing = parsing;
    }

    @Override
    public void apply(FileIngestion file) {
        ParsedDocument parsed;
        try {
            parsed = parsing.parse(file.source().name(), file.bytes());
        } catch (DocumentRejectedException e) {
            file.reject(e.getMessage());
            return;
        } catch (ParseTimeoutException e) {
            file.fail(FailureReason.TIMED_OUT, e.getMessage());
            return;
        } catch (BoundedParsing.Failure e) {
            file.fail(e.reason(), e.getMessage());
            return;
        }
        file.document(parsed);
        parsed.warnings().forEach(file::warn);
    }
}
