package fr.capsules.ingest.index;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The words that frame a French question without saying what it is about ("puis-je", "peut-on",
 * "faut-il", "a-t-il", "que faire ?"): every backend leaves them out of questions, never out of the
 * indexed text, so that its ranking and its coverage of the question agree with the embedded index.
 * Why they are left out: {@code index/lucene/QuestionFrame}.
 */
public final class QuestionFrameWords {

    /** As written; each backend analyses them with its own chain. */
    public static final List<String> WORDS =
            List.of(
                    "peux", "peut", "peuvent", "pouvez", "pouvons", "puis", "pourrais", "pourrait",
                    "pourraient", "pourrions", "pourriez", "dois", "doit", "doivent", "devez",
                    "devons", "devrais", "devrait", "devraient", "faut", "faudrait", "veux", "veut",
                    "voudrais", "voudrait", "a", "as", "faire");

    private static final Pattern FRAME = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:" + String.join("|", WORDS) + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private QuestionFrameWords() {}

    /**
     * The question with its framing words blanked out, for a backend whose query parser runs
     * elsewhere (a search cluster) and cannot be told which terms to leave out.
     */
    public static String strip(String question) {
        return FRAME.matcher(question).replaceAll(" ");
    }
}
