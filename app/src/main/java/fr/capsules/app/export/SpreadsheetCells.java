package fr.capsules.app.export;

/**
 * CSV injection (OWASP): a cell starting with {@code = + - @}, a tab or a carriage return is
 * evaluated as a formula by Excel or LibreOffice; a leading apostrophe makes it text. One rule for
 * every CSV the service writes (exports, audit trail, AI register).
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {}

    /** The text to write in a cell; null becomes empty. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
