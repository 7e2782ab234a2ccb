package fr.capsules.app.ask;

import fr.capsules.ingest.index.PassageHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's answer reconciled with the passages it was given: every {@code [n]} that points to a
 * passage becomes a citation; a marker that points to none is removed from the text and reported,
 * so that no number in the answer leads nowhere.
 *
 * @param text the answer with only valid markers left
 * @param citations exactly the passages the text cites, by their prompt number
 */
record CitedAnswer(String text, List<Citation> citations, List<AnswerWarning> warnings) {

    /** {@code [1]}, {@code [1, 2]}, {@code [1;2]}, {@code [1-3]}. */
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3}(?:\\s*[,;–-]\\s*\\d{1,3})*)\\]");

    static CitedAnswer of(String answer, List<PassageHit> passages) {
        Map<Integer, PassageHit> byNumber = new LinkedHashMap<>();
        for (int i = 0; i < passages.size(); i++) {
            byNumber.put(i + 1, passages.get(i));
        }
        TreeSet<Integer> cited = new TreeSet<>();
        TreeSet<Integer> invalid = new TreeSet<>();
        Matcher matcher = MARKER.matcher(answer);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            List<Integer> valid = new ArrayList<>();
            for (int n : numbers(matcher.group(1))) {
                if (byNumber.containsKey(n)) {
                    valid.add(n);
                    cited.add(n);
                } else {
                    invalid.add(n);
                }
            }
            StringBuilder replacement = new StringBuilder();
            valid.stream().distinct().forEach(n -> replacement.append('[').append(n).append(']'));
            matcher.appendReplacement(text, Matcher.quoteReplacement(replacement.toString()));
        }
        matcher.appendTail(text);
        String cleaned = text.toString().replaceAll("[ \\t]+([.,;:!?])", "$1").replaceAll("[ \\t]{2,}", " ").strip();
        List<Citation> citations = cited.stream().map(n -> Citation.of(n, byNumber.get(n))).toList();
        List<AnswerWarning> warnings = invalid.stream()
                .map(n -> AnswerWarning.of(
                        "citation-removed",
                        "La réponse citait une source [" + n + "] qui ne figure pas parmi les passages fournis : la"
                                + " référence a été retirée. Vérifiez l'affirmation concernée."))
                .toList();
        return new CitedAnswer(cleaned, citations, warnings);
    }

    private static List<Integer> numbers(String group) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : group.split("\\s*[,;]\\s*")) {
            String[] range = part.split("\\s*[–-]\\s*");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int n = from; n <= Math.min(to, from + 20); n++) {
                numbers.add(n);
            }
        }
        return numbers;
    }
}
