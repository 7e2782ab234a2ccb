package fr.capsules.app.ask;

import fr.capsules.app.capsule.Capsule;
import fr.capsules.ingest.index.PassageHit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Answers without a model: the best passages quoted with their sources, or an abstention when the
 * capsule's documents hold nothing relevant. Never invents a word beyond fixed French sentences.
 */
@Component
class ExtractiveAnswers {

    private static final int MAX_QUOTE_CHARS = 700;

    private final RetrievalProperties properties;

    ExtractiveAnswers(RetrievalProperties properties) {
        this.properties = properties;
    }

    Answer answer(Capsule capsule, Retrieval.Retrieved retrieved, String conversationId, String notice) {
        if (retrieved.isEmpty()) {
            return abstain(capsule, retrieved, conversationId);
        }
        List<Citation> citations = new ArrayList<>();
        StringBuilder text = new StringBuilder(notice).append("\n");
        for (PassageHit hit : retrieved.relevant().stream().limit(properties.extractivePassages()).toList()) {
            Citation citation = Citation.of(citations.size() + 1, hit);
            citations.add(citation);
            text.append("\n[").append(citation.n()).append("] « ").append(quote(hit.text())).append(" » — ")
                    .append(citation.reference()).append('\n');
        }
        return new Answer(
                text.toString().strip(), AnswerMode.EXTRACTIVE, true, Answer.LABEL, citations, null,
                capsule.definition().version(), conversationId, List.of());
    }

    Answer abstain(Capsule capsule, Retrieval.Retrieved retrieved, String conversationId) {
        List<Citation> closest = new ArrayList<>();
        for (PassageHit hit : retrieved.all().stream().limit(3).toList()) {
            closest.add(Citation.of(closest.size() + 1, hit));
        }
        String text =
                "Les documents de la capsule « " + capsule.definition().name() + " » ne permettent pas de répondre à cette"
                        + " question. Reformulez-la avec les termes de vos documents, ou adressez-vous au référent de la"
                        + " capsule (" + capsule.definition().referent() + ").";
        return new Answer(
                text, AnswerMode.ABSTAINED, true, Answer.LABEL, closest, null, capsule.definition().version(), conversationId,
                List.of());
    }

    private static String quote(String passage) {
        String flat = passage.replaceAll("\\s+", " ").strip();
        if (flat.length() <= MAX_QUOTE_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', MAX_QUOTE_CHARS);
        return flat.substring(0, cut > 0 ? cut : MAX_QUOTE_CHARS) + " […]";
    }
}
