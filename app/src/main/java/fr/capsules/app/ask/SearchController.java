package fr.capsules.app.ask;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.SearchResult;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/capsules/{id}/search}: passages only, no model; see {@link Searching}. */
@RestController
class SearchController {

    private final Capsules capsules;
    private final Searching searching;
    private final RetrievalProperties properties;

    SearchController(Capsules capsules, Searching searching, RetrievalProperties properties) {
        this.capsules = capsules;
        this.searching = searching;
        this.properties = properties;
    }

    @PostMapping("/api/capsules/{id}/search")
    SearchResponse search(@PathVariable String id, @RequestBody(required = false) SearchRequest request,
            @RequestParam(required = false) String version, CapsulesUser user) {
        Capsule capsule = capsules.require(id, user, version);
        SearchRequest body = request == null ? new SearchRequest(null, null, null) : request;
        Searching.Query query = Searching.Query.of(body.question(), body.topK(), body.perDocument(), properties);
        SearchResult found = searching.search(capsule, user, query);
        List<AnswerWarning> warnings = found.complete() ? List.of() : List.of(Retrieval.indexPartial(
                "ces passages ne viennent que d'une partie des documents de la capsule. Relancez la recherche plus tard."));
        return new SearchResponse(found.hits().stream().map(FoundPassage::of).toList(), found.complete(), warnings);
    }

    /** The body of the request. */
    record SearchRequest(String question, Integer topK, Integer perDocument) {}

    /**
     * The answer: passages, best first; {@code complete} false (with an {@code index-partial} warning)
     * when a part of a distributed index did not answer.
     */
    record SearchResponse(List<FoundPassage> passages, boolean complete, List<AnswerWarning> warnings) {}

    /** One passage found, as the API contract names its fields. */
    record FoundPassage(String documentId, String file, String title, int page, List<String> headingPath, String text,
            float score) {

        static FoundPassage of(PassageHit hit) {
            return new FoundPassage(hit.documentId(), hit.file(), hit.title(), hit.page(), hit.headingPath(), hit.text(),
                    hit.score());
        }
    }
}
