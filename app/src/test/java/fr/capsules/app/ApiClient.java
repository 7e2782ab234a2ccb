package fr.capsules.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for the service under test: no mock MVC, the actual server. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    private ApiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static ApiClient as(int port, String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient("http://localhost:" + port, "Basic " + token);
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null);
    }

    public static ApiClient bearer(int port, String token) {
        return new ApiClient("http://localhost:" + port, "Bearer " + token);
    }

    /** A response: status, content type and body, with the body as JSON when it is JSON. */
    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A binary download: status, headers and bytes. */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] bytes) {}

    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response postJson(String path, Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    /**
     * Validates a draft as a person who read and ticked each of its open warnings: sends every id of the draft's
     * {@code openWarnings} in {@code acknowledgedWarnings}.
     */
    public Response validateAcknowledgingEveryWarning(String draftId) {
        List<String> ids = new ArrayList<>();
        Response draft = get("/api/drafts/" + draftId);
        if (draft.status() == 200) {
            draft.json().get("openWarnings").forEach(warning -> ids.add(warning.get("id").asString()));
        }
        return postJson("/api/drafts/" + draftId + "/validate", java.util.Map.of("acknowledgedWarnings", ids));
    }

    /** A POST whose body is plain text, as a client that forgot the JSON content type sends it. */
    public Response postText(String path, String body) {
        return send(request(path).header("Content-Type", "text/plain; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response patchJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Assigns a draft for validation to these people (as its author or an admin), asserting nothing. */
    public Response assign(String draftId, String... reviewers) {
        return putJson("/api/drafts/" + draftId + "/reviewers", java.util.Map.of("reviewers", List.of(reviewers)));
    }

    public Response putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** One part of a multipart upload; the content is streamed, so large parts cost no memory. */
    public record Part(String fileName, Supplier<InputStream> content) {
        public static Part of(String fileName, byte[] bytes) {
            return new Part(fileName, () -> new java.io.ByteArrayInputStream(bytes));
        }
    }

    public Response upload(String path, List<Part> parts) {
        return upload(path, "files", parts);
    }

    public Response upload(String path, String field, List<Part> parts) {
        String boundary = "capsules-" + UUID.randomUUID();
        List<InputStream> streams = new ArrayList<>();
        Supplier<InputStream> body =
                () -> {
                    streams.clear();
                    for (Part part : parts) {
                        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                                + part.fileName().replace("\"", "%22") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
                        streams.add(new java.io.ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8)));
                        streams.add(part.content().get());
                        streams.add(new java.io.ByteArrayInputStream("\r\n".getBytes(StandardCharsets.UTF_8)));
                    }
                    streams.add(new java.io.ByteArrayInputStream(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
                    return new SequenceInputStream(Collections.enumeration(new ArrayList<>(streams)));
                };
        HttpRequest.Builder upload = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body));
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return send(upload);
        }
        // A multipart POST is what a cross-site form can send with cached Basic credentials: the service wants the CSRF
        // token, which a Basic client gets like a page does, from a page of its own session.
        HttpClient session = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = send(session, request("/").setHeader("Accept", "text/html").GET()).body();
        java.util.regex.Matcher token = CSRF_META.matcher(page);
        if (token.find()) {
            upload.header("X-CSRF-TOKEN", token.group(1));
        }
        return send(session, upload);
    }

    private static final java.util.regex.Pattern CSRF_META = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        return send(http, builder);
    }

    private static Response send(HttpClient http, HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
