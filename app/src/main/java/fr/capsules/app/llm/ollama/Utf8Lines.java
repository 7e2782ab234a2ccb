package fr.capsules.app.llm.ollama;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of an NDJSON body, each decoded strictly: bytes that are not UTF-8 are reported, never turned into
 * replacement characters behind the reader's back (what {@code BodyHandlers.ofLines()} and LangChain4j do). A line
 * longer than the bound is reported as malformed rather than held in memory. Not thread-safe.
 */
final class Utf8Lines {

    /**
     * One line: its text, or null when its bytes are not UTF-8 ({@code invalidUtf8}) or it is longer than the bound
     * ({@code tooLong}); {@code unterminated} when the body ended inside it (a cut stream).
     */
    record Line(String text, boolean invalidUtf8, boolean tooLong, boolean unterminated) {}

    private final InputStream in;
    private final int maxBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    Utf8Lines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its end, or null at the end of the body. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line.size() == 0 && !tooLong ? null : decode(line, tooLong, true);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (!tooLong) {
                line.write(buffer, start, position - start);
                if (line.size() > maxBytes) {
                    tooLong = true;
                    line.reset();
                }
            }
            if (position < limit) {
                position++;
                return decode(line, tooLong, false);
            }
        }
    }

    private Line decode(ByteArrayOutputStream bytes, boolean tooLong, boolean unterminated) {
        if (tooLong) {
            return new Line(null, false, true, unterminated);
        }
        try {
            String text = decoder.reset().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            return new Line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, false, false, unterminated);
        } catch (CharacterCodingException e) {
            return new Line(null, true, false, unterminated);
        }
    }
}
