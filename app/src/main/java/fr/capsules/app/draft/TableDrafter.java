package fr.capsules.app.draft;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.capsule.Capsule;
import java.util.List;

/** Turns findings into the rows of a table capsule's draft. */
public interface TableDrafter {

    /** The table as drafted, the model that drafted it (null without one) and warnings for the whole table. */
    record TableDraft(DraftContent content, String model, List<AnswerWarning> warnings) {}

    TableDraft draft(Capsule capsule, CapsulesUser user, String findings);
}
