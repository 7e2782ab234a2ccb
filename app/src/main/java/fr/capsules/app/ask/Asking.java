package fr.capsules.app.ask;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.grounding.Grounding;
import fr.capsules.app.ask.grounding.GroundingCheck;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.ask.grounding.GroundingWarning;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleNotFoundException;
import fr.capsules.app.llm.CapsuleModels;
import fr.capsules.app.llm.LanguageModel;
import fr.capsules.app.llm.ModelAvailability;
import fr.capsules.app.llm.ModelPrompt;
import fr.capsules.app.llm.ModelReply;
import fr.capsules.app.llm.ModelUnavailableException;
import fr.capsules.app.llm.TokenListener;
import fr.capsules.app.llm.ModelUsage;
import fr.capsules.app.provenance.Provenance;
import fr.capsules.app.usage.Metering;
import fr.capsules.ingest.index.PassageHit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers a question on a capsule: retrieval → prompt → model → citations → grounding check.
 * Nothing relevant retrieved: abstains without calling the model. Model down, slow, or answering
 * nonsense: falls back to an extractive answer with a notice, and logs why. Never throws for a
 * model failure.
 */
@Component
public class Asking {

    private static final Logger log = LoggerFactory.getLogger(Asking.class);
    private static final String MODEL_UNAVAILABLE = "model-unavailable";

    private final Retrieval retrieval;
    private final AnswerPrompts prompts;
    private final LanguageModel model;
    private final CapsuleModels models;
    private final Conversations conversations;
    private final ExtractiveAnswers extractive;
    private final AuditTrail audit;
    private final Metering metering;
    private final Provenances provenances;
    private final GroundingCheck grounding = new GroundingCheck();

    Asking(Retrieval retrieval, AnswerPrompts prompts, LanguageModel model, CapsuleModels models,
            Conversations conversations, ExtractiveAnswers extractive, AuditTrail audit, Metering metering,
            Provenances provenances) {
        this.retrieval = retrieval;
        this.prompts = prompts;
        this.model = model;
        this.models = models;
        this.conversations = conversations;
        this.extractive = extractive;
        this.audit = audit;
        this.metering = metering;
        this.provenances = provenances;
    }

    /** What one ask needs once the question has been checked. */
    private record Context(Capsule capsule, CapsulesUser user, Question question, List<Turn> history,
            Retrieval.Retrieved retrieved, String modelName) {}

    private Context context(Capsule capsule, CapsulesUser user, Question question) {
        // The use case owns the scope rule, so that an entry point which found the capsule by its id
        // alone (a script, a batch, another API) still answers "not found" for a capsule out of scope.
        if (!capsule.isVisibleTo(user)) {
            throw new CapsuleNotFoundException(capsule.definition().id(), true);
        }
        List<Turn> history = question.earlier() != null ? question.earlier() : conversations.history(
                question.conversationId(), question.newConversation(), user.username(), capsule.definition().id());
        int keep = Math.min(history.size(), conversations.turnsInPrompt());
        List<Turn> recent = history.subList(history.size() - keep, history.size());
        // A follow-up ("et pour les EHPAD ?") is searched together with the question it follows.
        String query = recent.isEmpty() ? question.text() : recent.getLast().question() + "\n" + question.text();
        Retrieval.Retrieved retrieved = retrieval.retrieve(capsule, query);
        String modelName = models.modelOf(capsule.definition());
        return new Context(capsule, user, question, recent, retrieved, modelName);
    }

    /**
     * Answers a question outside any conversation (e.g. to start a draft); the question is checked
     * like one sent to the ask endpoint.
     */
    public Answer answer(Capsule capsule, CapsulesUser user, String question, RetrievalProperties bounds) {
        return answer(capsule, user, question, null, bounds);
    }

    /**
     * Answers a question, continuing the conversation {@code conversationId} when it is not blank
     * (the web page without JavaScript posts its form here); checked like the ask endpoint.
     */
    public Answer answer(Capsule capsule, CapsulesUser user, String question, String conversationId,
            RetrievalProperties bounds) {
        capsule.requireInService();
        return ask(capsule, user, Question.of(new Question.AskRequest(question, conversationId), bounds));
    }

    /**
     * Answers in one go, for an entry point that found the capsule ({@code Capsules.require}), checked
     * it is in service and checked the question; scope, audit and history as for every answer.
     */
    public Answer ask(Capsule capsule, CapsulesUser user, Question question) {
        Context context = context(capsule, user, question);
        if (context.retrieved().isEmpty()) {
            return record(context, extractive.abstain(context.capsule(), context.retrieved(), context.question().conversationId()),
                    ModelUsage.none());
        }
        ModelAvailability availability = model.availability(context.modelName());
        if (!availability.isAvailable()) {
            return record(context, fallback(context, availability.failure()), ModelUsage.none());
        }
        ModelReply reply;
        try {
            reply = model.generate(prompt(context));
            return record(context, generative(context, reply), reply.usage());
        } catch (ModelUnavailableException e) {
            return record(context, fallback(context, e), ModelUsage.none());
        }
    }

    /**
     * Answers as a stream of events; returns when the answer is complete or the receiver left.
     * Same preconditions, scope and audit as {@link #ask}.
     */
    public void stream(Capsule capsule, CapsulesUser user, Question question, AnswerEvents events) {
        Context context = context(capsule, user, question);
        if (context.retrieved().isEmpty()) {
            deliverWhole(record(context, extractive.abstain(capsule, context.retrieved(), question.conversationId()),
                    ModelUsage.none()), events);
            return;
        }
        ModelAvailability availability = model.availability(context.modelName());
        if (!availability.isAvailable()) {
            deliverWhole(record(context, fallback(context, availability.failure()), ModelUsage.none()), events);
            return;
        }
        StreamedGeneration generation = new StreamedGeneration(events);
        LanguageModel.Generation handle = model.stream(prompt(context), generation);
        // The model port ends a silent generation itself (an incomplete answer); this bound only guards against a
        // port that never calls back.
        Outcome outcome = generation.await(handle, model.generationTimeout().multipliedBy(2));
        if (outcome == null) {
            log.info("Client left during generation on capsule {}; generation cancelled", capsule.id());
            return;
        }
        if (outcome.reply() != null) {
            try {
                Answer answer = record(context, generative(context, outcome.reply()), outcome.reply().usage());
                events.citations(answer.citations());
                events.done(answer);
                return;
            } catch (ModelUnavailableException e) {
                outcome = new Outcome(null, e);
            }
        }
        if (generation.sentTokens()) {
            events.reset(outcome.error().getMessage());
        }
        deliverWhole(record(context, fallback(context, outcome.error()), ModelUsage.none()), events);
    }

    private static void deliverWhole(Answer answer, AnswerEvents events) {
        events.token(answer.answer());
        events.citations(answer.citations());
        events.done(answer);
    }

    private ModelPrompt prompt(Context context) {
        return prompts.prompt(context.modelName(), context.capsule().definition(), context.retrieved().relevant(), context.history(),
                QuotedHistory.strip(context.question().text()).text());
    }

    private Answer generative(Context context, ModelReply reply) {
        if (reply.text() == null || reply.text().isBlank()) {
            throw new ModelUnavailableException(ModelUnavailableException.Reason.EMPTY_REPLY, null, null);
        }
        List<PassageHit> passages = context.retrieved().relevant();
        CitedAnswer marked = CitedAnswer.of(reply.text(), passages);
        // Every passage given to the model, so that a sentence written without a marker is checked
        // against the one it restates, and attributed to it.
        Map<Integer, String> provided = new LinkedHashMap<>();
        for (int i = 0; i < passages.size(); i++) {
            provided.put(i + 1, passages.get(i).text());
        }
        Grounding grounding = this.grounding.examine(marked.text(), provided);
        CitedAnswer cited = marked.withSources(grounding.restated(), passages);
        List<AnswerWarning> warnings = new ArrayList<>(cited.warnings());
        if (!reply.whole()) {
            warnings.add(AnswerWarning.incomplete(reply.defect()));
        }
        for (GroundingWarning w : grounding.warnings()) {
            warnings.add(new AnswerWarning(
                    w.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), w.message(), w.sentence(), w.passage(), w.passageExcerpt()));
        }
        return new Answer(cited.text(), AnswerMode.GENERATIVE, true, Answer.LABEL, cited.citations(), reply.model(),
                context.capsule().definition().version(), context.question().conversationId(), warnings);
    }

    private Answer fallback(Context context, ModelUnavailableException cause) {
        log.warn("Capsule {} : réponse extractive, {}", context.capsule().id(), cause.getMessage());
        if (cause.getCause() != null) {
            log.debug("Model failure detail", cause.getCause());
        }
        String notice = "Réponse extractive : " + cause.getMessage() + ". Voici, sans reformulation, les passages des"
                + " documents les plus proches de votre question.";
        Answer quoted = extractive.answer(context.capsule(), context.retrieved(), context.question().conversationId(), notice);
        List<AnswerWarning> warnings = new ArrayList<>(quoted.warnings());
        warnings.add(AnswerWarning.of(MODEL_UNAVAILABLE, "Le modèle de langage n'a pas pu répondre : " + cause.getMessage() + "."));
        return new Answer(quoted.answer(), quoted.mode(), true, Answer.LABEL, quoted.citations(), null, quoted.capsuleVersion(),
                quoted.conversationId(), warnings);
    }

    /** Audits the answer, keeps it in the conversation and records its usage; returns it with its cost. */
    private Answer record(Context context, Answer given, ModelUsage usage) {
        Answer answer = withQuestionNotice(context.question(), given).withWarnings(context.retrieved().notices());
        Instant at = Instant.now();
        Answer costed = answer.withUsage(metering.answered(context.capsule().definition(), context.user(), answer.mode().json(),
                answer.model(), usage, at));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("question", context.question().text());
        if (context.question().invisibleCharacters() > 0) {
            details.put("invisibleCharactersRemoved", context.question().invisibleCharacters());
        }
        Provenance provenance = provenance(context, answer);
        costed = costed.withProvenance(provenance);
        details.put("model", answer.model());
        // The version served and the weights behind the name, as the model server last reported them (issue 11).
        details.put("publishedVersion", provenance.capsuleVersion());
        if (provenance.modelDigest() != null) {
            details.put("modelDigest", provenance.modelDigest());
        }
        if (provenance.modelAbsence() != null) {
            details.put("modelAbsence", provenance.modelAbsence());
        }
        details.put("mode", answer.mode().json());
        if (answer.incomplete()) {
            details.put("incomplete", true);
        }
        details.put("evidence", answer.evidence().json());
        details.put("citedDocuments", answer.citations().stream().map(Citation::documentId).distinct().toList());
        details.put("conversationId", context.question().conversationId());
        if (context.question().via() != null) {
            details.put("via", context.question().via());
        }
        audit.record(context.user().username(), AuditAction.ASK, context.capsule().definition().id(),
                context.capsule().definition().version(), details);
        if (Question.EVALUATION.equals(context.question().via())) {
            // A reference question run by an evaluation: audited and metered, but nobody's conversation.
            return costed;
        }
        conversations.append(
                context.question().conversationId(), context.user().username(), context.capsule().definition().id(),
                new Turn(context.question().text(), answer.answer(), answer.mode(), answer.model(), answer.capsuleVersion(),
                        answer.citations().stream().map(Citation::documentId).distinct().toList(), at,
                        answer.citations(), provenance));
        return costed;
    }

    /**
     * Where the answer came from: the version serving the capsule (the working copy for an evaluation of the current
     * content), and the model with its digest, or why none wrote it.
     */
    private Provenance provenance(Context context, Answer answer) {
        Provenance base = Question.EVALUATION.equals(context.question().via())
                ? provenances.workingCopy()
                : provenances.served(context.capsule());
        if (answer.model() != null) {
            return provenances.writtenBy(base, answer.model());
        }
        boolean modelFailed = answer.warnings().stream().anyMatch(w -> MODEL_UNAVAILABLE.equals(w.kind()));
        return base.withoutModel(modelFailed ? Provenance.UNREACHABLE : Provenance.NO_MODEL);
    }

    /** Tells the agent that the question was cleaned of invisible characters before anything else. */
    private static Answer withQuestionNotice(Question question, Answer answer) {
        if (question.invisibleSummary() == null) {
            return answer;
        }
        return answer.withWarnings(List.of(AnswerWarning.of("invisible-characters", "Question nettoyée avant la recherche : "
                + question.invisibleSummary() + ".")));
    }

    /** The end of a streamed generation: a reply, or an error. */
    private record Outcome(ModelReply reply, ModelUnavailableException error) {}

    /** Bridges the model's callbacks to the events, and lets the asking thread wait for the end. */
    private static final class StreamedGeneration implements TokenListener {
        private static final long HEARTBEAT_NANOS = 500_000_000L;
        private final AnswerEvents events;
        private final java.util.concurrent.CompletableFuture<Outcome> end = new java.util.concurrent.CompletableFuture<>();
        private final AtomicBoolean sent = new AtomicBoolean();
        private volatile long lastActivity = System.nanoTime();

        StreamedGeneration(AnswerEvents events) {
            this.events = events;
        }

        @Override
        public void onToken(String text) {
            if (!events.isOpen()) {
                end.complete(null);
                return;
            }
            sent.set(true);
            lastActivity = System.nanoTime();
            events.token(text);
        }

        @Override
        public void onComplete(ModelReply reply) {
            end.complete(new Outcome(reply, null));
        }

        @Override
        public void onError(ModelUnavailableException error) {
            end.complete(new Outcome(null, error));
        }

        boolean sentTokens() {
            return sent.get();
        }

        /**
         * Waits for the end, cancelling the generation as soon as the receiver is gone, or when the
         * model stays silent longer than {@code idleTimeout} (then a TIMEOUT outcome).
         */
        Outcome await(LanguageModel.Generation handle, java.time.Duration idleTimeout) {
            while (true) {
                try {
                    Outcome outcome = end.get(250, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (outcome == null) {
                        handle.cancel();
                    }
                    return outcome;
                } catch (java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() - lastActivity > HEARTBEAT_NANOS) {
                        // A write is what tells a server that its client left: while the model is silent (loading,
                        // thinking), a comment line finds out, so that the generation is cancelled at once.
                        events.heartbeat();
                    }
                    if (!events.isOpen()) {
                        handle.cancel();
                        return null;
                    }
                    if (System.nanoTime() - lastActivity > idleTimeout.toNanos()) {
                        handle.cancel();
                        return new Outcome(null, new ModelUnavailableException(ModelUnavailableException.Reason.TIMEOUT, null, null));
                    }
                } catch (InterruptedException e) {
                    handle.cancel();
                    Thread.currentThread().interrupt();
                    return null;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }
}
