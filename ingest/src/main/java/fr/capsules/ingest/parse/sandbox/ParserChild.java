package fr.capsules.ingest.parse.sandbox;

import fr.capsules.ingest.parse.DocumentRejectedException;
import fr.capsules.ingest.parse.ParseContext;
import fr.capsules.ingest.parse.ParseLimitException;
import fr.capsules.ingest.parse.ParseTimeoutException;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.Parsers;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a child JVM of {@link ParserSandbox}: reads requests on its standard input,
 * parses each file with {@link Parsers} and writes the reply on its standard output (see {@link
 * ParseProtocol}). Anything a library prints goes to standard error, never into the replies. Ends
 * when its standard input closes (the parent closed it, or died). An {@link OutOfMemoryError}
 * ends the JVM ({@code -XX:+ExitOnOutOfMemoryError}, exit code 3): the parent reports the file as
 * over the memory bound.
 */
public final class ParserChild {

    private ParserChild() {}

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 64 * 1024));
        Parsers parsers = new Parsers();
        out.writeInt(ParseProtocol.READY);
        out.flush();
        while (true) {
            int op;
            try {
                op = in.readInt();
            } catch (EOFException e) {
                return;
            }
            if (op != ParseProtocol.PARSE) {
                System.err.println("capsules parser child: unknown request " + op);
                System.exit(2);
            }
            ParseProtocol.Request request = ParseProtocol.readRequest(in);
            answer(parsers, request, out);
        }
    }

    private static void answer(Parsers parsers, ParseProtocol.Request request, DataOutputStream out) throws IOException {
        ParsedDocument parsed;
        try {
            parsed = parsers.parse(request.fileName(), request.content(), new ParseContext(request.limits()));
        } catch (DocumentRejectedException e) {
            ParseProtocol.writeOther(out, ParseProtocol.Kind.REJECTED, e.getMessage());
            return;
        } catch (ParseTimeoutException e) {
            ParseProtocol.writeOther(out, ParseProtocol.Kind.TIMED_OUT, e.getMessage());
            return;
        } catch (ParseLimitException e) {
            ParseProtocol.writeOther(out, ParseProtocol.Kind.OVER_LIMIT, e.getMessage());
            return;
        } catch (Exception | StackOverflowError e) {
            System.err.println("capsules parser child: " + e);
            ParseProtocol.writeOther(out, ParseProtocol.Kind.FAILED, e.getMessage());
            return;
        }
        ParseProtocol.writeParsed(out, parsed);
    }
}
