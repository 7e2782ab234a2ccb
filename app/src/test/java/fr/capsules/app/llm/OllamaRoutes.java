package fr.capsules.app.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Ollama endpoints the service uses, dispatched by method and exact path like Ollama's router:
 * anything else, including a known path with the wrong method, is {@code 404 page not found}.
 */
final class OllamaRoutes implements HttpHandler {

    static final String VERSION = "0.12.6";

    private final InstalledModels models;
    private final ReceivedRequests received;
    private final Function<ChatCall, ScriptedReply> replies;
    private final Gate embedGate;

    OllamaRoutes(InstalledModels models, ReceivedRequests received, Function<ChatCall, ScriptedReply> replies,
            Gate embedGate) {
        this.models = models;
        this.received = received;
        this.replies = replies;
        this.embedGate = embedGate;
    }

    @Override
    public void handle(HttpExchange httpExchange) throws IOException {
        JsonExchange exchange = new JsonExchange(httpExchange);
        try {
            switch (exchange.method() + " " + exchange.path()) {
                case "GET /", "HEAD /" -> exchange.send(200, "text/plain; charset=utf-8", "Ollama is running");
                case "GET /api/version" -> exchange.sendJson(200, json().put("version", VERSION));
                case "GET /api/tags" -> {
                    received.tags();
                    exchange.sendJson(200, models.tags());
                }
                case "POST /api/show" -> show(exchange);
                case "POST /api/chat" -> chat(exchange);
                case "POST /api/embed" -> embed(exchange);
                default -> exchange.send(404, "text/plain", "404 page not found");
            }
        } catch (JsonExchange.InvalidRequest e) {
            exchange.sendError(400, e.getMessage());
        } catch (InterruptedException e) {
            // The server is closing: leave the client without an answer, as a stopped Ollama would.
            Thread.currentThread().interrupt();
            exchange.abort();
        } catch (RuntimeException e) {
            // A bug in a test's responder must not look like a network failure to the client.
            exchange.sendError(500, "fake Ollama failed: " + e);
        }
    }

    private void show(JsonExchange exchange) throws IOException {
        JsonNode body = exchange.readJson();
        // Ollama still accepts the legacy "name" field, which some clients send.
        String requested = body.hasNonNull("model") ? body.get("model").asString() : body.path("name").asString(null);
        received.show(requested);
        Optional<InstalledModels.Model> model = models.find(requested);
        if (model.isPresent()) {
            exchange.sendJson(200, models.show(model.get()));
        } else {
            exchange.sendError(404, notFound(requested));
        }
    }

    private void chat(JsonExchange exchange) throws IOException, InterruptedException {
        long arrived = System.nanoTime();
        ChatCall call = ChatCall.from(exchange.readJson(), Instant.now());
        received.chat(call);
        received.arrived(call, arrived);
        if (call.model() == null || call.model().isBlank()) {
            throw new JsonExchange.InvalidRequest("model is required");
        }
        Optional<InstalledModels.Model> model = models.find(call.model());
        if (model.isEmpty()) {
            exchange.sendError(404, notFound(call.model()));
        } else if (model.get().embedding()) {
            exchange.sendError(400, "\"" + call.model() + "\" does not support chat");
        } else {
            new ChatReplyWriter(exchange, call, received).write(replies.apply(call));
        }
    }

    private void embed(JsonExchange exchange) throws IOException {
        long started = System.nanoTime();
        JsonNode body = exchange.readJson();
        JsonNode input = body.path("input");
        List<String> inputs = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(text -> inputs.add(text.asString()));
        } else if (!input.isMissingNode() && !input.isNull()) {
            inputs.add(input.asString());
        }
        String requested = body.path("model").asString(null);
        received.embed(new EmbedCall(requested, inputs, body, Instant.now()));
        embedGate.pass();
        Optional<InstalledModels.Model> model = models.find(requested);
        if (model.isEmpty()) {
            exchange.sendError(404, notFound(requested));
            return;
        }
        if (!model.get().embedding()) {
            exchange.sendError(400, "\"" + requested + "\" does not support embeddings");
            return;
        }
        FakeEmbeddings embeddings = new FakeEmbeddings(model.get().dimension());
        ObjectNode response = json().put("model", requested);
        var vectors = response.putArray("embeddings");
        int promptTokens = 0;
        for (String text : inputs) {
            var vector = vectors.addArray();
            for (float value : embeddings.embed(text)) {
                vector.add(value);
            }
            promptTokens += ScriptedReply.tokenise(text).size() + 2;
        }
        exchange.sendJson(200, response
                .put("total_duration", System.nanoTime() - started)
                .put("load_duration", 1_234_567L)
                .put("prompt_eval_count", promptTokens));
    }

    private static String notFound(String model) {
        return "model '" + model + "' not found";
    }

    private static ObjectNode json() {
        return JsonExchange.JSON.createObjectNode();
    }
}
