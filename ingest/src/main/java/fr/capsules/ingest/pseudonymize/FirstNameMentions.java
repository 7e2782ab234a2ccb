package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.PersonName.Gender;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds persons named by their first name alone, where French writing conventions make it clear:
 *
 * <ul>
 *   <li>a greeting ("Bonjour Claire,", "Chère Sophie,");
 *   <li>a sign-off: a listed first name alone on its line after a closing ("Bonne journée,⏎Julien");
 *   <li>the first name of a person already named in full in the same text ("Dr Antoine Roussel …
 *       Antoine se charge de la partie soins"), capitalised, unless it is also an everyday word.
 * </ul>
 *
 * <p>In greetings and sign-offs the first name must be on the first-name list. Each detection carries a {@link PersonName}
 * whose surname is the first name as written; the {@link Pseudonymizer} gives it the pseudonym of the
 * person of the same text who has that first name, if there is exactly one. Not a {@link Detector}:
 * the third rule needs the first names of the text's persons.
 */
final class FirstNameMentions {

    private static final Pattern GREETING = Pattern.compile(
            "(?m)^[ \\t]*(?:Bonjour|Bonsoir|Salut|Coucou|Cher|Chère|Chers|Chères)[ \\t\\u00A0]+(?<name>\\p{Lu}[\\p{L}'’-]+)[ \\t]*[,!]");
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?iu)(?=[abcmstà])(?<![\\p{L}])(?:(?:(?:bien|très)\\s+)?cordialement|amicalement|bien\\s+à\\s+(?:vous|toi)|à\\s+bientôt|bonne\\s+(?:journée|soirée|fin\\s+de\\s+journée|semaine)"
                    + "|bon\\s+week-end|merci(?:\\s+(?:d['’]avance|beaucoup|encore))?|salutations)");
    private static final Pattern LONE_NAME_LINE = Pattern.compile(
            "[ \\t]*[,.!]?[ \\t]*\\n(?:[ \\t]*\\n)?[ \\t]*(?<name>\\p{Lu}[\\p{L}'’-]+)[ \\t]*(?:\\n|$)");
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}'’-]*(?![\\p{L}])");

    private final NameLexicon lexicon = NameLexicon.instance();

    /** Greetings and sign-offs naming a listed first name. */
    List<Detection> addressed(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher greeting = GREETING.matcher(text);
        while (greeting.find()) {
            add(found, text, greeting.start("name"), greeting.end("name"));
        }
        Matcher signOff = SIGN_OFF.matcher(text);
        while (signOff.find()) {
            Matcher line = LONE_NAME_LINE.matcher(text).region(signOff.end(), text.length());
            if (line.lookingAt()) {
                add(found, text, line.start("name"), line.end("name"));
            }
        }
        return found;
    }

    /** Capitalised mentions of the given folded first names (the text's persons' first names). */
    List<Detection> known(String text, Set<String> firstNames) {
        List<Detection> found = new ArrayList<>();
        if (firstNames.isEmpty()) {
            return found;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            // Learnt from a full name in this text: the first-name list is not needed ("Pascal").
            if (firstNames.contains(Folding.name(m.group())) && !lexicon.isCommonWord(m.group())) {
                found.add(Detection.person(m.start(), m.end(), new PersonName(m.group(), null, Gender.UNKNOWN)));
            }
        }
        return found;
    }

    private void add(List<Detection> found, String text, int start, int end) {
        String name = text.substring(start, end);
        if (lexicon.isFirstName(name) && !lexicon.isCommonWord(name)) {
            found.add(Detection.person(start, end, new PersonName(name, null, Gender.UNKNOWN)));
        }
    }
}
