package fr.capsules.ingest.screen;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds visible text that reads like an instruction aimed at a language model rather than at the
 * document's human readers: attempts to override instructions ("ignore toutes les instructions
 * précédentes", "oublie tes consignes"), to change the model's role ("tu es désormais…"), chat
 * role markers and special tokens ("system:", {@code <|im_start|>}, {@code [INST]}) and look-alikes
 * of the delimiters a prompt puts around documents ({@code </passage>}, "fin du document ---").
 *
 * <p>Patterns, in French and English, are matched on the NFKC form (full-width letters count as
 * letters), case-insensitively. This is a signal for a person, not a filter: such text stays
 * indexed as data, and the prompt's own defences ({@code PassageFence} in the service) do not rely
 * on it. Thread-safe.
 */
public final class InstructionSignals {

    /** What kind of model-directed text was recognised. */
    public enum Kind {
        OVERRIDE,
        ROLE_CHANGE,
        ROLE_MARKER,
        DELIMITER
    }

    /** One recognised phrase. */
    public record Signal(Kind kind, String excerpt) {}

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final String DET = "(?:(?:toutes?|tous|all|any|of|de|d'|des|les|tes|vos|ces|mes|the|your|my|these|"
            + "pr[ée]c[ée]dentes?|ant[ée]rieures?|previous|prior|above|earlier|system|syst[èe]me)\\s*){0,4}";
    private static final String RULES = "(?:instructions?|consignes?|r[èe]gles|directives?|prompts?|ordres)";

    // Each pattern comes with words that any text it matches contains (case folded as the
    // pattern's own matching folds it): a passage without them is not searched with the pattern.
    // Ten expressions with alternations at every position of every passage were the costliest
    // step of ingestion (issue 17, point 5); most passages hold none of these words. Which words a
    // passage holds is found in one pass over it for all the patterns (WordsHeld), as it is folded.
    private static final String[] RULE_WORDS = {"instruction", "consigne", "gles", "directive", "prompt", "ordres"};
    private static final String[] DELIMITER_END = {"fin", "end"};
    private static final String[] DELIMITER_WHAT = {"document", "passage", "context", "donn", "data"};
    private static final String[] REVEAL_WHAT = {"prompt", "instructions", "consignes"};
    private static final String[] FROM_NOW_ON = {"sormais", "maintenant", "navant"};
    private static final String[] ROLE_PHRASES = {"now", "pretend", "agis", "instructions", "consignes", "prompt",
        "veloppeur", "developer", "jailbreak"};
    private static final String[] COLON = {":"};
    private static final String[] SPEAKERS = {"syst", "assistant", "user", "utilisateur", "human"};
    private static final String[] CHAT_TEMPLATE_MARKS = {"<|", "inst]", "sys]", "sys>>", "_of_turn>", "##"};
    private static final String[] TAG_OPENING = {"<"};

    /** Every word of the pre-checks below, once. */
    private static final WordsHeld WORDS = new WordsHeld(java.util.stream.Stream.of(RULE_WORDS, REVEAL_WHAT,
                    FROM_NOW_ON, ROLE_PHRASES, COLON, SPEAKERS, CHAT_TEMPLATE_MARKS, TAG_OPENING, DELIMITER_END,
                    DELIMITER_WHAT)
            .flatMap(java.util.Arrays::stream).distinct().toList());
    /** The bit, past the words', that says three marks among {@code - = # * ] >} follow each other. */
    private static final long RUN_OF_THREE_MARKS = 1L << 63;

    private static final List<Entry> PATTERNS = List.of(
            new Entry(Kind.OVERRIDE, "\\b(?:ignore[rsz]?|oublie[rsz]?|disregard|forget|outrepasse[rsz]?|"
                    + "ne\\s+(?:tiens|tenez)\\s+(?:pas|plus)\\s+compte)\\s+(?:de\\s+|d'|of\\s+)?" + DET + RULES + "\\b",
                    anyOf(RULE_WORDS)),
            new Entry(Kind.OVERRIDE, "\\b" + RULES + "\\s+(?:pr[ée]c[ée]dentes|ci-dessus|above|previous)\\s+"
                    + "(?:sont|are)\\s+(?:annul[ée]es|obsol[èe]tes|void|cancell?ed)",
                    anyOf(RULE_WORDS)),
            new Entry(Kind.OVERRIDE, "\\b(?:r[ée]v[èe]le|r[ée]v[ée]lez|affiche[sz]?|r[ée]p[èe]te[sz]?|reveal|print|repeat)\\s+"
                    + "(?:tes|vos|ton|votre|your|the)\\s+(?:system\\s+)?(?:prompt|instructions|consignes)",
                    anyOf(REVEAL_WHAT)),
            new Entry(Kind.ROLE_CHANGE, "\\b(?:tu\\s+es|vous\\s+[êe]tes)\\s+(?:d[ée]sormais|maintenant|dor[ée]navant)\\b",
                    anyOf(FROM_NOW_ON)),
            new Entry(Kind.ROLE_CHANGE, "\\b(?:d[ée]sormais|dor[ée]navant|[àa]\\s+partir\\s+de\\s+maintenant),?\\s+"
                    + "(?:tu|vous)\\s+(?:es|[êe]tes|dois|devez|vas|allez|r[ée]ponds|r[ée]pondez)\\b",
                    anyOf(FROM_NOW_ON)),
            new Entry(Kind.ROLE_CHANGE, "\\b(?:you\\s+are\\s+now|from\\s+now\\s+on,?\\s+you|pretend\\s+(?:to\\s+be|you\\s+are)|"
                    + "agis(?:sez)?\\s+comme\\s+(?:un|une|si)|nouvelles?\\s+(?:instructions|consignes)\\s*:|"
                    + "new\\s+instructions\\s*:|system\\s+prompt|prompt\\s+syst[èe]me|mode\\s+d[ée]veloppeur|"
                    + "developer\\s+mode|jailbreak)",
                    anyOf(ROLE_PHRASES)),
            new Entry(Kind.ROLE_MARKER, "(?m)^\\s*(?:system|assistant|user|syst[èe]me|utilisateur|human)\\s*:",
                    anyOf(COLON).and(SPEAKERS)),
            new Entry(Kind.ROLE_MARKER, "<\\|[a-z_]{2,30}\\|>|\\[/?(?:INST|SYS)]|<</?SYS>>|<(?:start|end)_of_turn>|"
                    + "(?m)^\\s*#{2,}\\s*(?:instruction|system|syst[èe]me)s?\\b",
                    anyOf(CHAT_TEMPLATE_MARKS)),
            new Entry(Kind.DELIMITER, "</?\\s*(?:passages?|donn[ée]es|documents?|contexte?|context|sources?|system|"
                    + "instructions?|question|data)(?:[-_][\\w-]*)?(?:\\s+[^<>]{0,40})?>",
                    anyOf(TAG_OPENING)),
            new Entry(Kind.DELIMITER, "(?:[-=#*]{3,}\\s*(?:fin|end)\\s+(?:du|des|de\\s+la|of(?:\\s+the)?)\\s+"
                    + "(?:document|passages?|contexte|context|donn[ée]es|data))|"
                    + "(?:\\b(?:fin|end)\\s+(?:du|des|de\\s+la|of(?:\\s+the)?)\\s+(?:document|passages?|contexte|context|"
                    + "donn[ée]es|data)\\s*[-=#*\\]>]{3,})",
                    anyOf(DELIMITER_END).and(DELIMITER_WHAT).andRunOfThreeMarks()));

    private record Entry(Kind kind, Pattern pattern, PreCheck mayMatch) {
        Entry(Kind kind, String regex, PreCheck mayMatch) {
            this(kind, Pattern.compile(regex, FLAGS), mayMatch);
        }
    }

    /**
     * What a text must hold for a pattern to be tried: one word of each group (each group a mask
     * of {@link #WORDS}' bits, or {@link #RUN_OF_THREE_MARKS}).
     */
    private record PreCheck(long[] groups) {

        PreCheck and(String... words) {
            return with(WORDS.bits(words));
        }

        /** Three characters in a row among {@code - = # * ] >}, as both delimiter forms need. */
        PreCheck andRunOfThreeMarks() {
            return with(RUN_OF_THREE_MARKS);
        }

        private PreCheck with(long group) {
            long[] more = java.util.Arrays.copyOf(groups, groups.length + 1);
            more[groups.length] = group;
            return new PreCheck(more);
        }

        boolean test(long held) {
            for (long group : groups) {
                if ((held & group) == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** True when the case-folded text contains one of {@code words} (lower-case ASCII). */
    private static PreCheck anyOf(String... words) {
        return new PreCheck(new long[] {WORDS.bits(words)});
    }

    /**
     * The words of {@link #WORDS} that {@code text} holds once case-folded, and {@link
     * #RUN_OF_THREE_MARKS}: one bit each. Each code point is folded as the patterns compare it
     * case-insensitively (CASE_INSENSITIVE with UNICODE_CASE: lower case of upper case), so that
     * "ſ" or "K" (Kelvin) fold as they match; Latin-1, the usual case, through a table.
     */
    static long held(String text) {
        long held = 0;
        int state = WordsHeld.START;
        int marks = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int folded;
            if (c < LATIN_1_FOLDED.length) {
                folded = LATIN_1_FOLDED[c];
                i++;
            } else {
                int cp = text.codePointAt(i);
                folded = foldCase(cp);
                i += Character.charCount(cp);
            }
            state = WORDS.next(state, folded);
            held |= WORDS.found(state);
            marks = isMark(folded) ? marks + 1 : 0;
            if (marks >= 3) {
                held |= RUN_OF_THREE_MARKS;
            }
        }
        return held;
    }

    private static boolean isMark(int c) {
        return c == '-' || c == '=' || c == '#' || c == '*' || c == ']' || c == '>';
    }

    /** The patterns' pre-checks on {@code text} (as {@link #find} normalises it), in their order (tests). */
    static boolean[] preChecks(String normalised) {
        long held = held(normalised);
        boolean[] checks = new boolean[PATTERNS.size()];
        for (int i = 0; i < checks.length; i++) {
            checks[i] = PATTERNS.get(i).mayMatch().test(held);
        }
        return checks;
    }

    private static int foldCase(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }

    /** {@link #foldCase(int)} of the first 256 code points, worked out once (all fold into the BMP). */
    private static final char[] LATIN_1_FOLDED = latin1Folded();

    private static char[] latin1Folded() {
        char[] folded = new char[256];
        for (int cp = 0; cp < folded.length; cp++) {
            folded[cp] = (char) foldCase(cp);
        }
        return folded;
    }

    /** The phrases recognised in {@code text}, in the order of the patterns; empty when none. */
    public List<Signal> find(String text) {
        return find(text, true);
    }

    /** As {@link #find(String)}; without the pre-checks when {@code preChecks} is false (tests). */
    List<Signal> find(String text, boolean preChecks) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String nfkc = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        String normalised = nfkc.replace('’', '\'');
        long held = preChecks ? held(normalised) : -1L;
        List<Signal> signals = new ArrayList<>();
        for (Entry entry : PATTERNS) {
            if (!entry.mayMatch().test(held)) {
                continue;
            }
            Matcher m = entry.pattern().matcher(normalised);
            if (m.find()) {
                signals.add(new Signal(entry.kind(), excerpt(normalised, m.start(), m.end())));
            }
        }
        return signals;
    }

    /** The match with a few words around it, at most 100 characters, on one line. */
    private static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - 20);
        int to = Math.min(text.length(), Math.max(end, Math.min(text.length(), start + 60)) + 20);
        to = Math.min(to, from + 100);
        String piece = text.substring(from, to).replaceAll("\\s+", " ").strip();
        return (from > 0 ? "…" : "") + piece + (to < text.length() ? "…" : "");
    }
}
