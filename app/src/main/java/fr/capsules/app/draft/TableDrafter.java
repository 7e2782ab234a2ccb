package fr.capsules.app.draft;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.usage.RowOutput;
import java.util.List;

/** Turns findings into the rows of a table capsule's draft. */
public interface TableDrafter {

    /**
     * The table as drafted, the model that drafted it (null without one), warnings for the whole table,
     * how each row was drafted and what it cost (in row order; empty when not known), and the draft's name
     * read from the findings' context ("EHPAD Les Tilleuls — inspection du 14/10/2026"; null when none).
     */
    record TableDraft(DraftContent content, String model, List<AnswerWarning> warnings, List<RowOutput> rowOutputs,
            String title) {

        public TableDraft {
            rowOutputs = rowOutputs == null ? List.of() : List.copyOf(rowOutputs);
        }

        public TableDraft(DraftContent content, String model, List<AnswerWarning> warnings, List<RowOutput> rowOutputs) {
            this(content, model, warnings, rowOutputs, null);
        }

        public TableDraft(DraftContent content, String model, List<AnswerWarning> warnings) {
            this(content, model, warnings, List.of(), null);
        }
    }

    TableDraft draft(Capsule capsule, CapsulesUser user, String findings);

    /**
     * Drafts and reports each row as soon as it is ready (rows may complete out of order; {@code
     * index} is the row's position).
     */
    default TableDraft draft(Capsule capsule, CapsulesUser user, String findings, RowListener listener) {
        TableDraft draft = draft(capsule, user, findings);
        for (int i = 0; i < draft.content().rows().size(); i++) {
            listener.rowReady(i, draft.content().rows().get(i));
        }
        return draft;
    }

    /**
     * Drafts from an uploaded file of findings (CSV, XLSX, DOCX…).
     *
     * @throws fr.capsules.app.kernel.InvalidRequestException when no finding can be read from it
     */
    TableDraft draftFile(Capsule capsule, CapsulesUser user, String fileName, byte[] content, RowListener listener);

    /**
     * Told of each row as it is drafted. It may throw {@link TableDraftCancelledException} to stop the drafting:
     * rows not yet started are then not drafted, and the drafter throws it in turn.
     */
    @FunctionalInterface
    interface RowListener {
        void rowReady(int index, DraftContent.Row row);
    }
}
