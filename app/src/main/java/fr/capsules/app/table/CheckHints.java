package fr.capsules.app.table;

import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.capsule.ColumnChecks;
import java.util.stream.Collectors;

/** A column's declared checks told to the model in its prompt, in French, so that it meets them the first time. */
final class CheckHints {

    private CheckHints() {}

    static String of(CapsuleDefinition.Column column) {
        ColumnChecks checks = column.checks();
        if (checks == null) {
            return "";
        }
        StringBuilder hint = new StringBuilder();
        if (checks.patternHint() != null) {
            hint.append(" Forme attendue : ").append(checks.patternHint()).append('.');
        }
        if (checks.requiresDeadline()) {
            hint.append(" Un délai seul : « Immédiat », « 15 jours », « 3 mois » ou une date.");
        }
        if (checks.maxLength() != null) {
            hint.append(" Au plus ").append(checks.maxLength()).append(" caractères.");
        }
        if (checks.requiresInfinitive()) {
            hint.append(" Commence par un verbe à l'infinitif.");
        }
        if (checks.maxCopiedWords() != null) {
            hint.append(" Ne recopie pas les passages (au plus ").append(checks.maxCopiedWords()).append(" mots à la suite).");
        }
        if (checks.requiresCitedPassage()) {
            hint.append(" Doit figurer dans un passage cité.");
        }
        if (checks.placeholder() != null) {
            hint.append(" Si rien ne convient : « ").append(checks.placeholder()).append(" ».");
        }
        if (checks.derivedFrom() != null) {
            hint.append(" Selon « ").append(checks.derivedFrom().column()).append(" » : ")
                    .append(checks.derivedFrom().allowed().entrySet().stream()
                            .map(e -> e.getKey() + " → " + String.join(" ou ", e.getValue()))
                            .collect(Collectors.joining(" ; ")))
                    .append('.');
        }
        return hint.toString();
    }
}
