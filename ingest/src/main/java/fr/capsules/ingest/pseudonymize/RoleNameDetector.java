package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.PersonName.Gender;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds persons named right after the word for their role: "la résidente Jeanne Dupont", "le
 * patient DURAND", "la famille Martin", "la fille de Paul Girard", "l'aide-soignante Nadia Benali".
 * Kinship and legal roles may take "de" ("fils de", "tutrice de"); staff roles are followed by the
 * name itself. The name must start with a capitalised word that is not a title or an acronym, so
 * "la résidente de la chambre 12" or "le directeur Général" name nobody.
 *
 * <p>The span is the name only, without the role.
 */
public final class RoleNameDetector implements Detector {

    private static final String KIN = "famille|fille|fils|petite?-(?:fille|fils)|arrière-petite?-(?:fille|fils)|épou(?:x|se)"
            + "|mari|femme|conjointe?|compagne|compagnon|concubine?|mère|père|frère|s(?:œ|oe)ur|demi-(?:frère|s(?:œ|oe)ur)"
            + "|nièce|neveu|tante|oncle|cousine?|belle-(?:fille|s(?:œ|oe)ur|mère)|beau-(?:fils|frère|père)|gendre|bru"
            + "|tut(?:eur|rice)|curat(?:eur|rice)|mandataire(?:\\s+judiciaire)?|aidante?|proches?|veu(?:f|ve)"
            + "|amie?|voisine?|avocate?|représentante?(?:\\s+légale?)?|personne\\s+de\\s+confiance";
    private static final String ROLE = "résidente?s?|patiente?s?|usag(?:er|ère)s?|bénéficiaires?|plaignante?|réclamante?"
            + "|requérante?|déclarante?|défunte?|victime|infirmi(?:er|ère)|aide-soignante?|auxiliaire\\s+de\\s+vie"
            + "|agente?|salariée?|employée?|directeur|directrice|médecin(?:\\s+coordonna(?:teur|trice))?|cadre(?:\\s+de\\s+santé)?"
            + "|psychologue|ergothérapeute|kinésithérapeute|secrétaire|veilleu(?:r|se)(?:\\s+de\\s+nuit)?"
            + "|cuisini(?:er|ère)|animat(?:eur|rice)|stagiaire|intérimaire|praticien(?:ne)?|pharmacien(?:ne)?"
            + "|référente?|gouvernante|lingère|diététicienne?|orthophoniste|podologue";
    private static final String STAFF_ACRONYM = "IDEC?|ASH|AS|AES|AMP";
    // The look-ahead on first letters spares the long alternation at most positions.
    private static final Pattern ROLE_THEN_NAME = Pattern.compile(
            "(?=[abcdefgiklmnoprstuvéAÀBCDEFGIKLMNOPRSTUVÉ])(?<![\\p{L}])(?:(?i:(?:" + KIN + "))(?:[ \\u00A0]+(?:de|du)|[ \\u00A0]+d['’])?|(?i:(?:" + ROLE + "))|(?:" + STAFF_ACRONYM + "))"
                    + "(?:[ \\u00A0]+|(?<=['’]))(?=\\p{Lu})",
            Pattern.UNICODE_CASE);

    private final NameScanner scanner = new NameScanner();

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = ROLE_THEN_NAME.matcher(text);
        while (m.find()) {
            NameScanner.Read read = scanner.read(text, m.end(), false);
            if (read != null) {
                found.add(Detection.person(read.start(), read.end(), scanner.interpret(text, read, Gender.UNKNOWN)));
            }
        }
        return found;
    }
}
