package fr.capsules.app.ask;

import fr.capsules.app.ask.grounding.Grounding;
import fr.capsules.ingest.index.PassageHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's answer reconciled with the passages it was given: every {@code [n]} that points to a
 * passage becomes a citation; a marker that points to none is removed from the text and reported,
 * so that no number in the answer leads nowhere.
 *
 * @param text the answer with only valid markers left
 * @param citations the passages the text cites, by their prompt number (see {@link #withSources}
 *     for those it restates or consulted)
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
        List<Citation> citations = cited.stream().map(n -> Citation.of(n, byNumber.get(n), Citation.CITED)).toList();
        List<AnswerWarning> warnings = invalid.stream()
                .map(n -> AnswerWarning.of(
                        "citation-removed",
                        "La réponse citait une source [" + n + "] qui ne figure pas parmi les passages fournis : la"
                                + " référence a été retirée. Vérifiez l'affirmation concernée."))
                .toList();
        return new CitedAnswer(cleaned, citations, warnings);
    }

    /**
     * This answer with its sources completed: each sentence written without a marker that restates a
     * passage gets that passage's marker after it, and the passage joins the citations as {@link
     * Citation#RESTATED}; when no sentence is traced to any passage, the passages the model was given
     * are listed as {@link Citation#CONSULTED}, so that an answer never comes without its sources.
     *
     * @param restated the sentences as they stand in {@link #text}, in order, with their passage number
     * @param passages the passages the model was given, numbered from 1 in this order
     */
    CitedAnswer withSources(List<Grounding.RestatedSentence> restated, List<PassageHit> passages) {
        StringBuilder marked = new StringBuilder(text);
        Map<Integer, Citation> all = new TreeMap<>();
        citations.forEach(c -> all.put(c.n(), c));
        int cursor = 0;
        for (Grounding.RestatedSentence sentence : restated) {
            if (sentence.passage() < 1 || sentence.passage() > passages.size()) {
                continue;
            }
            int at = marked.indexOf(sentence.sentence(), cursor);
            if (at >= 0) {
                String marker = " [" + sentence.passage() + "]";
                marked.insert(at + sentence.sentence().length(), marker);
                cursor = at + sentence.sentence().length() + marker.length();
            }
            all.putIfAbsent(sentence.passage(),
                    Citation.of(sentence.passage(), passages.get(sentence.passage() - 1), Citation.RESTATED));
        }
        if (all.isEmpty()) {
            for (int i = 0; i < passages.size(); i++) {
                all.put(i + 1, Citation.of(i + 1, passages.get(i), Citation.CONSULTED));
            }
        }
        return new CitedAnswer(marked.toString(), List.copyOf(all.values()), warnings);
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
