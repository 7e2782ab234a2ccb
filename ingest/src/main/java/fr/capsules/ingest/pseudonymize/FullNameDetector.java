package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.PersonName.Gender;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds full names written without civility when a known French first name or an initial marks
 * them: "Jeanne Dupont", "Jeanne DUPONT", "Marie-Claire Lefèvre", "J.-P. Martin", and the
 * administrative order "DUPONT Jeanne".
 * A first name alone is not enough: a surname must follow it (or precede it, in capitals). Names
 * that follow a way or a place word ("rue Victor Hugo", "lycée Jean Monnet", "Saint Jean") are
 * left to the address and establishment rules.
 *
 * <p>The first names are a list of the names most given in France over a century; a person whose
 * first name is not on it is found only through the other rules (civility, role, signature, or a
 * surname already known).
 */
public final class FullNameDetector implements Detector {

    private static final Pattern CAPITALISED_WORD = Pattern.compile("(?<![\\p{L}\\p{N}'’.-])\\p{Lu}");
    private static final Set<String> PLACE_WORDS = Set.of(
            "RUE", "AVENUE", "BOULEVARD", "BD", "PLACE", "ALLEE", "IMPASSE", "CHEMIN", "ROUTE", "QUAI", "COURS",
            "SQUARE", "PASSAGE", "PARVIS", "PROMENADE", "ESPLANADE", "SAINT", "SAINTE", "ST", "STE", "LYCEE",
            "COLLEGE", "ECOLE", "UNIVERSITE", "HOPITAL", "CLINIQUE", "FONDATION", "INSTITUT", "CENTRE",
            "RESIDENCE", "EHPAD", "FOYER", "MAISON", "PARC", "STADE", "GYMNASE", "SALLE", "ESPACE", "PONT",
            "GARE", "AEROPORT", "PRIX", "LOI", "CITE", "QUARTIER", "VILLA", "DOMAINE", "PAVILLON", "BATIMENT",
            "UNITE", "SERVICE", "POLE", "AILE");

    private final NameScanner scanner = new NameScanner();
    private final NameLexicon lexicon = NameLexicon.instance();

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = CAPITALISED_WORD.matcher(text);
        int lastEnd = 0;
        while (m.find()) {
            int start = m.start();
            if (start < lastEnd) {
                continue;
            }
            NameScanner.Word first = scanner.wordAt(text, start);
            if (first == null || first.kind() == NameScanner.Kind.PARTICLE || afterPlaceWord(text, start)) {
                continue;
            }
            boolean firstName = lexicon.isFirstName(first.text()) || first.kind() == NameScanner.Kind.INITIAL;
            boolean upper = first.kind() == NameScanner.Kind.UPPER;
            if (!firstName && !upper) {
                continue;
            }
            NameScanner.Read read = scanner.read(text, start, false);
            if (firstName && first.kind() != NameScanner.Kind.INITIAL && (read == null || read.names().size() < 2)) {
                Detection initialed = withInitial(text, first);
                if (initialed != null) {
                    found.add(initialed);
                    lastEnd = initialed.end();
                }
                continue;
            }
            if (read == null || read.names().size() < 2) {
                continue;
            }
            PersonName name = scanner.interpret(text, read, Gender.UNKNOWN);
            if (name.firstName() != null && isMarkedByFirstName(name, firstName, upper)) {
                found.add(Detection.person(read.start(), read.end(), name));
                lastEnd = read.end();
            }
        }
        return found;
    }

    /** "Yasmine B.": a listed first name and the initial of the surname, as reports shorten staff names. */
    private Detection withInitial(String text, NameScanner.Word first) {
        NameScanner.Word next = scanner.wordAt(text, NameScanner.afterSpace(text, first.end()));
        if (next == null || next.kind() != NameScanner.Kind.INITIAL || next.text().contains("-")) {
            return null;
        }
        return Detection.person(first.start(), next.end(), new PersonName(next.text(), first.text(), Gender.UNKNOWN));
    }

    /** "Jeanne Dupont", "J. Dupont" or "DUPONT Jeanne": the first names read must be on the list or initials. */
    private boolean isMarkedByFirstName(PersonName name, boolean startsWithFirstName, boolean startsUpper) {
        for (String part : name.firstName().split(" ")) {
            if (!part.endsWith(".") && !lexicon.isFirstName(part)) {
                return false;
            }
        }
        return startsWithFirstName || startsUpper;
    }

    private static boolean afterPlaceWord(String text, int start) {
        int end = start;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\u00A0')) {
            end--;
        }
        if (end == start) {
            return false;
        }
        int begin = end;
        while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
            begin--;
        }
        return begin < end && PLACE_WORDS.contains(Folding.name(text.substring(begin, end)));
    }
}
