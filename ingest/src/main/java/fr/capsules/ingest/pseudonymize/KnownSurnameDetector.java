package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.PersonName.Gender;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds bare mentions of surnames already known — from stronger mentions in the same text or from
 * earlier documents of the capsule: "Durand a indiqué…" after "M. Durand". A mention must be
 * capitalised or in capitals ("durand" is not a mention). A surname that is also an everyday word
 * ("Blanc", "Juste") is a mention only in capitals or away from a sentence start, where any word is
 * capitalised. A first name right before ("Jeanne Dupont") or, in the administrative order, after
 * the surname in capitals ("DUPONT Jeanne") joins the mention.
 *
 * <p>Not a {@link Detector}: it needs the surnames; stateless and thread-safe otherwise.
 */
final class KnownSurnameDetector {

    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}'’-]*(?![\\p{L}])");
    private static final Pattern ANY_WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    private static final Pattern SENTENCE_START = Pattern.compile("(?:^|[.!?…•«\"\\n(])[ \\t\\u00A0]*(?:[-–*][ \\t]*)?$");
    private static final Pattern PREVIOUS_WORD = Pattern.compile("(\\p{L}[\\p{L}'’-]*)[ \\u00A0]$");

    private final NameScanner scanner = new NameScanner();
    private final NameLexicon lexicon = NameLexicon.instance();

    /**
     * Bare mentions in {@code text} of the given surnames (each as written once, any case).
     *
     * @param surnames folded surname keys ({@link PersonName#surnameKey()}), one or more words
     */
    List<Detection> detect(String text, Collection<String> surnames) {
        Map<String, List<String[]>> byFirstWord = new HashMap<>();
        for (String surname : surnames) {
            String[] words = surname.split(" ");
            byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
        }
        List<Detection> found = new ArrayList<>();
        if (byFirstWord.isEmpty()) {
            return found;
        }
        Matcher m = WORD.matcher(text);
        int lastEnd = 0;
        while (m.find()) {
            if (m.start() < lastEnd) {
                continue;
            }
            List<String[]> candidates = byFirstWord.get(Folding.name(m.group()));
            if (candidates == null) {
                continue;
            }
            int end = longestMatchEnd(text, m.end(), candidates);
            if (end < 0 || !acceptable(text, m.start(), m.group())) {
                continue;
            }
            int start = withFirstNameBefore(text, m.start());
            String surname = text.substring(m.start(), end);
            String firstName = start < m.start() ? text.substring(start, m.start()).strip() : null;
            int after = firstName == null && isUpper(surname) ? firstNameAfter(text, end) : -1;
            if (after > 0) {
                firstName = text.substring(NameScanner.afterSpace(text, end), after);
                end = after;
            }
            found.add(Detection.person(start, end, new PersonName(surname, firstName, Gender.UNKNOWN)));
            lastEnd = end;
        }
        return found;
    }

    /** The end of the longest known surname starting with the word that ends at {@code end}, or -1. */
    private static int longestMatchEnd(String text, int end, List<String[]> candidates) {
        int best = -1;
        for (String[] words : candidates) {
            int at = end;
            boolean all = true;
            for (int i = 1; i < words.length && all; i++) {
                int next = NameScanner.afterSpace(text, at);
                Matcher w = next < 0 ? null : ANY_WORD.matcher(text).region(next, text.length());
                if (w != null && w.lookingAt() && Folding.name(w.group()).equals(words[i])) {
                    at = w.end();
                } else {
                    all = false;
                }
            }
            if (all && at > best) {
                best = at;
            }
        }
        return best;
    }

    private boolean acceptable(String text, int start, String word) {
        if (isUpper(word) && word.length() > 1) {
            return true;
        }
        if (!lexicon.isCommonWord(word)) {
            return true;
        }
        return !SENTENCE_START.matcher(text).region(Math.max(0, start - 12), start).find();
    }

    private int withFirstNameBefore(String text, int start) {
        Matcher previous = PREVIOUS_WORD.matcher(text).region(Math.max(0, start - 40), start);
        if (previous.find() && Character.isUpperCase(previous.group(1).codePointAt(0))
                && lexicon.isFirstName(previous.group(1))) {
            return previous.start(1);
        }
        return start;
    }

    private int firstNameAfter(String text, int end) {
        NameScanner.Word next = scanner.wordAt(text, NameScanner.afterSpace(text, end));
        return next != null && next.kind() == NameScanner.Kind.CAPITALIZED && lexicon.isFirstName(next.text()) ? next.end() : -1;
    }

    private static boolean isUpper(String s) {
        return s.equals(s.toUpperCase(Locale.ROOT));
    }
}
