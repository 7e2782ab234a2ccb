package fr.capsules.app.ask.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * French sentence boundaries, for answers and for source passages.
 *
 * <p>A sentence ends at {@code . ! ? …} (or a run of them, with closing quotes or brackets) that is
 * followed by white space, a citation marker or the end of the line, except:
 *
 * <ul>
 *   <li>after an abbreviation ({@code art.}, {@code M.}, {@code Mme.}, {@code cf.}, {@code p.},
 *       {@code al.}, …) or a single letter ({@code L.} in "art. L. 1112-3", an initial);
 *   <li>after {@code etc.} unless an upper-case word follows — "etc." ends sentences as often as it
 *       ends lists inside them;
 *   <li>when the next word starts in lower case — well-formed French never starts a sentence that
 *       way, so this catches abbreviations the list lacks ("env. 30 %");
 *   <li>inside numbers or addresses ("3.1", "ars.sante.fr"): no white space follows the point.
 * </ul>
 *
 * <p>Citation markers right after the end ("… ouvrés. [1] La réponse …") belong to the sentence
 * they follow: models place them on both sides of the point. In {@link #ofLines} every line break
 * ends a sentence and list bullets ({@code -}, {@code *}, {@code •}, "1.", "a)") and heading marks
 * are dropped; {@link #ofPassage} first rejoins lines that a PDF wrapped mid-sentence.
 *
 * <p>Stateless; all methods are thread-safe.
 */
final class Sentences {

    private static final String TERMINALS = ".!?…";
    private static final String CLOSERS = "»\")]'’”";

    /** Words that a point abbreviates rather than ends, compared in lower case. */
    private static final Set<String> ABBREVIATIONS =
            Set.of(
                    "art", "arts", "m", "mm", "mme", "mmes", "mlle", "me", "dr", "pr", "cf", "p", "pp", "n°", "no",
                    "al", "chap", "ex", "éd", "vol", "env", "réf", "tél", "fig", "av", "bd", "suiv", "sq", "ann",
                    "coll", "dir", "op", "cit", "ibid", "spéc", "préc", "mod", "min", "max", "s", "ss", "st", "ste",
                    "cass", "civ", "crim", "adm", "sect", "ord", "circ", "instr", "doc", "hab", "approx");

    private static final Pattern MARKERS = Pattern.compile("\\G(?:\\s*\\[\\s*\\d+(?:\\s*[-–,;]\\s*\\d+)*\\s*])+");
    private static final Pattern BULLET =
            Pattern.compile("^\\s*(?:#{1,6}\\s+|[-*•–—▪◦·>]\\s+|\\d{1,2}[.)]\\s+|[a-zA-Z][)]\\s+)+");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern WRAPPED_BREAK = Pattern.compile("(?<=[^\\s.!?…:;])[ \\t]*\\R[ \\t]*(?![-*•–—▪◦·#>]\\s|\\d{1,2}[.)]\\s|\\s)");

    private Sentences() {}

    /**
     * Splits text whose line breaks are meaningful (an answer in Markdown-like text).
     *
     * @return the sentences in order, trimmed, bullets removed, never empty strings; markers kept
     */
    static List<String> ofLines(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : LINE_BREAK.split(text)) {
            String content = BULLET.matcher(line).replaceFirst("").strip();
            if (!content.isEmpty()) {
                splitLine(content, sentences);
            }
        }
        return sentences;
    }

    /**
     * Splits a source passage: a single line break between two words is a wrap, not a boundary;
     * blank lines, bullets and breaks after end punctuation still separate sentences.
     */
    static List<String> ofPassage(String passage) {
        return ofLines(WRAPPED_BREAK.matcher(passage).replaceAll(" "));
    }

    private static void splitLine(String line, List<String> sentences) {
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            if (TERMINALS.indexOf(line.charAt(i)) < 0) {
                i++;
                continue;
            }
            int end = endOfPunctuation(line, i);
            int next = skipSpaces(line, end);
            Matcher markers = MARKERS.matcher(line);
            if (markers.find(end) && markers.start() == end) {
                // Markers after the point close the sentence they follow.
                end = markers.end();
                next = skipSpaces(line, end);
            } else if (next < line.length() && (next == end || !endsSentence(line, i, next))) {
                i = end;
                continue;
            }
            add(line.substring(start, end), sentences);
            start = next;
            i = next;
        }
        add(line.substring(start), sentences);
    }

    /** The index after a run of end punctuation and the closing quotes or brackets that follow it. */
    private static int endOfPunctuation(String line, int i) {
        int end = i;
        while (end < line.length() && TERMINALS.indexOf(line.charAt(end)) >= 0) {
            end++;
        }
        while (true) {
            int j = skipSpaces(line, end);
            if (j < line.length() && CLOSERS.indexOf(line.charAt(j)) >= 0 && (j == end || line.charAt(j) == '»')) {
                end = j + 1;
            } else {
                return end;
            }
        }
    }

    /** Whether the punctuation at {@code at}, followed by white space then {@code next}, ends a sentence. */
    private static boolean endsSentence(String line, int at, int next) {
        char following = line.charAt(next);
        if (Character.isLowerCase(following)) {
            return false;
        }
        if (line.charAt(at) != '.' || (at + 1 < line.length() && TERMINALS.indexOf(line.charAt(at + 1)) >= 0)) {
            return true;
        }
        String word = wordBefore(line, at);
        if (word.equalsIgnoreCase("etc")) {
            return Character.isUpperCase(following);
        }
        return !(word.length() == 1 && Character.isLetter(word.charAt(0)))
                && !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static String wordBefore(String line, int at) {
        int begin = at;
        while (begin > 0 && (Character.isLetter(line.charAt(begin - 1)) || line.charAt(begin - 1) == '°')) {
            begin--;
        }
        return line.substring(begin, at);
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void add(String sentence, List<String> sentences) {
        String stripped = sentence.strip();
        if (!stripped.isEmpty()) {
            sentences.add(stripped);
        }
    }
}
