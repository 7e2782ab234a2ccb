package fr.capsules.app.draft;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A warning a person must face before validating a draft: about the whole draft, one row of a table, or one cell.
 *
 * @param id stable identifier, derived from the scope, row, column and message: the same warning at the same place
 *     always has the same id, so that an acknowledgement names exactly what was shown
 * @param scope what the warning is about
 * @param row 1-based row of the table, null for a draft warning
 * @param column the column's name for a cell warning, else null
 * @param columnTitle the column's title as people read it for a cell warning, else null
 * @param message the warning, a French sentence
 */
public record DraftWarning(String id, Scope scope, Integer row, String column, String columnTitle, String message) {

    /** What a warning is about. */
    public enum Scope {
        DRAFT,
        ROW,
        CELL;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DraftWarning {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(message, "message");
    }

    static DraftWarning ofDraft(String message) {
        return of(Scope.DRAFT, null, null, null, message);
    }

    static DraftWarning ofRow(int row, String message) {
        return of(Scope.ROW, row, null, null, message);
    }

    static DraftWarning ofCell(int row, String column, String columnTitle, String message) {
        return of(Scope.CELL, row, column, columnTitle, message);
    }

    private static DraftWarning of(Scope scope, Integer row, String column, String columnTitle, String message) {
        String key = scope.json() + '\u0000' + (row == null ? "" : row) + '\u0000' + (column == null ? "" : column)
                + '\u0000' + message;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new DraftWarning("w-" + HexFormat.of().formatHex(digest, 0, 8), scope, row, column, columnTitle, message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Where it is, as people read it: "Brouillon", "Ligne 2" or "Ligne 2, Référence". */
    public String location() {
        return switch (scope) {
            case DRAFT -> "Brouillon";
            case ROW -> "Ligne " + row;
            case CELL -> "Ligne " + row + ", " + (columnTitle == null || columnTitle.isBlank() ? column : columnTitle);
        };
    }
}
