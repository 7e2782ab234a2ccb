package fr.capsules.app.ask;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleNotFoundException;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.SearchResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Searches a capsule's passages for a question, without a model: what referents use to see what a
 * question finds, and what evaluation runs score. Scoped and audited like an ask.
 */
@Component
public class Searching {

    static final int DEFAULT_TOP_K = 10;
    static final int MAX_TOP_K = 50;
    /** How many more hits than asked are read, so that a few documents with many passages do not crowd out the others. */
    private static final int OVERFETCH = 5;

    private final Retrieval retrieval;
    private final AuditTrail audit;

    Searching(Retrieval retrieval, AuditTrail audit) {
        this.retrieval = retrieval;
        this.audit = audit;
    }

    /** A checked search: the question's text, how many passages, and how many at most per document. */
    public record Query(String question, int topK, int perDocument) {

        /**
         * Checks a request's values: the question like an ask's, {@code topK} 1–50 (default 10),
         * {@code perDocument} at least 1 (default 1).
         */
        public static Query of(String question, Integer topK, Integer perDocument, RetrievalProperties properties) {
            String text = Question.checkedText(question, properties);
            int k = topK == null ? DEFAULT_TOP_K : topK;
            if (k < 1 || k > MAX_TOP_K) {
                throw new InvalidRequestException("topK doit être compris entre 1 et " + MAX_TOP_K + " (reçu : " + k + ")");
            }
            int per = perDocument == null ? 1 : perDocument;
            if (per < 1) {
                throw new InvalidRequestException("perDocument doit valoir au moins 1 (reçu : " + per + ")");
            }
            return new Query(text, k, Math.min(per, k));
        }
    }

    /**
     * The best passages for the query, best first, at most {@code perDocument} of each document, and whether the
     * whole index answered (a distributed index that lost a shard answers from the others, never with another
     * capsule's passages).
     *
     * @throws CapsuleNotFoundException when the user may not see the capsule
     * @throws fr.capsules.app.document.CapsuleIndexingException while the capsule is being indexed
     */
    public SearchResult search(Capsule capsule, CapsulesUser user, Query query) {
        if (!capsule.isVisibleTo(user)) {
            throw new CapsuleNotFoundException(capsule.definition().id(), true);
        }
        capsule.requireInService();
        int fetch = Math.min(MAX_TOP_K * OVERFETCH, query.topK() * query.perDocument() * OVERFETCH);
        SearchResult result = retrieval.found(capsule, query.question(), fetch);
        List<PassageHit> found = perDocument(result.hits(), query);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("question", query.question());
        details.put("topK", query.topK());
        details.put("perDocument", query.perDocument());
        details.put("documents", found.stream().map(PassageHit::documentId).distinct().toList());
        if (!result.complete()) {
            details.put("complete", false);
        }
        audit.record(user.username(), AuditAction.SEARCH, capsule.definition().id(), capsule.definition().version(), details);
        return new SearchResult(found, result.complete());
    }

    static List<PassageHit> perDocument(List<PassageHit> hits, Query query) {
        Map<String, Integer> taken = new HashMap<>();
        List<PassageHit> kept = new ArrayList<>();
        for (PassageHit hit : hits) {
            if (kept.size() == query.topK()) {
                break;
            }
            if (taken.merge(hit.documentId(), 1, Integer::sum) <= query.perDocument()) {
                kept.add(hit);
            }
        }
        return kept;
    }
}
