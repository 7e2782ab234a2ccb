package fr.capsules.app.table;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line that titles a group of findings of one type ("Écarts :", "Remarques", "ÉCARTS
 * CONSTATÉS", "II. Remarques relatives aux bonnes pratiques") and is not itself a finding.
 *
 * <p>Recognised strictly: the type word, optionally numbered and introduced ("Liste des…"), then
 * only qualifier words. "Écart de température dans la chambre froide" is a finding, not a heading.
 *
 * @param type the type of the findings that follow, or null for "Écarts et remarques"
 */
record SectionHeading(FindingType type) {

    private static final Pattern HEADING = Pattern.compile(
            "(?:(?:[ivx]+|\\d{1,2}|[a-h])\\s*[.)\\-–—]\\s*)?"
                    + "(?:(?:liste|synthese|tableau|recapitulatif|releve|ensemble)\\s+des\\s+|les\\s+)?"
                    + "(ecarts?|remarques?|non[- ]conformites)\\b(.*)");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s'’()\\[\\],/-]+");
    private static final Set<String> QUALIFIERS = Set.of(
            "constate", "constates", "constatee", "constatees", "releve", "releves", "relevee",
            "relevees", "identifie", "identifies", "identifiee", "identifiees", "observe", "observes",
            "observee", "observees", "formule", "formules", "formulee", "formulees", "reglementaire",
            "reglementaires", "majeur", "majeurs", "majeure", "majeures", "mineur", "mineurs",
            "mineure", "mineures", "principaux", "principales", "et", "ou", "a", "la", "le", "les",
            "au", "aux", "l", "de", "des", "d", "du", "reglementation", "inspection", "controle",
            "visite", "mission", "bonnes", "bonne", "pratiques", "pratique", "relatives", "relatifs",
            "lors", "ecart", "ecarts", "remarque", "remarques", "non-conformites", "non",
            "conformites", "recommandations");
    private static final int MAX_WORDS = 10;

    /** The heading that {@code line} is, or empty when it is not one. */
    static Optional<SectionHeading> of(String line) {
        String folded = AccentFolding.fold(FindingText.inline(line)).replaceFirst("^#+\\s*", "");
        folded = folded.replaceFirst("\\s*:$", "").strip();
        if (folded.isEmpty() || folded.split("\\s+").length > MAX_WORDS || folded.endsWith(".")) {
            return Optional.empty();
        }
        Matcher heading = HEADING.matcher(folded);
        if (!heading.matches()) {
            return Optional.empty();
        }
        for (String word : WORD_SEPARATORS.split(heading.group(2).strip())) {
            if (!word.isEmpty() && !QUALIFIERS.contains(word)) {
                return Optional.empty();
            }
        }
        boolean ecart = folded.contains("ecart") || folded.contains("conformite");
        boolean remarque = folded.contains("remarque");
        FindingType type = ecart == remarque ? null : ecart ? FindingType.ECART : FindingType.REMARQUE;
        return Optional.of(new SectionHeading(type));
    }
}
