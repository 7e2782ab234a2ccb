package fr.capsules.app.llm;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP exchange spoken the way Ollama speaks: JSON bodies, {@code {"error"}} objects, NDJSON streams. */
final class JsonExchange {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String NDJSON_TYPE = "application/x-ndjson";

    private final HttpExchange exchange;
    private OutputStream stream;

    JsonExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** The port the request came from: identifies its connection (the relay's side of it). */
    int remotePort() {
        return exchange.getRemoteAddress().getPort();
    }

    /** Writes bytes as they are, within a stream begun by {@link #writeLine}: lines a real server should not send. */
    void writeRaw(byte[] bytes) throws IOException {
        if (stream == null) {
            exchange.getResponseHeaders().set("Content-Type", NDJSON_TYPE);
            exchange.sendResponseHeaders(200, 0);
            stream = exchange.getResponseBody();
        }
        stream.write(bytes);
        stream.flush();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    /** The request body as JSON; {@link InvalidRequest} (answered with 400) when missing or malformed. */
    JsonNode readJson() throws IOException {
        byte[] body;
        try (var in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (body.length == 0) {
            throw new InvalidRequest("missing request body");
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequest("invalid JSON request body: " + e.getOriginalMessage());
        }
    }

    void sendJson(int status, JsonNode body) throws IOException {
        send(status, JSON_TYPE, JSON.writeValueAsString(body));
    }

    /** Ollama's error shape: {@code {"error": "message"}}. */
    void sendError(int status, String message) throws IOException {
        sendJson(status, JSON.createObjectNode().put("error", message));
    }

    void send(int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Writes one NDJSON line and flushes it, so the client sees each token as it is produced.
     * Headers go with the first line: Ollama too answers nothing until the first token exists.
     */
    void writeLine(String line) throws IOException {
        if (stream == null) {
            exchange.getResponseHeaders().set("Content-Type", NDJSON_TYPE);
            exchange.sendResponseHeaders(200, 0);
            stream = exchange.getResponseBody();
        }
        stream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stream.flush();
    }

    void writeLine(JsonNode line) throws IOException {
        writeLine(JSON.writeValueAsString(line));
    }

    /** Ends a stream normally (the final zero-length chunk). */
    void finish() {
        exchange.close();
    }

    /**
     * Before any response was sent: drops the connection, since closing an exchange whose headers
     * were never sent makes the JDK server close the socket (what a crashed Ollama looks like).
     * Once streaming: ends the body where it stands, without Ollama's final line.
     */
    void abort() {
        exchange.close();
    }

    /** A request Ollama would refuse with 400. */
    static final class InvalidRequest extends RuntimeException {

        InvalidRequest(String message) {
            super(message);
        }
    }
}
