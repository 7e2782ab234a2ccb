package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.PersonName.Gender;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names that sign or send a text:
 *
 * <ul>
 *   <li>after "Signé :", "Signature :" or "Signataire :" ("Signé : J. Dupont");
 *   <li>under a closing formula — "Cordialement", "Bien à vous", "Sincères salutations",
 *       "Respectueusement", "… l'expression de ma considération distinguée" — on the same line (when
 *       lines were joined) or one of the next lines, when the line holds a name and nothing else
 *       but punctuation or a title ("Cordialement,⏎Jeanne Dupont⏎Directrice");
 *   <li>in e-mail headers: "De :", "À :", "Cc :", "From:", "To:" followed by a name, alone or before
 *       an address in angle brackets, several names separated by ";" or ",".
 * </ul>
 *
 * <p>Signatures carry no civility as a rule, so a name here is accepted without one. Civilities,
 * when written, are part of the span.
 */
public final class SignatureDetector implements Detector {

    private static final String OPTIONAL_CIVILITY =
            "(?:(?:M\\.|Mme\\.?|Mlle\\.?|Madame|Monsieur|Dr\\.?|Docteur|Pr\\.?|Me)[ \\u00A0]+)?";
    private static final Pattern CIVILITY = Pattern.compile(OPTIONAL_CIVILITY);
    private static final Pattern SIGNED = Pattern.compile(
            "(?<![\\p{L}])(?i:sign[ée]|signature|signataire)[ \\t\\u00A0]*:[ \\t\\u00A0]*(?<name>" + OPTIONAL_CIVILITY + ")",
            Pattern.UNICODE_CASE);
    private static final Pattern CLOSING = Pattern.compile(
            "(?iu)(?=[bcmnrst])(?<![\\p{L}])(?:(?:(?:bien|très)\\s+)?cordialement|bien\\s+à\\s+vous|(?:sincères|meilleures)\\s+salutations"
                    + "|salutations\\s+(?:distinguées|respectueuses)|respectueusement"
                    + "|considération(?:\\s+(?:la\\s+plus\\s+|très\\s+)?distinguée)?|(?:mes|nos)\\s+(?:sentiments|respects)"
                    + "[^\\n.]{0,40})");
    private static final Pattern AFTER_CLOSING = Pattern.compile(
            "[ \\t\\u00A0]*[,.]?(?:[ \\t\\u00A0]*\\n){0,3}[ \\t\\u00A0]*(?<civility>" + OPTIONAL_CIVILITY + ")");
    private static final Pattern LINE_END_OR_TITLE = Pattern.compile(
            "[ \\t\\u00A0]*(?:[,;.]?[ \\t\\u00A0]*(?:\\n|$)|[,–-][ \\t\\u00A0]*\\p{L}|[ \\t\\u00A0]\\p{Lu}\\p{Ll})");
    private static final Pattern HEADER = Pattern.compile(
            "(?m)^[ \\t]*(?:De|À|A|Cc|Cci|From|To|Expéditeur|Destinataire|Envoyé par)[ \\t]*:[ \\t]*");
    private static final Pattern HEADER_SEPARATOR = Pattern.compile("[ \\t]*(?:<[^>\\n]*>)?[ \\t]*[;,][ \\t]*[\"']?");
    private static final Pattern HEADER_NAME_END = Pattern.compile("[ \\t]*[\"']?[ \\t]*(?:[<(\\[;,]|\\n|$)");

    private final NameScanner scanner = new NameScanner();

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        signed(text, found);
        closings(text, found);
        headers(text, found);
        return found;
    }

    private void signed(String text, List<Detection> found) {
        Matcher m = SIGNED.matcher(text);
        while (m.find()) {
            NameScanner.Read read = scanner.read(text, m.end(), true);
            if (read != null) {
                found.add(Detection.person(m.start("name"), read.end(), scanner.interpret(text, read, Gender.UNKNOWN)));
            }
        }
    }

    private void closings(String text, List<Detection> found) {
        Matcher m = CLOSING.matcher(text);
        while (m.find()) {
            Matcher after = AFTER_CLOSING.matcher(text).region(m.end(), text.length());
            if (!after.lookingAt()) {
                continue;
            }
            NameScanner.Read read = scanner.read(text, after.end(), false);
            if (read == null || !LINE_END_OR_TITLE.matcher(text).region(read.end(), text.length()).lookingAt()) {
                continue;
            }
            boolean civility = !after.group("civility").isEmpty();
            boolean fullName = read.names().size() >= 2
                    || read.names().stream().anyMatch(w -> w.kind() == NameScanner.Kind.UPPER);
            if (civility || fullName) {
                found.add(Detection.person(after.start("civility"), read.end(), scanner.interpret(text, read, Gender.UNKNOWN)));
            }
        }
    }

    private void headers(String text, List<Detection> found) {
        Matcher m = HEADER.matcher(text);
        while (m.find()) {
            int at = m.end();
            if (at < text.length() && (text.charAt(at) == '"' || text.charAt(at) == '\'')) {
                at++;
            }
            while (at >= 0 && at < text.length()) {
                Matcher civility = CIVILITY.matcher(text).region(at, text.length());
                int nameStart = civility.lookingAt() ? civility.end() : at;
                NameScanner.Read read = scanner.read(text, nameStart, false);
                if (read == null || !HEADER_NAME_END.matcher(text).region(read.end(), text.length()).lookingAt()) {
                    break;
                }
                found.add(Detection.person(at, read.end(), scanner.interpret(text, read, Gender.UNKNOWN)));
                Matcher separator = HEADER_SEPARATOR.matcher(text).region(read.end(), text.length());
                at = separator.lookingAt() ? separator.end() : -1;
            }
        }
    }
}
