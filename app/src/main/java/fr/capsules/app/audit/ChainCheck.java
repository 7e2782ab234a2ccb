package fr.capsules.app.audit;

/**
 * Walks the stored entries in {@code seq} order and remembers the first one that breaks the chain.
 * Not thread-safe: one instance per verification.
 */
final class ChainCheck {

    private long checked;
    private String expectedPrevious = ChainHashes.GENESIS;
    private ChainVerification broken;

    void accept(StoredEntry entry) {
        if (broken != null) {
            return;
        }
        long expectedSeq = checked + 1;
        if (entry.seq() != expectedSeq) {
            broken = ChainVerification.brokenAt(checked, expectedSeq,
                    "L'entrée n° " + expectedSeq + " est absente (supprimée) ; la suivante trouvée est la n° " + entry.seq() + ".");
        } else if (!entry.previousHash().equals(expectedPrevious)) {
            broken = ChainVerification.brokenAt(checked, entry.seq(),
                    "L'entrée n° " + entry.seq() + " ne suit pas l'entrée précédente telle qu'enregistrée :"
                            + " entrée déplacée, ou entrée précédente supprimée ou réécrite.");
        } else if (!entry.recomputedHash().equals(entry.hash())) {
            broken = ChainVerification.brokenAt(checked, entry.seq(),
                    "L'empreinte recalculée de l'entrée n° " + entry.seq() + " ne correspond pas : l'entrée a été modifiée.");
        } else {
            checked = entry.seq();
            expectedPrevious = entry.hash();
        }
    }

    /** The verdict once every entry up to the head of the chain has been seen. */
    ChainVerification result(long headSeq, String headHash) {
        if (broken != null) {
            return broken;
        }
        if (checked < headSeq) {
            return ChainVerification.brokenAt(checked, checked + 1,
                    "Les entrées n° " + (checked + 1) + " à " + headSeq + " sont absentes (supprimées en fin de journal).");
        }
        if (!expectedPrevious.equals(headHash)) {
            return ChainVerification.brokenAt(checked, headSeq,
                    "La dernière entrée (n° " + headSeq + ") ne correspond pas à la tête de chaîne enregistrée.");
        }
        return ChainVerification.intact(checked, expectedPrevious);
    }
}
