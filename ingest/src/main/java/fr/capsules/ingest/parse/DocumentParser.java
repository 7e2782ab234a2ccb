package fr.capsules.ingest.parse;

import java.io.IOException;

/**
 * Parses the bytes of one file of a given format into structural blocks.
 *
 * <p>Implementations are stateless and thread-safe. They check {@link ParseContext#checkpoint()}
 * between pages, rows or elements so that a time limit can stop them, and they honour the memory
 * bounds of {@link ParseLimits}. They throw {@link DocumentRejectedException} for files that are
 * readable but not acceptable (encrypted, password-protected), and any other exception for broken
 * files.
 */
public interface DocumentParser {

    DocumentFormat format();

    ParsedDocument parse(byte[] content, ParseContext context) throws IOException;
}
