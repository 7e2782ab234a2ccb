package fr.capsules.app.ask;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Asking a capsule a question. Until a model is connected, answers are extractive. */
@RestController
class AskController {

    static final String NO_MODEL_NOTICE =
            "Réponse extractive : aucun modèle de langage n'est connecté à ce service. Voici, sans reformulation, les"
                    + " passages des documents les plus proches de votre question.";

    private final Capsules capsules;
    private final Retrieval retrieval;
    private final ExtractiveAnswers extractive;
    private final RetrievalProperties properties;

    AskController(Capsules capsules, Retrieval retrieval, ExtractiveAnswers extractive, RetrievalProperties properties) {
        this.capsules = capsules;
        this.retrieval = retrieval;
        this.extractive = extractive;
        this.properties = properties;
    }

    @PostMapping("/api/capsules/{id}/ask")
    Answer ask(@PathVariable String id, @RequestBody(required = false) Question.AskRequest request, CapsulesUser user) {
        Capsule capsule = capsules.require(id, user);
        capsule.requireInService();
        Question question = Question.of(request, properties);
        Retrieval.Retrieved retrieved = retrieval.retrieve(capsule, question.text());
        return extractive.answer(capsule, retrieved, question.conversationId(), NO_MODEL_NOTICE);
    }
}
