package fr.capsules.ingest.index.lucene;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns analysed question terms into the Lucene query over passages.
 *
 * <p>Each distinct term is one SHOULD clause on {@link IndexSchema#CONTENT}, the passage's text,
 * title and headings as one field, title and headings weighted by repetition: BM25F, with the
 * fields scored as one weighted pseudo-field, so a term found in a title counts more than in the
 * body without the title field's own, skewed statistics (the title is repeated on every passage
 * of a document) producing outsized IDFs, and a term found in several fields is not counted twice
 * at full weight. Being one field, it is scored by plain term queries, which Lucene prunes by
 * block maximum scores.
 *
 * <p>Each pair of consecutive query terms makes a sloppy phrase clause on the text ({@link
 * #proximity}), which re-scores the best candidates of the term query rather than running over the
 * whole index (positions are read for a few dozen passages, not for every passage holding two
 * common words): passages where
 * "délai" and "réponse" stand together outrank passages where they are pages apart. The slop
 * absorbs the stop words and small insertions French puts between two content words ("délai de
 * la réponse"). A phrase clause scores with the summed IDF of its two terms, so its weight is kept
 * small enough that a proximity match is worth less than matching one more distinct query term:
 * proximity reorders candidates that match alike, it must not promote a passage that matches
 * less of the question.
 */
final class PassageQuery {

    static final float PROXIMITY_WEIGHT = 0.15f;
    static final int PROXIMITY_SLOP = 3;

    private PassageQuery() {}

    /**
     * Passages matching at least one question term, as a pure disjunction: document
     * records index no analysed field, so no passage filter is needed, and without one Lucene can
     * skip passages that cannot enter the top hits (dynamic pruning) instead of visiting the whole
     * index. (A required filter next to optional clauses would also make every passage match, with
     * a score of 0, and give a lexical rank in rank fusion to passages that match nothing.)
     */
    static Query matching(QueryTerms terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms.distinct()) {
            query.add(new TermQuery(new Term(IndexSchema.CONTENT, term)), Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * The proximity clauses of the question, one per pair of consecutive distinct terms, summed;
     * null when the question has fewer than two terms. The definition of the proximity score:
     * {@link org.apache.lucene.search.QueryRescorer} with this query and weight 1 (the clauses carry
     * their own weight) over the candidates is what {@link CandidateProximity} computes, at the
     * candidates only, and what its tests compare it with.
     */
    static Query proximity(QueryTerms terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<List<String>> pairs = new HashSet<>();
        List<String> sequence = terms.sequence();
        for (int i = 1; i < sequence.size(); i++) {
            List<String> pair = List.of(sequence.get(i - 1), sequence.get(i));
            if (!pair.get(0).equals(pair.get(1)) && pairs.add(pair)) {
                query.add(proximity(pair), Occur.SHOULD);
            }
        }
        return pairs.isEmpty() ? null : query.build();
    }

    private static Query proximity(List<String> pair) {
        PhraseQuery phrase =
                new PhraseQuery.Builder()
                        .add(new Term(IndexSchema.TEXT, pair.get(0)), 0)
                        .add(new Term(IndexSchema.TEXT, pair.get(1)), 1)
                        .setSlop(PROXIMITY_SLOP)
                        .build();
        return new BoostQuery(phrase, PROXIMITY_WEIGHT);
    }
}
