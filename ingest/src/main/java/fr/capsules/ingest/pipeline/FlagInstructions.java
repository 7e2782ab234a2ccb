package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.screen.FlaggedPassage;
import fr.capsules.ingest.screen.InstructionSignals;
import java.util.List;

/**
 * Flags the passages that read like instructions aimed at a model ({@link InstructionSignals}):
 * they are indexed as data like any other, and each gets a warning naming it ({@link
 * FlaggedPassage}) so that a referent can look at it and exclude it. The title is checked too.
 */
final class FlagInstructions implements IngestionStage {

    static final String FLAGGED = "passages signalés (consignes adressées à un modèle)";
    private static final int MAX_WARNINGS = 20;

    private final InstructionSignals signals = new InstructionSignals();

    @Override
    public void apply(FileIngestion file) {
        List<Passage> passages = file.passages();
        int flagged = 0;
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            List<InstructionSignals.Signal> found = signals.find(passage.text());
            if (found.isEmpty()) {
                continue;
            }
            flagged++;
            if (flagged <= MAX_WARNINGS) {
                file.warn(FlaggedPassage.warning(i + 1, passage.page(), found.getFirst()));
            }
        }
        if (flagged > MAX_WARNINGS) {
            file.warn((flagged - MAX_WARNINGS) + " autre(s) passage(s) signalé(s) comme consignes adressées à un modèle");
        }
        file.count(FLAGGED, flagged);
        List<InstructionSignals.Signal> inTitle = signals.find(file.title());
        if (!inTitle.isEmpty()) {
            file.warn("titre signalé : il ressemble à une consigne adressée à un modèle (« "
                    + inTitle.getFirst().excerpt() + " ») ; il reste affiché comme titre");
        }
    }
}
