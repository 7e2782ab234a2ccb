package fr.capsules.app.ask.grounding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of a generated answer with the passages each one cites.
 *
 * <p>Markers {@code [1]}, {@code [1][2]}, {@code [1, 2]} and ranges {@code [1-3]} are read, then
 * removed from the sentence text together with the space before them, so that "ouvrés [1]." reads
 * "ouvrés.". Boundaries are those of {@link Sentences#ofLines}; a line holding only markers cites
 * for the sentence before it. Markdown emphasis ({@code **}, {@code __}) is dropped from the text.
 *
 * <p>Stateless; thread-safe.
 */
final class AnswerSentences {

    /**
     * One sentence: its text without markers or emphasis, the citation numbers in order, and the
     * sentence exactly as it stands in the answer (markers and emphasis included), for callers that
     * must find it there again.
     */
    record AnswerSentence(String text, List<Integer> citations, String raw) {
        AnswerSentence {
            citations = List.copyOf(citations);
        }

        boolean cites() {
            return !citations.isEmpty();
        }
    }

    private static final Pattern MARKER = Pattern.compile("\\s*\\[\\s*(\\d{1,4}(?:\\s*[-–,;]\\s*\\d{1,4})*)\\s*]");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,4})\\s*[-–]\\s*(\\d{1,4})");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`");

    /** A range wider than this is a typo or a year, not a citation list. */
    private static final int MAX_RANGE = 20;

    private AnswerSentences() {}

    /** Splits {@code answer} into sentences; never returns a sentence with empty text. */
    static List<AnswerSentence> of(String answer) {
        List<AnswerSentence> sentences = new ArrayList<>();
        for (String raw : Sentences.ofLines(answer)) {
            Set<Integer> citations = new LinkedHashSet<>();
            Matcher marker = MARKER.matcher(raw);
            while (marker.find()) {
                citations.addAll(numbers(marker.group(1)));
            }
            String text = EMPHASIS.matcher(MARKER.matcher(raw).replaceAll("")).replaceAll("").strip();
            if (text.chars().noneMatch(Character::isLetterOrDigit)) {
                if (!sentences.isEmpty() && !citations.isEmpty()) {
                    AnswerSentence previous = sentences.removeLast();
                    Set<Integer> merged = new LinkedHashSet<>(previous.citations());
                    merged.addAll(citations);
                    sentences.add(new AnswerSentence(previous.text(), List.copyOf(merged), previous.raw()));
                }
                continue;
            }
            sentences.add(new AnswerSentence(text, List.copyOf(citations), raw));
        }
        return sentences;
    }

    private static List<Integer> numbers(String inside) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : inside.split("\\s*[,;]\\s*")) {
            Matcher range = RANGE.matcher(part);
            if (range.matches()) {
                int from = Integer.parseInt(range.group(1));
                int to = Integer.parseInt(range.group(2));
                if (from <= to && to - from < MAX_RANGE) {
                    for (int n = from; n <= to; n++) {
                        numbers.add(n);
                    }
                }
            } else {
                numbers.add(Integer.parseInt(part.strip()));
            }
        }
        return numbers;
    }
}
