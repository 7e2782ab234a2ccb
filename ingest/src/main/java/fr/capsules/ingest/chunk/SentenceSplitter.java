package fr.capsules.ingest.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits French running text into sentences, so that a passage never ends mid-sentence: a cut
 * sentence can lose its negation or its verb, and with them its meaning.
 *
 * <p>A sentence ends at {@code . ! ? …} (optionally followed by closing quotes or brackets), then
 * whitespace, then an uppercase letter, an opening quote or bracket, or a digit. A period does not
 * end a sentence after a known abbreviation ("art.", "M.", "Mme.", "cf.", "p.", "etc.", "al.") or a
 * single capital letter (initials, "L." in "art. L. 311-3"); a period between digits ("3.1") is
 * never followed by whitespace and so never matches. Stateless and thread-safe.
 */
final class SentenceSplitter {

    private static final Pattern SENTENCE_END =
            Pattern.compile("[.!?…]+[\"»”’')\\]]*\\s+(?=[\\p{Lu}«\"“(\\[\\d])");
    private static final Pattern WORD_BEFORE_PERIOD = Pattern.compile("(\\p{L}+)\\.$");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("\\s");

    /**
     * Lowercase abbreviations that end with a period inside a sentence. Units ("min.", "kg.") are
     * left out on purpose: they often end a sentence.
     */
    private static final Set<String> ABBREVIATIONS =
            Set.of(
                    "art", "arts", "al", "alin", "m", "mm", "mme", "mmes", "mlle", "mlles", "me",
                    "dr", "pr", "cf", "p", "pp", "n", "no", "nos", "etc", "ex", "env", "chap",
                    "fig", "vol", "éd", "réf", "ref", "tél", "tel", "av", "bd", "st",
                    "ste", "coll", "op", "cit", "ibid", "id", "obs", "cass", "civ", "crim", "soc",
                    "ord", "décr", "circ", "inst", "suiv", "sq", "resp", "dépt", "vs");

    /**
     * @param maxChars a sentence longer than this is cut at the last word boundary before it (or
     *     hard-cut when a single word is longer)
     * @return the sentences, trimmed, each at most {@code maxChars} long
     */
    List<String> split(String text, int maxChars) {
        List<String> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            String punctuation = end.group().strip();
            boolean singlePeriod = punctuation.startsWith(".") && !punctuation.startsWith("..");
            if (singlePeriod && isAbbreviation(text, end.start())) {
                continue;
            }
            addCut(sentences, text.substring(start, end.end()).strip(), maxChars);
            start = end.end();
        }
        addCut(sentences, text.substring(start).strip(), maxChars);
        return sentences;
    }

    private static boolean isAbbreviation(String text, int periodIndex) {
        int from = Math.max(0, periodIndex - 12);
        Matcher word = WORD_BEFORE_PERIOD.matcher(text.substring(from, periodIndex + 1));
        if (!word.find()) {
            return false;
        }
        String before = word.group(1);
        boolean initial = before.length() == 1 && Character.isUpperCase(before.charAt(0));
        return initial || ABBREVIATIONS.contains(before.toLowerCase(Locale.ROOT));
    }

    private static void addCut(List<String> sentences, String sentence, int maxChars) {
        String rest = sentence;
        while (rest.length() > maxChars) {
            int cut = lastBoundary(rest, maxChars);
            sentences.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            sentences.add(rest);
        }
    }

    private static int lastBoundary(String text, int maxChars) {
        Matcher space = WORD_BOUNDARY.matcher(text);
        int last = -1;
        while (space.find() && space.start() <= maxChars) {
            last = space.start();
        }
        return last > 0 ? last : maxChars;
    }
}
