package fr.capsules.app.table;

import fr.capsules.app.capsule.CapsuleDefinition;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The capsule's severity rules (docs/TABLES.md, "Fallback without a model") read against a finding's own words:
 * the first rule one of whose words opens a word of the finding, case and accents forgiven, among the rules whose
 * nature the capsule's rule allows for this row. Stateless.
 */
final class SeverityWords {

    private SeverityWords() {}

    /**
     * @param allowedNatures the natures the capsule's rule allows for this row (empty: any)
     */
    static Optional<CapsuleDefinition.SeverityRule> first(String finding, List<CapsuleDefinition.SeverityRule> rules,
            List<String> allowedNatures) {
        String text = AccentFolding.fold(finding == null ? "" : finding);
        return rules.stream()
                .filter(rule -> rule.nature() == null || rule.nature().isBlank() || allowedNatures.isEmpty()
                        || allowedNatures.stream().anyMatch(n -> AccentFolding.fold(n).equals(AccentFolding.fold(rule.nature()))))
                .filter(rule -> rule.words().stream().anyMatch(word -> opensAWord(text, AccentFolding.fold(word))))
                .findFirst();
    }

    private static boolean opensAWord(String text, String word) {
        return !word.isBlank() && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip())).matcher(text).find();
    }
}
