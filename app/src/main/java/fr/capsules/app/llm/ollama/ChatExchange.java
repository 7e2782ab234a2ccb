package fr.capsules.app.llm.ollama;

import fr.capsules.app.llm.ModelUnavailableException;
import fr.capsules.app.llm.OutputDefect;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code /api/chat} request under way, read by {@link ChatStream} on the thread that calls {@link #run}, and
 * ended from any other thread by {@link #stop} (deadline, silence) or {@link #cancel} (the client left): either
 * aborts the HTTP exchange at once, before the response headers as well as mid-body, which closes the connection so
 * that Ollama stops generating. Thread-safe for {@code stop}, {@code cancel} and {@link #silentFor}.
 */
final class ChatExchange {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final HttpRequest request;
    private final ChatStream stream;
    private volatile long lastActivity = System.nanoTime();
    private OutputDefect stoppedFor;
    private boolean cancelled;
    private CompletableFuture<HttpResponse<InputStream>> pending;
    private InputStream body;

    ChatExchange(HttpClient http, HttpRequest request, Consumer<String> tokens) {
        this.http = http;
        this.request = request;
        this.stream = new ChatStream(piece -> {
            lastActivity = System.nanoTime();
            if (!isCancelled()) {
                tokens.accept(piece);
            }
        });
    }

    /**
     * Sends the request and reads the answer to its end, its first defect, or until stopped from outside.
     *
     * @throws ModelUnavailableException when the server refused the request (HTTP error) or could not be reached
     */
    ChatStream.Result run(String model) {
        CompletableFuture<HttpResponse<InputStream>> future;
        synchronized (this) {
            if (stoppedFor != null || cancelled) {
                return ended();
            }
            future = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            pending = future;
        }
        HttpResponse<InputStream> response;
        try {
            response = future.get();
        } catch (CancellationException e) {
            return ended();
        } catch (InterruptedException e) {
            // Nobody waits for this answer any more: the same as a client that left.
            cancel();
            Thread.currentThread().interrupt();
            return ended();
        } catch (ExecutionException e) {
            if (isEnded()) {
                return ended();
            }
            throw FailureClassifier.classify(e.getCause(), model);
        }
        synchronized (this) {
            body = response.body();
            if (stoppedFor != null || cancelled) {
                closeQuietly(body);
                return ended();
            }
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw refused(response.statusCode(), in, model);
            }
            ChatStream.Result result = stream.read(in);
            if (result.defect() == null) {
                drain(in);
            }
            return result;
        } catch (IOException e) {
            return isEnded() ? ended() : new ChatStream.Result(stream.textSoFar(), OutputDefect.CONNECTION_CUT, null, null,
                    stream.usageSoFar());
        }
    }

    /** How long since the request was sent or the last token arrived. */
    java.time.Duration silentFor() {
        return java.time.Duration.ofNanos(System.nanoTime() - lastActivity);
    }

    /** Ends the generation for {@code why}; the text received so far is kept. */
    void stop(OutputDefect why) {
        synchronized (this) {
            if (stoppedFor != null || cancelled) {
                return;
            }
            stoppedFor = why;
        }
        abort();
    }

    /** Ends the generation because nobody waits for it any more; nothing more reaches the token consumer. */
    void cancel() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        abort();
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    private synchronized boolean isEnded() {
        return stoppedFor != null || cancelled;
    }

    private void abort() {
        CompletableFuture<HttpResponse<InputStream>> future;
        InputStream in;
        synchronized (this) {
            future = pending;
            in = body;
        }
        if (future != null) {
            // Before the headers: cancelling the exchange closes its connection.
            future.cancel(true);
        }
        if (in != null) {
            // Mid-body: closing an unfinished HTTP/1.1 body closes the connection too.
            closeQuietly(in);
        }
    }

    private synchronized ChatStream.Result ended() {
        return new ChatStream.Result(stream.textSoFar(), cancelled ? OutputDefect.CONNECTION_CUT : stoppedFor, null, null,
                stream.usageSoFar());
    }

    private static ModelUnavailableException refused(int status, InputStream in, String model) throws IOException {
        String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        String error;
        try {
            error = JSON.readTree(text).path("error").asString("");
        } catch (JacksonException e) {
            error = "";
        }
        if (status == 404 && error.contains("not found")) {
            return new ModelUnavailableException(ModelUnavailableException.Reason.MODEL_MISSING,
                    ModelServerStatus.pullHint(model), null);
        }
        return new ModelUnavailableException(ModelUnavailableException.Reason.SERVER_ERROR, "HTTP " + status, null);
    }

    /**
     * Reads what follows the final line (normally just the end of the body), so that the connection goes back to the
     * pool instead of being closed as if the client gave up; the answer is already whole whatever happens here.
     */
    private static void drain(InputStream in) {
        try {
            byte[] rest = in.readNBytes(64 * 1024);
            if (rest.length == 64 * 1024) {
                closeQuietly(in);
            }
        } catch (IOException ignored) {
            // the connection is dropped instead of reused
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the connection is being dropped anyway
        }
    }
}
