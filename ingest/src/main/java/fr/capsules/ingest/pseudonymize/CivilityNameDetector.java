package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.PersonName.Gender;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds persons named after a civility or title: "M. Durand", "Mme Blanc", "Madame Marie-Claire
 * Lefèvre", "Dr Nguyen", "M. JUSTE", "Mme veuve Martin", "M. et Mme Durand", "Maître Roux". After a
 * civility a word is a name even when it is also an everyday word ("Mme Blanc", "M. Juste"); a
 * civility followed by an article or a title is not ("Madame la Directrice", "Monsieur le Préfet",
 * "Madame, Monsieur"). A maiden or married name joined by "née", "épouse" or "veuve" belongs to the
 * same mention ("Mme Durand née Martin").
 *
 * <p>The span runs from the civility to the end of the name; the gender comes from the civility.
 */
public final class CivilityNameDetector implements Detector {

    private static final Pattern CIVILITY = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:"
                    + "(?<couple>(?:M\\.|Monsieur|MONSIEUR|monsieur|Mr\\.?)\\s+et\\s+(?:Mme\\.?|Madame|MADAME|madame))"
                    + "|(?<female>Mmes?\\.?|MMES?\\.?|Madame|MADAME|madame|Mlle\\.?|MLLE\\.?|Melle\\.?|Mademoiselle"
                    + "|MADEMOISELLE|mademoiselle|Dre\\.?|Docteure|docteure|Professeure|professeure)"
                    + "|(?<male>M\\.|MM\\.|Mr\\.?|Monsieur|MONSIEUR|monsieur|M(?=[ \\u00A0]\\p{Lu}))"
                    + "|(?<other>Dr\\.?|DR\\.?|Docteur|DOCTEUR|docteur|Pr\\.?|Professeur|professeur|Me|Maître|MAÎTRE|maître))"
                    + "(?<space>[ \\t\\u00A0\\u202F]*\\n?[ \\t\\u00A0\\u202F]*)(?:(?:veuve|Veuve|Vve)[ \\u00A0]+)?");
    private static final Pattern JOINED_NAME = Pattern.compile("[ \\u00A0]+(?:née|épouse|ép\\.|veuve|vve|dit|dite)[ \\u00A0]+");

    private final NameScanner scanner = new NameScanner();

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = CIVILITY.matcher(text);
        int lastEnd = 0;
        while (m.find()) {
            if (m.start() < lastEnd || m.group("space").isEmpty()) {
                continue;
            }
            NameScanner.Read read = scanner.read(text, m.end(), true);
            if (read == null) {
                continue;
            }
            PersonName name = scanner.interpret(text, read, gender(m));
            int end = joinedNameEnd(text, read.end());
            found.add(Detection.person(m.start(), end, name));
            lastEnd = end;
        }
        return found;
    }

    private int joinedNameEnd(String text, int end) {
        Matcher joined = JOINED_NAME.matcher(text).region(end, text.length());
        if (joined.lookingAt()) {
            NameScanner.Read other = scanner.read(text, joined.end(), true);
            if (other != null) {
                return other.end();
            }
        }
        return end;
    }

    private static Gender gender(Matcher m) {
        if (m.group("couple") != null) {
            return Gender.COUPLE;
        }
        if (m.group("female") != null) {
            return Gender.FEMALE;
        }
        if (m.group("male") != null && !m.group("male").equals("MM.")) {
            return Gender.MALE;
        }
        return Gender.UNKNOWN;
    }
}
