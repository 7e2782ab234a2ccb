package fr.capsules.app.web.ui;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person changed in the AI's text, word by word: runs of kept, removed and added words
 * (whitespace travels with the word before it), for the draft page.
 */
public record WordDiff(List<Run> runs) {

    public enum Change { KEPT, REMOVED, ADDED }

    public record Run(Change change, String text) {
        public boolean kept() {
            return change == Change.KEPT;
        }

        public boolean removed() {
            return change == Change.REMOVED;
        }

        public boolean added() {
            return change == Change.ADDED;
        }
    }

    private static final Pattern WORD = Pattern.compile("\\S+\\s*|\\s+");

    static WordDiff between(String before, String after) {
        List<String> a = words(before);
        List<String> b = words(after);
        List<Run> runs = new ArrayList<>();
        int cursor = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int at = delta.getSource().getPosition();
            add(runs, Change.KEPT, a.subList(cursor, at));
            add(runs, Change.REMOVED, delta.getSource().getLines());
            add(runs, Change.ADDED, delta.getTarget().getLines());
            cursor = at + delta.getSource().size();
        }
        add(runs, Change.KEPT, a.subList(cursor, a.size()));
        return new WordDiff(List.copyOf(runs));
    }

    public boolean changed() {
        return runs.stream().anyMatch(r -> r.change() != Change.KEPT);
    }

    private static void add(List<Run> runs, Change change, List<String> words) {
        if (!words.isEmpty()) {
            runs.add(new Run(change, String.join("", words)));
        }
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
