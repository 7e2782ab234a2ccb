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

    /**
     * The answer when the evidence does not support one (docs/ABSTENTION.md), never a bare refusal
     * where something better can be said: a question with no word to search on is told so; a question
     * reporting danger is pointed to the capsule's procedure (or told that it has none) and to the
     * emergency numbers; an English question is asked in French; weak evidence shows the closest
     * passages, labelled "Passages les plus proches — à vérifier"; otherwise the refusal lists the
     * closest passages as citations, as before.
     */
    Answer abstain(Capsule capsule, Retrieval.Retrieved retrieved, String conversationId) {
        Evidence evidence = retrieved.evidence();
        String name = capsule.definition().name();
        String referent = capsule.definition().referent();
        List<AnswerWarning> warnings = new ArrayList<>();
        if (DangerSignals.reportedIn(retrieved.question())) {
            return danger(capsule, retrieved, conversationId);
        }
        if (evidence.noSearchTerms()) {
            warnings.add(AnswerWarning.of("no-search-terms", "La question ne contient aucun mot sur lequel chercher."));
            return refusal(capsule, conversationId, List.of(), Evidence.Level.NONE, warnings,
                    "Votre question ne contient aucun mot sur lequel chercher dans les documents de la capsule « " + name
                            + " » (seulement des mots courants ou de la ponctuation). Précisez le sujet : la démarche, le"
                            + " délai, le document ou la situation qui vous intéresse.");
        }
        if (retrieved.english()) {
            warnings.add(AnswerWarning.of("question-language", "La question semble rédigée en anglais ; les documents sont en français."));
            return refusal(capsule, conversationId, closest(retrieved.all()), Evidence.Level.NONE, warnings,
                    "Votre question semble rédigée en anglais : les documents de la capsule « " + name + " » sont en"
                            + " français et n'y répondent pas tels quels. Posez-la en français pour que la recherche"
                            + " trouve les passages utiles. (This capsule's documents are in French: please ask in French.)");
        }
        if (evidence.level() == Evidence.Level.WEAK) {
            List<Citation> closest = closest(retrieved.all());
            warnings.add(AnswerWarning.of("closest-passages", WEAK_LABEL + " : les documents ne répondent pas clairement à"
                    + " cette question ; aucune réponse n'a été rédigée."));
            StringBuilder text = new StringBuilder(WEAK_LABEL).append("\n\nLes documents de la capsule « ").append(name)
                    .append(" » ne répondent pas clairement à cette question. Voici, sans reformulation, les passages les plus"
                            + " proches : vérifiez s'ils s'appliquent à votre situation, ou adressez-vous au référent de la"
                            + " capsule (").append(referent).append(").\n");
            quoteAll(text, retrieved.all(), closest);
            return refusal(capsule, conversationId, closest, Evidence.Level.WEAK, warnings, text.toString().strip());
        }
        return refusal(capsule, conversationId, closest(retrieved.all()), Evidence.Level.NONE, warnings,
                "Les documents de la capsule « " + name + " » ne permettent pas de répondre à cette"
                        + " question. Reformulez-la avec les termes de vos documents, ou adressez-vous au référent de la"
                        + " capsule (" + referent + ").");
    }

    /** Shown above the closest passages when the evidence is weak, in the answer and in the pages. */
    static final String WEAK_LABEL = "Passages les plus proches — à vérifier";

    private Answer danger(Capsule capsule, Retrieval.Retrieved retrieved, String conversationId) {
        List<AnswerWarning> warnings = new ArrayList<>();
        warnings.add(AnswerWarning.of("danger-reported", "La question signale un danger ou une maltraitance : suivez la"
                + " procédure de signalement sans attendre."));
        StringBuilder text = new StringBuilder("Votre question signale une situation de danger ou de maltraitance.");
        List<Citation> citations;
        if (retrieved.procedure().isEmpty()) {
            citations = List.of();
            text.append(" Les documents de la capsule « ").append(capsule.definition().name()).append(" » ne contiennent pas"
                    + " de procédure pour cette situation : appliquez la procédure de signalement de votre service et"
                    + " prévenez votre hiérarchie sans attendre.");
        } else {
            citations = closest(retrieved.procedure());
            text.append(" Suivez la procédure prévue par les documents de la capsule, ci-dessous, et prévenez votre hiérarchie"
                    + " sans attendre :\n");
            quoteAll(text, retrieved.procedure(), citations);
        }
        text.append("\n\nEn cas de danger immédiat pour une personne : appelez le 15 (SAMU), le 17 (police) ou le 112.");
        return refusal(capsule, conversationId, citations, retrieved.procedure().isEmpty() ? Evidence.Level.NONE : Evidence.Level.WEAK,
                warnings, text.toString().strip());
    }

    private static List<Citation> closest(List<PassageHit> hits) {
        List<Citation> closest = new ArrayList<>();
        for (PassageHit hit : hits.stream().limit(3).toList()) {
            closest.add(Citation.of(closest.size() + 1, hit));
        }
        return closest;
    }

    private static void quoteAll(StringBuilder text, List<PassageHit> hits, List<Citation> citations) {
        for (int i = 0; i < citations.size(); i++) {
            text.append("\n[").append(citations.get(i).n()).append("] « ").append(quote(hits.get(i).text())).append(" » — ")
                    .append(citations.get(i).reference()).append('\n');
        }
    }

    private static Answer refusal(Capsule capsule, String conversationId, List<Citation> citations, Evidence.Level level,
            List<AnswerWarning> warnings, String text) {
        return new Answer(text, AnswerMode.ABSTAINED, true, Answer.LABEL, citations, null, capsule.definition().version(),
                conversationId, warnings, null, level);
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
