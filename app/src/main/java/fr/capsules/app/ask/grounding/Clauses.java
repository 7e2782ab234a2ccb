package fr.capsules.app.ask.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clauses of a sentence whose polarity may differ: "Le directeur ne doit pas informer la
 * famille avant l'enquête ; il prévient l'ARS." holds a negated and an affirmative clause, and an
 * answer quoting only the second must not be compared with the first.
 *
 * <p>Splits only where French reliably changes clause: {@code ;}, {@code :}, "mais", "tandis que",
 * "alors que", "en revanche", and the comma closing an opening condition ("Si le résident ne peut
 * pas se déplacer, l'inspecteur …", "Lorsque …,", "En cas de …,"). An opening "Après …," is a time
 * phrase, not a condition ("Après validation, la mention est retirée" is one clause). Other commas stay: they separate
 * incidental phrases from the negation they sit in ("ne doit pas, avant l'enquête, informer …").
 *
 * <p>Stateless; thread-safe.
 */
final class Clauses {

    private static final Pattern SPLIT =
            Pattern.compile("(?iu)\\s*[;:]\\s*|,?\\s+(?=(?:mais|tandis que|alors que|en revanche)(?![\\p{L}]))"
                    // a contrast: "selon le planning et non selon le rythme", "un outil qui aide, pas un outil qui …"
                    + "|,?\\s+(?=(?:et non|et pas|non pas)\\s)|,\\s+(?=(?:pas|non)\\s+(?!seulement|plus|pas)\\p{L})");
    /** "… et sa composition a été renouvelée": "et" before a subject whose verb follows opens a clause of its own. */
    private static final Pattern AND_SUBJECT = Pattern.compile(
            "(?iu)\\s+et\\s+(?=l['’]|(?:le|la|les|sa|son|ses|leur|leurs|il|elle|ils|elles|on|ce|cette|ces|aucune?|cela)(?![\\p{L}]))");
    private static final Pattern FINITE_VERB = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:n['’]|(?:est|sont|a|ont|était|étaient|avait|avaient|sera|seront|doit|doivent|peut|peuvent"
                    + "|fait|font|reste|restent|ne)(?![\\p{L}]))");
    private static final Pattern OPENING_CONDITION =
            Pattern.compile("(?iu)^(?:si|s['’]|lorsque|lorsqu['’]|quand|dès que|dès lors que|en cas d['e]|faute d['e]|à défaut d['e]|avant d['e]|pour|bien que|même si|tant que|tant qu['’]|en l['’]absence d['e]|en cas d['’]absence d['e])(?![\\p{L}])[^,]*,");

    private Clauses() {}

    /** The clauses of {@code sentence}, trimmed and in order; the sentence itself when it has one. */
    static List<String> of(String sentence) {
        List<String> clauses = new ArrayList<>();
        for (String part : SPLIT.split(sentence)) {
            String clause = part.strip();
            Matcher condition = OPENING_CONDITION.matcher(clause);
            if (condition.find()) {
                add(clause.substring(0, condition.end() - 1), clauses);
                clause = clause.substring(condition.end()).strip();
            }
            for (String coordinated : coordinated(clause)) {
                add(coordinated, clauses);
            }
        }
        return clauses;
    }

    /**
     * The clause cut at each "et" that joins two clauses with a subject and a verb of their own ("le CVS ne s'est pas
     * réuni et sa composition a été renouvelée"); "et" joining objects ("le registre et le planning") does not cut.
     */
    private static List<String> coordinated(String clause) {
        List<String> parts = new ArrayList<>();
        Matcher and = AND_SUBJECT.matcher(clause);
        int start = 0;
        while (and.find()) {
            String before = clause.substring(start, and.start());
            int next = clause.indexOf(" et ", and.end());
            String after = clause.substring(and.end(), next < 0 ? clause.length() : next);
            if (FINITE_VERB.matcher(before).find() && FINITE_VERB.matcher(after).find()) {
                parts.add(before.strip());
                start = and.end();
            }
        }
        parts.add(clause.substring(start).strip());
        return parts;
    }

    private static void add(String clause, List<String> clauses) {
        if (clause.chars().anyMatch(Character::isLetter)) {
            clauses.add(clause);
        }
    }
}
