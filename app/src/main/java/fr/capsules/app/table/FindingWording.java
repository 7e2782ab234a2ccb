package fr.capsules.app.table;

import java.util.List;
import java.util.Optional;

/**
 * Guesses a finding's type from its wording, conservatively: only phrases that inspectors reserve
 * for one type count, and a text that holds cues of both types stays unknown. An écart is grounded
 * on a regulation ("en méconnaissance de l'article…", "non-conformité"), a remarque on good
 * practice ("recommandations de bonnes pratiques", RBPP), which is not enforceable.
 */
final class FindingWording {

    /** Folded (lower case, no accents) phrases. */
    private static final List<String> ECART_CUES = List.of(
            "non-conformite", "non conformite", "non conforme", "non-conforme",
            "en meconnaissance de l", "en meconnaissance des", "en meconnaissance du",
            "contrairement a l'article", "contrairement aux articles", "contrairement aux dispositions",
            "contrairement a la reglementation", "contrairement au code", "contrairement a la loi",
            "en infraction", "en violation de", "en violation des", "en violation du",
            "ne respecte pas l'article", "ne respecte pas les dispositions");
    private static final List<String> REMARQUE_CUES = List.of(
            "bonnes pratiques", "rbpp", "recommandations de la has", "recommandation de la has",
            "recommandations de l'anesm");

    private FindingWording() {}

    static Optional<FindingType> typeOf(String text) {
        String folded = AccentFolding.fold(text);
        boolean ecart = ECART_CUES.stream().anyMatch(folded::contains);
        boolean remarque = REMARQUE_CUES.stream().anyMatch(folded::contains);
        if (ecart == remarque) {
            return Optional.empty();
        }
        return Optional.of(ecart ? FindingType.ECART : FindingType.REMARQUE);
    }
}
