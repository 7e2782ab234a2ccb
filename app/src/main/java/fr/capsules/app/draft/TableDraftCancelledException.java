package fr.capsules.app.draft;

/**
 * The person who asked for a table draft left (a streamed request whose client went away): the rows not yet
 * started are not drafted and no draft is stored. Thrown by a {@link TableDrafter.RowListener} to stop the
 * drafting, then by the drafter.
 */
public final class TableDraftCancelledException extends RuntimeException {

    public TableDraftCancelledException() {
        super("rédaction du tableau annulée : le demandeur est parti");
    }
}
