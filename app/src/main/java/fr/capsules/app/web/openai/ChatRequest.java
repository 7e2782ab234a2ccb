package fr.capsules.app.web.openai;

import fr.capsules.app.ask.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A chat completion request, checked: the capsule named by {@code model}, the question (the last
 * message, from the user), the earlier exchanges (system and developer messages are left out: the
 * capsule's own instructions apply), and whether to stream. Everything the service cannot honour
 * is refused with a message naming it, rather than silently ignored: tools and function calls,
 * {@code n} > 1, structured output, log probabilities, audio, non-text content. Sampling settings
 * ({@code temperature}, {@code max_tokens}…) are accepted and left to the capsule's settings.
 *
 * @param earlier user questions each paired with the assistant reply that followed, oldest first
 */
record ChatRequest(String model, boolean stream, String question, List<Turn> earlier) {

    private static final Set<String> CONSIGNES = Set.of("system", "developer");
    private static final String TOOLS =
            "les outils et appels de fonctions ne sont pas pris en charge : une capsule répond uniquement à partir de"
                    + " ses documents, avec ses sources ; retirez « %s » de la requête";

    static ChatRequest of(JsonNode body, int maxMessages) {
        if (body == null || !body.isObject()) {
            throw UnsupportedRequestException.invalid(null, "le corps de la requête doit être un objet JSON"
                    + " (« model », « messages », et « stream » au besoin)");
        }
        refuseUnsupported(body);
        String model = model(body.get("model"));
        boolean stream = flag(body, "stream");
        List<Message> messages = messages(body.get("messages"), maxMessages);
        return conversation(model, stream, messages);
    }

    private static void refuseUnsupported(JsonNode body) {
        for (String member : List.of("tools", "functions")) {
            JsonNode value = body.get(member);
            if (present(value) && !(value.isArray() && value.isEmpty())) {
                throw UnsupportedRequestException.unsupported(member, TOOLS.formatted(member));
            }
        }
        for (String member : List.of("tool_choice", "function_call")) {
            JsonNode value = body.get(member);
            if (present(value) && !(value.isString() && value.asString().equals("none"))) {
                throw UnsupportedRequestException.unsupported(member, TOOLS.formatted(member));
            }
        }
        JsonNode n = body.get("n");
        if (present(n) && !(n.isIntegralNumber() && n.asInt() == 1)) {
            throw new UnsupportedRequestException("n", "unsupported_value", "n = " + n + " n'est pas pris en charge : une"
                    + " capsule donne une seule réponse par question (n = 1, ou retirez « n »)");
        }
        JsonNode format = body.get("response_format");
        if (present(format) && !(format.isObject() && "text".equals(format.path("type").asString("")))) {
            throw UnsupportedRequestException.unsupported("response_format", "« response_format » ("
                    + format.path("type").asString("?") + ") n'est pas pris en charge : une capsule répond en texte, avec"
                    + " le label IA et ses sources ; retirez « response_format » ou demandez le type « text »");
        }
        if (flag(body, "logprobs") || present(body.get("top_logprobs"))) {
            throw UnsupportedRequestException.unsupported(present(body.get("top_logprobs")) && !flag(body, "logprobs")
                    ? "top_logprobs" : "logprobs", "les probabilités des jetons (« logprobs ») ne sont pas disponibles");
        }
        if (present(body.get("audio"))) {
            throw UnsupportedRequestException.unsupported("audio", "les réponses audio ne sont pas prises en charge :"
                    + " une capsule répond en texte");
        }
        JsonNode modalities = body.get("modalities");
        if (present(modalities) && modalities.isArray()) {
            for (JsonNode modality : modalities) {
                if (!"text".equals(modality.asString(""))) {
                    throw UnsupportedRequestException.unsupported("modalities", "seule la modalité « text » est prise en"
                            + " charge");
                }
            }
        }
        if (present(body.get("web_search_options"))) {
            throw UnsupportedRequestException.unsupported("web_search_options", "la recherche sur le web n'est pas"
                    + " prise en charge : une capsule répond uniquement à partir de ses documents");
        }
    }

    private static String model(JsonNode model) {
        if (!present(model)) {
            throw UnsupportedRequestException.missing("model", "« model » manque : donnez l'identifiant d'une capsule"
                    + " (la liste : GET /v1/models)");
        }
        if (!model.isString() || model.asString().isBlank()) {
            throw UnsupportedRequestException.invalid("model", "« model » doit être l'identifiant d'une capsule, en"
                    + " texte (la liste : GET /v1/models)");
        }
        return model.asString().strip();
    }

    private static boolean flag(JsonNode body, String member) {
        JsonNode value = body.get(member);
        if (!present(value)) {
            return false;
        }
        if (!value.isBoolean()) {
            throw UnsupportedRequestException.invalid(member, "« " + member + " » doit valoir true ou false");
        }
        return value.booleanValue();
    }

    /** One message as sent: its role and its text. */
    private record Message(String role, String text) {}

    private static List<Message> messages(JsonNode messages, int maxMessages) {
        if (!present(messages)) {
            throw UnsupportedRequestException.missing("messages", "« messages » manque : envoyez la conversation, la"
                    + " question de l'utilisateur en dernier (role « user »)");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw UnsupportedRequestException.invalid("messages", "« messages » doit être une liste non vide de"
                    + " messages, la question de l'utilisateur en dernier (role « user »)");
        }
        if (messages.size() > maxMessages) {
            throw UnsupportedRequestException.invalid("messages", "trop de messages (" + messages.size() + " ; limite "
                    + maxMessages + ") : seuls les derniers échanges servent, envoyez une conversation plus courte");
        }
        List<Message> read = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            read.add(message(messages.get(i), "messages[" + i + "]"));
        }
        return read;
    }

    private static Message message(JsonNode message, String at) {
        if (!message.isObject()) {
            throw UnsupportedRequestException.invalid(at, at + " doit être un objet avec « role » et « content »");
        }
        String role = message.path("role").asString("").toLowerCase(Locale.ROOT);
        switch (role) {
            case "system", "developer", "user", "assistant" -> { }
            case "tool", "function" -> throw UnsupportedRequestException.unsupported(at + ".role",
                    "les messages de rôle « " + role + " » (résultats d'outils) ne sont pas pris en charge : une capsule"
                            + " n'appelle pas d'outils");
            default -> throw UnsupportedRequestException.invalid(at + ".role", at + ".role doit valoir « system »,"
                    + " « user » ou « assistant »");
        }
        for (String member : List.of("tool_calls", "function_call")) {
            JsonNode calls = message.get(member);
            if (present(calls) && !(calls.isArray() && calls.isEmpty())) {
                throw UnsupportedRequestException.unsupported(at + "." + member, TOOLS.formatted(member));
            }
        }
        return new Message(role, text(message.get("content"), at + ".content", role));
    }

    private static String text(JsonNode content, String at, String role) {
        if (!present(content)) {
            if (role.equals("assistant")) {
                return "";
            }
            throw UnsupportedRequestException.missing(at, at + " manque");
        }
        if (content.isString()) {
            return content.asString();
        }
        if (!content.isArray()) {
            throw UnsupportedRequestException.invalid(at, at + " doit être un texte, ou une liste de parties de type"
                    + " « text »");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            String type = part.path("type").asString("");
            if (!type.equals("text")) {
                throw UnsupportedRequestException.unsupported(at, "seul le texte est pris en charge dans les messages"
                        + " (partie de type « " + type + " ») : une capsule ne lit ni images, ni sons, ni fichiers joints");
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(part.path("text").asString(""));
        }
        return text.toString();
    }

    private static ChatRequest conversation(String model, boolean stream, List<Message> messages) {
        List<Message> said = messages.stream().filter(m -> !CONSIGNES.contains(m.role())).toList();
        if (said.stream().noneMatch(m -> m.role().equals("user"))) {
            throw UnsupportedRequestException.invalid("messages", "aucune question : « messages » ne contient que des"
                    + " consignes (role « system »), qui ne sont pas prises en compte ; ajoutez la question en dernier"
                    + " message, avec role « user »");
        }
        Message last = said.getLast();
        if (!last.role().equals("user")) {
            throw UnsupportedRequestException.invalid("messages", "le dernier message doit être la question de"
                    + " l'utilisateur (role « user »), pas une réponse (role « " + last.role() + " »)");
        }
        if (last.text().isBlank()) {
            throw UnsupportedRequestException.invalid("messages", "la question (dernier message, role « user ») est vide");
        }
        List<Turn> earlier = new ArrayList<>();
        String pending = null;
        for (Message message : said.subList(0, said.size() - 1)) {
            if (message.role().equals("user")) {
                pending = pending == null ? message.text() : pending + "\n" + message.text();
            } else if (pending != null) {
                earlier.add(new Turn(pending, AnswerMarkdown.undecorated(message.text()), null, null, 0, List.of(), Instant.EPOCH, List.of()));
                pending = null;
            }
        }
        return new ChatRequest(model, stream, last.text(), earlier);
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull() && !value.isMissingNode();
    }
}
