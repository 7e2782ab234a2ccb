package fr.capsules.app.llm.ollama;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notices a model caught in a loop: the text ends with the same block of words (1 to {@code maxBlockWords} words)
 * written {@code repeats} times in a row, the copies covering at least {@code minWords} words, so that an emphatic
 * "très, très" or a short list with a common prefix never counts. Only the tail of the text is examined, so each
 * check costs the same however long the answer. Not thread-safe: one per generation.
 */
final class Repetition {

    private static final Pattern WORD = Pattern.compile("\\S+");

    private final int repeats;
    private final int minWords;
    private final int maxBlockWords;

    Repetition(int repeats, int minWords, int maxBlockWords) {
        if (repeats < 2 || minWords < 1 || maxBlockWords < 1) {
            throw new IllegalArgumentException("a loop is at least two copies of at least one word");
        }
        this.repeats = repeats;
        this.minWords = minWords;
        this.maxBlockWords = maxBlockWords;
    }

    /** The defaults: a block repeated 4 times covering at least 24 words, blocks of up to 60 words. */
    static Repetition standard() {
        return new Repetition(4, 24, 60);
    }

    /**
     * Where the text should end to keep one copy of the loop it ends with, or -1 when it does not end with a loop.
     */
    int loopCut(CharSequence text) {
        int window = Math.max(minWords, maxBlockWords * repeats) * 40;
        int from = Math.max(0, text.length() - window);
        List<int[]> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text).region(from, text.length());
        while (matcher.find()) {
            words.add(new int[] {matcher.start(), matcher.end()});
        }
        if (from > 0 && !words.isEmpty()) {
            words.removeFirst(); // may be the end of a word cut by the window
        }
        int n = words.size();
        for (int block = 1; block <= maxBlockWords && block * repeats <= n; block++) {
            int copies = copiesAtTail(text, words, block);
            if (copies >= repeats && copies * block >= minWords) {
                // Keep everything up to the end of the first copy of the loop.
                return words.get(n - copies * block + block - 1)[1];
            }
        }
        return -1;
    }

    /** How many identical blocks of {@code block} words end the text. */
    private static int copiesAtTail(CharSequence text, List<int[]> words, int block) {
        int n = words.size();
        int copies = 1;
        while ((copies + 1) * block <= n) {
            int candidate = n - (copies + 1) * block;
            for (int i = 0; i < block; i++) {
                if (!same(text, words.get(candidate + i), words.get(n - block + i))) {
                    return copies;
                }
            }
            copies++;
        }
        return copies;
    }

    private static boolean same(CharSequence text, int[] a, int[] b) {
        int length = a[1] - a[0];
        if (length != b[1] - b[0]) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(a[0] + i) != text.charAt(b[0] + i)) {
                return false;
            }
        }
        return true;
    }
}
