package fr.capsules.app.ask;

import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.document.CapsuleIndexes;
import fr.capsules.app.document.PassageExclusions;
import fr.capsules.app.document.CatalogueProgress;
import fr.capsules.ingest.analysis.IndexTerms;
import fr.capsules.ingest.index.Embedder;
import fr.capsules.ingest.index.EmbeddingException;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.SearchResult;
import org.springframework.beans.factory.ObjectProvider;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds the passages of one capsule relevant to a question. Only ever searches the capsule it is
 * given, which the caller obtained through the access check, so no passage of a capsule the user
 * may not see can come back.
 */
@Component
public class Retrieval {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Retrieval.class);

    private final CapsuleIndexes indexes;
    private final Embedder embedder;
    private final CatalogueProgress progress;
    private final PassageExclusions exclusions;
    private final IndexTerms terms = new IndexTerms();
    private final EvidenceGate gate = new EvidenceGate(terms);
    /** The kind of the warning of an answer searched in an index of which a part did not answer (a lost shard). */
    public static final String INDEX_PARTIAL = "index-partial";

    /** The warning of a search that a part of a distributed index did not answer; {@code consequence} says what it means here. */
    public static AnswerWarning indexPartial(String consequence) {
        return AnswerWarning.of(INDEX_PARTIAL, "Une partie de l'index de recherche ne répond pas : " + consequence);
    }
    /** The index port's bound on one search. */
    private static final int MAX_FETCH = 1000;

    Retrieval(CapsuleIndexes indexes, ObjectProvider<Embedder> embedder, CatalogueProgress progress,
            PassageExclusions exclusions) {
        this.indexes = indexes;
        this.embedder = embedder.getIfAvailable();
        this.progress = progress;
        this.exclusions = exclusions;
    }

    /**
     * The passages found, best first, with the evidence that they support an answer ({@link
     * EvidenceGate}, docs/ABSTENTION.md). The question is searched without the quoted history of a
     * pasted e-mail. When the evidence does not support an answer and the question reports danger or
     * maltreatment, the capsule's procedure for it is looked up too.
     *
     * @throws fr.capsules.app.document.CapsuleIndexingException while the capsule is being indexed:
     *     a half-built index would make the service refuse questions its documents answer
     */
    public Retrieved retrieve(Capsule capsule, String question) {
        int topK = capsule.definition().retrieval().topK();
        QuotedHistory.Stripped stripped = QuotedHistory.strip(question);
        String query = stripped.text();
        boolean searchable = !gate.contentTerms(query).isEmpty() || !terms.of(query).isEmpty();
        SearchResult found = searchable ? found(capsule, query, Math.max(topK, EvidenceGate.CANDIDATES)) : new SearchResult(List.of(), true);
        List<PassageHit> candidates = found.hits();
        Evidence evidence = gate.assess(query, candidates);
        List<PassageHit> hits = candidates.stream().limit(topK).toList();
        List<PassageHit> procedure = !evidence.supported() && DangerSignals.reportedIn(query) ? procedure(capsule) : List.of();
        return new Retrieved(query, hits, evidence.supported() ? hits : List.of(), evidence, procedure, stripped.removedChars(),
                !evidence.supported() && QuestionLanguage.isEnglish(query), !found.complete());
    }

    /**
     * The capsule's passages on what to do about danger or maltreatment, or none when its documents
     * have no such procedure: the best passages for {@link DangerSignals#PROCEDURE_QUERY} count only
     * when they speak of it (half its content, by {@link EvidenceGate}'s measure).
     */
    private List<PassageHit> procedure(Capsule capsule) {
        List<PassageHit> found = search(capsule, DangerSignals.PROCEDURE_QUERY, EvidenceGate.CANDIDATES);
        Evidence evidence = gate.assess(DangerSignals.PROCEDURE_QUERY, found);
        if (evidence.passageCoverage() < PROCEDURE_COVERAGE) {
            return List.of();
        }
        String document = found.getFirst().documentId();
        return found.stream().filter(h -> h.documentId().equals(document)).limit(2).toList();
    }

    /** Share of the danger query a passage must speak of to be taken for the capsule's procedure. */
    private static final double PROCEDURE_COVERAGE = 0.5;

    /**
     * The {@code count} best passages for a question, best first, by the capsule's search (lexical,
     * or hybrid when a vector model is configured).
     *
     * @throws fr.capsules.app.document.CapsuleIndexingException while the capsule is being indexed
     */
    public List<PassageHit> search(Capsule capsule, String question, int count) {
        return found(capsule, question, count).hits();
    }

    /**
     * {@link #search}, telling as well whether the whole index answered: a distributed index that
     * lost a shard answers from the others ({@link SearchResult#complete()} false), never with
     * another capsule's passages.
     *
     * @throws fr.capsules.app.document.CapsuleIndexingException while the capsule is being indexed
     */
    public SearchResult found(Capsule capsule, String question, int count) {
        progress.requireSearchable(capsule);
        float[] vector = embed(question);
        // Passages a referent excluded stay in the index: ask for as many more, then leave them out.
        Set<String> excluded = exclusions.idsOf(capsule.definition().id());
        int fetch = Math.min(MAX_FETCH, count + excluded.size());
        SearchResult result = indexes.read(capsule, index -> index.searchReporting(question, vector, fetch));
        return new SearchResult(
                result.hits().stream().filter(h -> !excluded.contains(h.passageId())).limit(count).toList(), result.complete());
    }

    /** The question's vector, or null (lexical search) when no model is configured or it fails. */
    private float[] embed(String question) {
        if (embedder == null) {
            return null;
        }
        try {
            return embedder.embed(List.of(question)).getFirst();
        } catch (EmbeddingException e) {
            log.warn("Question non vectorisée, recherche lexicale seule : {}", e.getMessage());
            return null;
        }
    }

    /**
     * @param question the question as searched (without quoted e-mail history)
     * @param all the best hits, best first (the capsule's {@code topK})
     * @param relevant the same hits when the evidence supports an answer; empty otherwise
     * @param evidence how well the hits support an answer
     * @param procedure the capsule's passages on danger or maltreatment, when the question reports
     *     one and the evidence does not support an answer; empty otherwise
     * @param quotedHistoryChars characters of quoted e-mail history left out of the search (0: none)
     * @param english the question reads as English and the evidence does not support an answer
     */
    public record Retrieved(String question, List<PassageHit> all, List<PassageHit> relevant, Evidence evidence, List<PassageHit> procedure,
            int quotedHistoryChars, boolean english, boolean partial) {

        public Retrieved {
            all = List.copyOf(all);
            relevant = List.copyOf(relevant);
            procedure = List.copyOf(procedure);
        }

        public boolean isEmpty() {
            return relevant.isEmpty();
        }

        /** What the agent must know of how the question was searched, for every answer. */
        List<AnswerWarning> notices() {
            List<AnswerWarning> notices = new java.util.ArrayList<>();
            if (quotedHistoryChars > 0) {
                notices.add(AnswerWarning.of("quoted-history-removed", "Historique de courriel cité retiré de la question avant"
                        + " la recherche (" + quotedHistoryChars + " caractères) : seul votre message a été pris en compte."));
            }
            if (partial) {
                notices.add(indexPartial("cette réponse ne s'appuie que sur une partie des documents de la capsule."
                        + " Vérifiez-la, ou reposez la question plus tard."));
            }
            return List.copyOf(notices);
        }
    }
}
