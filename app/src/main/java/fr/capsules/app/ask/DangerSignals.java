package fr.capsules.app.ask;

import fr.capsules.ingest.normalize.AccentFolding;
import java.util.regex.Pattern;

/**
 * Whether a question reports danger or maltreatment ("coups", "maltraitance", "en danger",
 * "violences", "abus"…). Such a question is never met with a bare refusal: the answer points to
 * the capsule's procedure when it has one (found by {@link #PROCEDURE_QUERY}), and to the
 * emergency numbers.
 */
final class DangerSignals {

    /** Words, accents folded, lower case; stems cover the derived forms (maltraité, violentée, abusé…). */
    private static final Pattern SIGNAL = Pattern.compile(
            "\\b(?:coups?|frapp\\w*|battu\\w*|gifl\\w*|bless\\w*|maltrait\\w*|violen\\w*|danger\\w*|abus\\w*|agress\\w*"
                    + "|brutalis\\w*|menac\\w*|harcel\\w*|attouch\\w*|viol|viols|suicid\\w*|negligences? graves?"
                    + "|mise en securite|securite (?:d'un|d'une|des) (?:resident|patient|enfant|personne)s?)\\b");

    /** Searched in the capsule to find its procedure for a danger or a maltreatment report. */
    static final String PROCEDURE_QUERY =
            "procédure signalement maltraitance situation de danger violences mise en sécurité conduite à tenir";

    private DangerSignals() {}

    static boolean reportedIn(String question) {
        String folded = AccentFolding.fold(question).replace('’', '\'');
        return SIGNAL.matcher(folded).find();
    }
}
