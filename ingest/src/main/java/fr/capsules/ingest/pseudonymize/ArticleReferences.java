package fr.capsules.ingest.pseudonymize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds references to legal texts, which are never personal data and must survive
 * pseudonymisation intact: code articles ("article L. 311-3 du CASF", "R. 1112-91", "L.1110-4",
 * "D. 312-155-0", "articles L. 313-13 à L. 313-20"), numbered texts ("décret n° 2022-688", "loi
 * n° 2002-2", "arrêté du 28 avril 2022"). Their numbers would otherwise look like phone numbers or
 * their letters like initials.
 */
final class ArticleReferences {

    private static final String CODE_ARTICLE = "(?:L\\.?[ \\u00A0]?O\\.?|[LRDA])\\.?[ \\u00A0]?\\*?\\d{1,4}(?:[-–.]\\d{1,4}){0,4}";
    private static final Pattern REFERENCE = Pattern.compile(
            "(?=[ALRDaNn])(?:(?<![\\p{L}\\p{N}])(?:(?i:art(?:icle)?s?\\.?)[ \\u00A0]+)?" + CODE_ARTICLE
                    + "(?:[ \\u00A0]*(?:,|à|et|au)[ \\u00A0]*" + CODE_ARTICLE + ")*(?![\\p{N}])"
                    + "|(?<![\\p{L}])(?i:n[°o]|num[ée]ro)[ \\u00A0]*\\d{2,4}[-–/]\\d{1,6}(?:[-–/]\\d{1,6})?"
                    + "|(?<![\\p{L}])(?i:articles?)[ \\u00A0]+\\d{1,4}(?:[-–.]\\d{1,4})*(?![\\p{N}]))");

    List<int[]> find(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }
}
