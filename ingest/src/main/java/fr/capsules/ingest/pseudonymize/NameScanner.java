package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.PersonName.Gender;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a person's name at a given place in a text, the way French documents write names: first
 * names and surname capitalised or in capitals ("Jeanne Dupont", "DUPONT Jeanne", "Marie-Claire
 * LEFÈVRE"), initials ("J.-P. Martin"), particles ("de La Fontaine", "Le Goff", "N'Diaye"). Words
 * are separated by spaces on one line; a name stops at punctuation, at a word in lower case that is
 * not a particle, at a stop word (title, function word, month, acronym) and after six words.
 *
 * <p>Stateless and thread-safe.
 */
final class NameScanner {

    /** A name's words as read, with its span. */
    record Read(int start, int end, List<Word> words) {

        List<Word> names() {
            return words.stream().filter(w -> w.kind != Kind.PARTICLE).toList();
        }
    }

    enum Kind {
        CAPITALIZED,
        UPPER,
        INITIAL,
        PARTICLE
    }

    record Word(int start, int end, String text, Kind kind) {}

    private static final int MAX_WORDS = 6;
    private static final Pattern WORD = Pattern.compile(
            "\\p{Lu}\\.(?:-\\p{Lu}\\.)?|(?:[\\p{L}]['’])?\\p{L}+(?:[-'’]\\p{L}+)*");
    private static final Pattern SPACE = Pattern.compile("[ \\t\\u00A0\\u202F]{1,3}");

    private final NameLexicon lexicon = NameLexicon.instance();

    /**
     * The name starting exactly at {@code pos}, or null when none does.
     *
     * @param leadingParticle whether the name may start with a particle ("M. de Villepin")
     */
    Read read(String text, int pos, boolean leadingParticle) {
        List<Word> words = new ArrayList<>();
        int at = pos;
        while (words.size() < MAX_WORDS) {
            // A civility or a label announces a name: its first word may be a month ("Mme Mai Nguyen").
            Word word = wordAt(text, at, words.isEmpty() && leadingParticle);
            if (word == null) {
                break;
            }
            if (word.kind == Kind.PARTICLE
                    && ((words.isEmpty() && !leadingParticle) || !nameFollows(text, word, 2))) {
                break;
            }
            words.add(word);
            int next = afterSpace(text, word.end);
            if (next < 0) {
                break;
            }
            at = next;
        }
        while (!words.isEmpty() && (words.getLast().kind == Kind.PARTICLE || words.getLast().kind == Kind.INITIAL)) {
            words.removeLast();
        }
        if (words.stream().noneMatch(w -> w.kind == Kind.CAPITALIZED || w.kind == Kind.UPPER)) {
            return null;
        }
        return new Read(words.getFirst().start, words.getLast().end, List.copyOf(words));
    }

    /** True when a name word follows {@code particle}, possibly after one more ("de la Fontaine"). */
    private boolean nameFollows(String text, Word particle, int depth) {
        Word next = wordAt(text, afterSpace(text, particle.end));
        if (next == null) {
            return false;
        }
        if (next.kind == Kind.CAPITALIZED || next.kind == Kind.UPPER) {
            return true;
        }
        return next.kind == Kind.PARTICLE && depth > 1 && nameFollows(text, next, depth - 1);
    }

    /** The word at {@code pos} if it can belong to a name, or null. */
    Word wordAt(String text, int pos) {
        return wordAt(text, pos, false);
    }

    private Word wordAt(String text, int pos, boolean calendarAllowed) {
        if (pos < 0 || pos >= text.length()) {
            return null;
        }
        Matcher m = WORD.matcher(text).region(pos, text.length());
        if (!m.lookingAt()) {
            return null;
        }
        int end = m.end();
        if (end < text.length() && Character.isDigit(text.charAt(end))) {
            return null;
        }
        String w = m.group();
        Kind kind = kind(w);
        if (kind == null) {
            return null;
        }
        if (kind == Kind.PARTICLE) {
            return new Word(pos, end, w, kind);
        }
        if (kind == Kind.INITIAL) {
            return new Word(pos, end, w, kind);
        }
        boolean capitalParticle = kind == Kind.CAPITALIZED && lexicon.isParticle(w) && w.length() <= 4;
        if (capitalParticle) {
            // "Le Goff", "De Sousa", "Van Damme": a particle only when a name follows.
            return new Word(pos, end, w, Kind.PARTICLE);
        }
        String afterElision = elided(w);
        boolean calendarName = calendarAllowed && lexicon.isCalendarWord(w);
        boolean stop = lexicon.isStopWord(w) || lexicon.isStopWord(afterElision);
        if ((stop && !calendarName)
                || (kind == Kind.UPPER && (lexicon.isAcronym(w) || lexicon.isAcronym(afterElision)))) {
            return null;
        }
        return new Word(pos, end, w, kind);
    }

    /** "EHPAD" for "L'EHPAD": the word after an elided article or particle. */
    private static String elided(String w) {
        int apostrophe = Math.max(w.indexOf('\''), w.indexOf('’'));
        return apostrophe == 1 ? w.substring(2) : w;
    }

    private Kind kind(String w) {
        if (w.endsWith(".")) {
            return Kind.INITIAL;
        }
        int firstLetter = w.codePointAt(0);
        int letters = 0;
        boolean anyLower = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                anyLower |= Character.isLowerCase(c);
            }
        }
        if (Character.isLowerCase(firstLetter)) {
            if (lexicon.isParticle(w)) {
                return Kind.PARTICLE;
            }
            // "d'Estaing": a lower-case elided particle glued to a capitalised name.
            if (w.length() > 2 && w.charAt(0) == 'd' && (w.charAt(1) == '\'' || w.charAt(1) == '’')
                    && Character.isUpperCase(w.charAt(2))) {
                return Kind.CAPITALIZED;
            }
            return null;
        }
        if (letters < 2) {
            return null;
        }
        if (!anyLower) {
            return Kind.UPPER;
        }
        return Kind.CAPITALIZED;
    }

    /** The position of the next word after one run of spaces at {@code pos}, or -1. */
    static int afterSpace(String text, int pos) {
        Matcher m = SPACE.matcher(text).region(pos, text.length());
        return m.lookingAt() ? m.end() : -1;
    }

    /**
     * Who a read name names. Words in capitals are the surname when capitalised words stand beside
     * them ("DUPONT Jeanne", "Jeanne DUPONT"); otherwise leading first names and initials are first
     * names and the rest the surname ("Marie-Claire Lefèvre", "J. Martin", "Charles de Gaulle"); a
     * trailing first name after a non-first-name means the surname came first ("Dupont Jeanne").
     */
    PersonName interpret(String text, Read read, Gender gender) {
        List<Word> words = read.words();
        List<Word> names = read.names();
        boolean anyUpper = names.stream().anyMatch(w -> w.kind == Kind.UPPER);
        boolean anyLower = names.stream().anyMatch(w -> w.kind != Kind.UPPER);
        if (anyUpper && anyLower) {
            int first = firstUpper(words);
            int last = first;
            while (last + 1 < words.size() && (words.get(last + 1).kind == Kind.UPPER
                    || (words.get(last + 1).kind == Kind.PARTICLE && last + 2 < words.size()
                            && words.get(last + 2).kind == Kind.UPPER))) {
                last++;
            }
            while (first > 0 && words.get(first - 1).kind == Kind.PARTICLE) {
                first--;
            }
            String surname = join(text, words, first, last);
            List<Word> rest = new ArrayList<>(words.subList(0, first));
            rest.addAll(words.subList(last + 1, words.size()));
            rest.removeIf(w -> w.kind == Kind.PARTICLE);
            return new PersonName(surname, rest.isEmpty() ? null : joinWords(rest), gender);
        }
        if (names.size() == 1) {
            return new PersonName(join(text, words, 0, words.size() - 1), null, gender);
        }
        int leading = 0;
        while (leading < words.size() - 1 && isFirstNameWord(words.get(leading)) && hasNameAfter(words, leading)) {
            leading++;
        }
        if (leading == 0) {
            Word lastWord = words.getLast();
            if (lexicon.isFirstName(lastWord.text) && !lexicon.isFirstName(words.getFirst().text)) {
                return new PersonName(join(text, words, 0, words.size() - 2), lastWord.text, gender);
            }
            // Civility + Firstname Surname is the French order: the last name word is the surname.
            int surnameStart = words.size() - 1;
            while (surnameStart > 0 && words.get(surnameStart - 1).kind == Kind.PARTICLE) {
                surnameStart--;
            }
            if (surnameStart == 0) {
                return new PersonName(join(text, words, 0, words.size() - 1), null, gender);
            }
            return new PersonName(join(text, words, surnameStart, words.size() - 1),
                    joinWords(words.subList(0, surnameStart)), gender);
        }
        return new PersonName(join(text, words, leading, words.size() - 1), joinWords(words.subList(0, leading)), gender);
    }

    private boolean isFirstNameWord(Word w) {
        return w.kind == Kind.INITIAL || (w.kind != Kind.PARTICLE && lexicon.isFirstName(w.text));
    }

    private static boolean hasNameAfter(List<Word> words, int index) {
        for (int i = index + 1; i < words.size(); i++) {
            if (words.get(i).kind == Kind.CAPITALIZED || words.get(i).kind == Kind.UPPER) {
                return true;
            }
        }
        return false;
    }

    private static int firstUpper(List<Word> words) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).kind == Kind.UPPER) {
                return i;
            }
        }
        return -1;
    }

    private static String join(String text, List<Word> words, int from, int to) {
        return text.substring(words.get(from).start, words.get(to).end);
    }

    private static String joinWords(List<Word> words) {
        return String.join(" ", words.stream().map(Word::text).toList());
    }
}
