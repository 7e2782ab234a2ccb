package fr.capsules.app.ask.grounding;

import fr.capsules.app.ask.grounding.GroundingWarning.Kind;
import java.util.List;
import java.util.Map;

/** The kinds of warning the grounding check raises on one answer sentence against one source passage. */
final class WarningKinds {

    private static final GroundingCheck CHECK = new GroundingCheck();

    private WarningKinds() {}

    /** The answer citing its source ({@code … [1]}). */
    static List<Kind> cited(String source, String answer) {
        return CHECK.check(answer + " [1]", Map.of(1, source)).stream().map(GroundingWarning::kind).toList();
    }

    /** The answer with no marker, the source only provided (attributed, then checked all the same). */
    static List<Kind> unmarked(String source, String answer) {
        return CHECK.check(answer, Map.of(1, source)).stream().map(GroundingWarning::kind).toList();
    }
}
