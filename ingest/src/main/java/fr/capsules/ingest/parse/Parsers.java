package fr.capsules.ingest.parse;

import java.io.IOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The parsers of every {@link DocumentFormat}, and the entry point that detects a file's format
 * and parses it.
 *
 * <p>Thread-safe: parsers are stateless and one instance can serve concurrent uploads. Each call
 * is bounded by its {@link ParseContext} (time limit, memory and size limits).
 */
public final class Parsers {

    private final FormatDetector detector;
    private final Map<DocumentFormat, DocumentParser> byFormat = new EnumMap<>(DocumentFormat.class);

    /** The built-in detector and one built-in parser per format. */
    public Parsers() {
        this(new FormatDetector(), List.of(
                new PdfParser(), new DocxParser(), new XlsxParser(), new CsvParser(),
                new HtmlParser(), new MarkdownParser(), new TextParser()));
    }

    /**
     * @param parsers one parser per format; a later parser for the same format replaces an earlier
     * @throws IllegalArgumentException when a format has no parser
     */
    public Parsers(FormatDetector detector, Collection<? extends DocumentParser> parsers) {
        this.detector = detector;
        parsers.forEach(p -> byFormat.put(p.format(), p));
        for (DocumentFormat format : DocumentFormat.values()) {
            if (!byFormat.containsKey(format)) {
                throw new IllegalArgumentException("no parser for " + format);
            }
        }
    }

    /** The parser of {@code format}, never null. */
    public DocumentParser forFormat(DocumentFormat format) {
        return byFormat.get(format);
    }

    /**
     * Detects the format of the file from its bytes and name, then parses it.
     *
     * @param fileName the uploaded name, may be null
     * @throws DocumentRejectedException when the file is empty, of an unsupported type, or
     *     readable but not acceptable (password-protected, ZIP bomb); the message is French
     * @throws ParseTimeoutException when the context's time limit passes
     * @throws IOException when the file is broken; the message is French
     */
    public ParsedDocument parse(String fileName, byte[] content, ParseContext context) throws IOException {
        return forFormat(detector.detect(fileName, content)).parse(content, context);
    }
}
