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

    private static final List<Entry> PATTERNS = List.of(
            new Entry(Kind.OVERRIDE, "\\b(?:ignore[rsz]?|oublie[rsz]?|disregard|forget|outrepasse[rsz]?|"
                    + "ne\\s+(?:tiens|tenez)\\s+(?:pas|plus)\\s+compte)\\s+(?:de\\s+|d'|of\\s+)?" + DET + RULES + "\\b"),
            new Entry(Kind.OVERRIDE, "\\b" + RULES + "\\s+(?:pr[ée]c[ée]dentes|ci-dessus|above|previous)\\s+"
                    + "(?:sont|are)\\s+(?:annul[ée]es|obsol[èe]tes|void|cancell?ed)"),
            new Entry(Kind.OVERRIDE, "\\b(?:r[ée]v[èe]le|r[ée]v[ée]lez|affiche[sz]?|r[ée]p[èe]te[sz]?|reveal|print|repeat)\\s+"
                    + "(?:tes|vos|ton|votre|your|the)\\s+(?:system\\s+)?(?:prompt|instructions|consignes)"),
            new Entry(Kind.ROLE_CHANGE, "\\b(?:tu\\s+es|vous\\s+[êe]tes)\\s+(?:d[ée]sormais|maintenant|dor[ée]navant)\\b"),
            new Entry(Kind.ROLE_CHANGE, "\\b(?:d[ée]sormais|dor[ée]navant|[àa]\\s+partir\\s+de\\s+maintenant),?\\s+"
                    + "(?:tu|vous)\\s+(?:es|[êe]tes|dois|devez|vas|allez|r[ée]ponds|r[ée]pondez)\\b"),
            new Entry(Kind.ROLE_CHANGE, "\\b(?:you\\s+are\\s+now|from\\s+now\\s+on,?\\s+you|pretend\\s+(?:to\\s+be|you\\s+are)|"
                    + "agis(?:sez)?\\s+comme\\s+(?:un|une|si)|nouvelles?\\s+(?:instructions|consignes)\\s*:|"
                    + "new\\s+instructions\\s*:|system\\s+prompt|prompt\\s+syst[èe]me|mode\\s+d[ée]veloppeur|"
                    + "developer\\s+mode|jailbreak)"),
            new Entry(Kind.ROLE_MARKER, "(?m)^\\s*(?:system|assistant|user|syst[èe]me|utilisateur|human)\\s*:"),
            new Entry(Kind.ROLE_MARKER, "<\\|[a-z_]{2,30}\\|>|\\[/?(?:INST|SYS)]|<</?SYS>>|<(?:start|end)_of_turn>|"
                    + "(?m)^\\s*#{2,}\\s*(?:instruction|system|syst[èe]me)s?\\b"),
            new Entry(Kind.DELIMITER, "</?\\s*(?:passages?|donn[ée]es|documents?|contexte?|context|sources?|system|"
                    + "instructions?|question|data)(?:[-_][\\w-]*)?(?:\\s+[^<>]{0,40})?>"),
            new Entry(Kind.DELIMITER, "(?:[-=#*]{3,}\\s*(?:fin|end)\\s+(?:du|des|de\\s+la|of(?:\\s+the)?)\\s+"
                    + "(?:document|passages?|contexte|context|donn[ée]es|data))|"
                    + "(?:\\b(?:fin|end)\\s+(?:du|des|de\\s+la|of(?:\\s+the)?)\\s+(?:document|passages?|contexte|context|"
                    + "donn[ée]es|data)\\s*[-=#*\\]>]{3,})"));

    private record Entry(Kind kind, Pattern pattern) {
        Entry(Kind kind, String regex) {
            this(kind, Pattern.compile(regex, FLAGS));
        }
    }

    /** The phrases recognised in {@code text}, in the order of the patterns; empty when none. */
    public List<Signal> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('’', '\'');
        List<Signal> signals = new ArrayList<>();
        for (Entry entry : PATTERNS) {
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
