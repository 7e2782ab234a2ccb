package fr.capsules.app.table;

/**
 * Lower case without accents and without surrounding blanks, so "ÉCARTS", "écarts" and " Ecarts" compare equal:
 * the project's one folding ({@link fr.capsules.ingest.normalize.AccentFolding}), stripped.
 */
final class AccentFolding {

    private AccentFolding() {}

    static String fold(String text) {
        return fr.capsules.ingest.normalize.AccentFolding.fold(text).strip();
    }
}
