package fr.capsules.app.ask.grounding;

import fr.capsules.ingest.normalize.AccentFolding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acronyms one side writes and the other spells out ("DLU" / "dossier de liaison d'urgence", "AR" / "accusé de
 * réception"): the words of the expansion are what the acronym says, so they are supported by it, and the acronym by
 * them. An expansion is a run of words whose initials, small grammatical words skipped, spell the acronym — or, for an
 * acronym of four letters or more, its first letters but the last ("outil régional de suivi" for "ORSR": the last
 * word is often left out when the answer names the thing).
 *
 * <p>Stateless; thread-safe.
 */
final class Acronyms {

    private static final Pattern ACRONYM = Pattern.compile("(?<![\\p{L}])(\\p{Lu}{2,6})(?![\\p{L}])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+(?:-[\\p{L}]+)*");
    private static final Set<String> SMALL_WORDS = Set.of(
            "de", "d", "du", "des", "la", "le", "les", "l", "et", "à", "au", "aux", "en", "pour", "sur");
    private static final int MIN_PREFIX = 3;

    private Acronyms() {}

    /**
     * The text of {@code text} that spells out an acronym written in {@code other}, plus the acronyms of {@code text}
     * that {@code other} spells out: what {@code other} supports in {@code text} through acronyms. Empty when none.
     */
    static String supportedIn(String text, String other) {
        List<String> supported = new ArrayList<>();
        for (String acronym : acronyms(other)) {
            String expansion = expansion(text, acronym);
            if (expansion != null) {
                supported.add(expansion);
            }
        }
        for (String acronym : acronyms(text)) {
            if (expansion(other, acronym) != null) {
                supported.add(acronym);
            }
        }
        return String.join(" ", supported);
    }

    /**
     * {@code text} with each run of words spelling out an acronym of {@code other} replaced by the acronym ("l'accusé
     * de réception n'est pas envoyé" → "l'AR n'est pas envoyé" against "AR par courriel"), so that its clauses can be
     * matched with {@code other}'s.
     */
    static String contracted(String text, String other) {
        String contracted = text;
        for (String acronym : acronyms(other)) {
            String expansion = expansion(contracted, acronym);
            if (expansion != null) {
                contracted = contracted.replace(expansion, acronym);
            }
        }
        return contracted;
    }

    private static Set<String> acronyms(String text) {
        Set<String> acronyms = new LinkedHashSet<>();
        Matcher acronym = ACRONYM.matcher(text);
        while (acronym.find()) {
            acronyms.add(acronym.group(1));
        }
        return acronyms;
    }

    /** The run of words of {@code text} whose initials spell {@code acronym} (or its letters but the last), or null. */
    static String expansion(String text, String acronym) {
        List<int[]> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (!SMALL_WORDS.contains(lower) && !word.group().equals(acronym)) {
                words.add(new int[] {word.start(), word.end()});
            }
        }
        String letters = folded(acronym);
        int wanted = letters.length() >= MIN_PREFIX + 1 ? letters.length() - 1 : letters.length();
        for (int i = 0; i + wanted <= words.size(); i++) {
            int matched = 0;
            while (matched < letters.length() && i + matched < words.size()
                    && initial(text, words.get(i + matched)) == letters.charAt(matched)
                    && (matched == 0 || adjacent(text, words.get(i + matched - 1), words.get(i + matched)))) {
                matched++;
            }
            if (matched >= wanted) {
                return text.substring(words.get(i)[0], words.get(i + matched - 1)[1]);
            }
        }
        return null;
    }

    private static char initial(String text, int[] word) {
        return folded(text.substring(word[0], word[0] + 1)).charAt(0);
    }

    /** Two words of an expansion are separated by small words and spaces only ("liaison d'urgence"). */
    private static boolean adjacent(String text, int[] previous, int[] next) {
        String between = text.substring(previous[1], next[0]).toLowerCase(Locale.ROOT);
        for (String part : between.split("[\\s'’]+")) {
            if (!part.isEmpty() && !SMALL_WORDS.contains(part)) {
                return false;
            }
        }
        return true;
    }

    /** Upper case without accents: "É" → "E". */
    private static String folded(String text) {
        return AccentFolding.fold(text).toUpperCase(Locale.ROOT);
    }
}
