package fr.capsules.ingest.screen;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * Which of a few words (lower-case ASCII, at most 64) a text holds, found in one pass over it
 * (Aho–Corasick, its failure links worked into one transition table), instead of one search
 * through the text per word. The caller feeds the text one character at a time ({@link #next}),
 * as it folds it, and gathers {@link #found} into a mask with one bit per word, in the order
 * given. Immutable, thread-safe.
 */
final class WordsHeld {

    /** The state before any character, and after one that no word holds. */
    static final int START = 0;

    private final List<String> words;
    /** Per ASCII char, its class: 0 for a char in no word, 1.. for the others. */
    private final byte[] classOf = new byte[128];
    private final int classes;
    private final int[] next;
    private final long[] found;

    WordsHeld(List<String> words) {
        if (words.size() > 64) {
            throw new IllegalArgumentException("at most 64 words");
        }
        this.words = List.copyOf(words);
        int classCount = 1;
        int states = 1;
        for (String word : words) {
            if (word.isEmpty()) {
                throw new IllegalArgumentException("empty word");
            }
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c >= 128) {
                    throw new IllegalArgumentException("not ASCII: " + word);
                }
                if (classOf[c] == 0) {
                    classOf[c] = (byte) classCount++;
                }
            }
            states += word.length();
        }
        this.classes = classCount;
        int[] trie = new int[states * classes];
        Arrays.fill(trie, -1);
        long[] ends = new long[states];
        int used = 1;
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            int state = START;
            for (int i = 0; i < word.length(); i++) {
                int at = state * classes + classOf[word.charAt(i)];
                if (trie[at] < 0) {
                    trie[at] = used++;
                }
                state = trie[at];
            }
            ends[state] |= 1L << w;
        }
        // Breadth first: each state's failure (the longest proper suffix that is a state) is
        // done before it, so its transitions and its words can be copied from there.
        int[] table = new int[used * classes];
        long[] endsHere = Arrays.copyOf(ends, used);
        int[] failure = new int[used];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < classes; c++) {
            int child = trie[c];
            table[c] = child < 0 ? START : child;
            if (child > 0) {
                failure[child] = START;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            endsHere[state] |= endsHere[failure[state]];
            for (int c = 0; c < classes; c++) {
                int child = trie[state * classes + c];
                if (child < 0) {
                    table[state * classes + c] = table[failure[state] * classes + c];
                } else {
                    table[state * classes + c] = child;
                    failure[child] = table[failure[state] * classes + c];
                    queue.add(child);
                }
            }
        }
        this.next = table;
        this.found = endsHere;
    }

    /** The state after {@code c} (a folded character) from {@code state}. */
    int next(int state, int c) {
        return next[state * classes + (c < 128 ? classOf[c] : 0)];
    }

    /** The words that end at {@code state}, one bit each. */
    long found(int state) {
        return found[state];
    }

    /** The bit of {@code word}. */
    long bit(String word) {
        int w = words.indexOf(word);
        if (w < 0) {
            throw new IllegalArgumentException("not a word of the set: " + word);
        }
        return 1L << w;
    }

    /** The bits of {@code words}, together. */
    long bits(String... wordsOfTheSet) {
        long bits = 0;
        for (String word : wordsOfTheSet) {
            bits |= bit(word);
        }
        return bits;
    }

    /** The words held by {@code text} (already folded), one bit each. */
    long held(CharSequence text) {
        long held = 0;
        int state = START;
        for (int i = 0; i < text.length(); i++) {
            state = next(state, text.charAt(i));
            held |= found[state];
        }
        return held;
    }
}
