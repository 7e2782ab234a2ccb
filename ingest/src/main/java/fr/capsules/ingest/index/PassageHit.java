package fr.capsules.ingest.index;

import fr.capsules.ingest.chunk.Passage;
import java.util.List;

/**
 * One passage returned by {@link CapsuleIndex#search}, with everything needed to cite it.
 *
 * @param passageId stable id of the passage: its document id, '#', its 0-based rank in the
 *     document
 * @param page 1-based page, 0 for formats without pages
 * @param headingPath headings above the passage, outermost first; never null
 * @param score ranking score, only comparable within one search: for a lexical search the BM25F
 *     score with the proximity boost and a share of the scores of the document's other candidate
 *     passages, for a search with a query vector the reciprocal-rank-fusion score (at most 2/61)
 * @param queryCoverage share (0..1) of the distinct analysed query terms found in the passage's
 *     analysed title, headings and text; a cheap "does this passage speak of the question" signal.
 *     The words that only frame a question ("puis-je", "faut-il", "que faire") are not query terms
 */
public record PassageHit(
        String passageId,
        String documentId,
        String file,
        String title,
        int page,
        List<String> headingPath,
        String text,
        Passage.Kind kind,
        float score,
        double queryCoverage) {

    public PassageHit {
        headingPath = List.copyOf(headingPath);
    }
}
