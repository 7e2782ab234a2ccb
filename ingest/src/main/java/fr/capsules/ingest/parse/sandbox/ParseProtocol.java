package fr.capsules.ingest.parse.sandbox;

import fr.capsules.ingest.parse.ParseLimits;
import fr.capsules.ingest.parse.ParsedDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;

/**
 * What the parent and a child say to each other over the child's standard input and output, in
 * {@link DataOutputStream} format. The child says {@link #READY} once started. A request: {@link
 * #PARSE}, the file name (empty when unknown), the limits, the length of the bytes, the bytes. A
 * reply: one of the {@code Kind}s, then for {@link Kind#PARSED} the length and the Java
 * serialisation of the {@link ParsedDocument}, otherwise a French message. The parent reads the
 * document back through an allow-list filter: only the parse package's records, and {@code
 * java.util} / {@code java.lang} for their lists and strings.
 */
final class ParseProtocol {

    static final int READY = 0x43505331; // "CPS1"
    static final int PARSE = 1;

    /** A reply larger than this is not a parsed document. */
    static final int MAX_REPLY_BYTES = 512 * 1024 * 1024;

    private static final int MAX_MESSAGE = 2_000;

    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=16;maxarray=50000000;fr.capsules.ingest.parse.*;java.util.*;java.lang.*;!*");

    enum Kind { PARSED, REJECTED, TIMED_OUT, OVER_LIMIT, FAILED }

    /** A child's answer about one file. */
    record Reply(Kind kind, String message, ParsedDocument document) {}

    private ParseProtocol() {}

    static void writeRequest(DataOutputStream out, String fileName, byte[] content, ParseLimits limits)
            throws IOException {
        out.writeInt(PARSE);
        out.writeUTF(fileName == null ? "" : fileName);
        out.writeLong(limits.timeout().toMillis());
        out.writeLong(limits.maxMainMemoryBytes());
        out.writeLong(limits.maxTextChars());
        out.writeInt(limits.maxPages());
        out.writeInt(limits.maxRows());
        out.writeLong(limits.maxDecompressedBytes());
        out.writeInt(content.length);
        out.write(content);
        out.flush();
    }

    /** A request read by the child, after its {@link #PARSE} code. */
    record Request(String fileName, ParseLimits limits, byte[] content) {}

    static Request readRequest(DataInputStream in) throws IOException {
        String name = in.readUTF();
        ParseLimits limits = new ParseLimits(Duration.ofMillis(in.readLong()), in.readLong(), in.readLong(),
                in.readInt(), in.readInt(), in.readLong());
        byte[] content = new byte[in.readInt()];
        in.readFully(content);
        return new Request(name.isEmpty() ? null : name, limits, content);
    }

    static void writeParsed(DataOutputStream out, ParsedDocument document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(document);
        }
        out.writeByte(Kind.PARSED.ordinal());
        out.writeInt(bytes.size());
        bytes.writeTo(out);
        out.flush();
    }

    static void writeOther(DataOutputStream out, Kind kind, String message) throws IOException {
        String text = message == null ? "" : message;
        out.writeByte(kind.ordinal());
        out.writeUTF(text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text);
        out.flush();
    }

    static Reply readReply(DataInputStream in) throws IOException {
        int code = in.readUnsignedByte();
        if (code >= Kind.values().length) {
            throw new IOException("unknown reply " + code);
        }
        Kind kind = Kind.values()[code];
        if (kind != Kind.PARSED) {
            return new Reply(kind, in.readUTF(), null);
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_REPLY_BYTES) {
            throw new IOException("reply of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            objects.setObjectInputFilter(FILTER);
            return new Reply(kind, "", (ParsedDocument) objects.readObject());
        } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
            throw new IOException("unreadable reply: " + e, e);
        }
    }
}
