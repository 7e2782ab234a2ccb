package fr.capsules.app.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated draft, ready to leave the service as a file.
 *
 * <p>Export is only legal once a named person has validated the draft, so {@code validatedBy} and
 * {@code validatedAt} are mandatory: a document without them cannot be built. The content is untrusted user and
 * model text; each format escapes it.
 *
 * @param draftId the draft's identifier (a UUID in practice), recorded in the metadata and the file name
 * @param title the document title, shown as heading and used for the file name
 * @param capsuleId the capsule's identifier
 * @param capsuleName the capsule's display name
 * @param capsuleVersion the published capsule version that produced the draft
 * @param model the model that generated the draft, null when the answer was extractive (no generated prose)
 * @param validatedBy display name of the person who validated the draft
 * @param validatedAt when the draft was validated
 * @param body the validated content: paragraphs of text or a table
 * @param sources the numbered sources that {@code [n]} markers refer to; may be empty
 */
public record ExportDocument(
        String draftId,
        String title,
        String capsuleId,
        String capsuleName,
        int capsuleVersion,
        String model,
        String validatedBy,
        Instant validatedAt,
        Body body,
        List<Source> sources) {

    public ExportDocument {
        requireText(draftId, "draftId");
        requireText(title, "title");
        requireText(capsuleId, "capsuleId");
        requireText(capsuleName, "capsuleName");
        requireText(validatedBy, "validatedBy");
        Objects.requireNonNull(validatedAt, "validatedAt");
        Objects.requireNonNull(body, "body");
        if (capsuleVersion < 1) {
            throw new IllegalArgumentException("capsuleVersion must be at least 1, was " + capsuleVersion);
        }
        if (model != null && model.isBlank()) {
            model = null;
        }
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** The validated content of a draft. */
    public sealed interface Body permits TextBody, TableBody {}

    /**
     * A text answer.
     *
     * @param text paragraphs separated by blank lines; may hold {@code [n]} markers referring to the sources
     */
    public record TextBody(String text) implements Body {

        public TextBody {
            Objects.requireNonNull(text, "text");
        }

        /** The non-blank paragraphs, in order, each stripped; line breaks inside a paragraph are kept. */
        List<String> paragraphs() {
            List<String> paragraphs = new ArrayList<>();
            for (String paragraph : text.split("\\R[ \\t]*\\R")) {
                if (!paragraph.isBlank()) {
                    paragraphs.add(paragraph.strip());
                }
            }
            return paragraphs;
        }
    }

    /**
     * A table such as a "tableau de mesures".
     *
     * @param columns the declared columns, in display order; at least one
     * @param rows one map per row, from column name to cell text; a missing or null cell is rendered empty
     */
    public record TableBody(List<Column> columns, List<Map<String, String>> rows) implements Body {

        public TableBody {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            // Map.copyOf refuses null values, and a missing cell is legitimate: keep order and nulls.
            rows = rows.stream()
                    .map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row)))
                    .toList();
        }

        /** The text of one cell, never null. */
        String cell(Map<String, String> row, Column column) {
            String value = row.get(column.name());
            return value == null ? "" : value;
        }
    }

    /**
     * A declared table column.
     *
     * @param name the key of the column in each row
     * @param title the header shown to readers
     */
    public record Column(String name, String title) {

        public Column {
            requireText(name, "name");
            if (title == null || title.isBlank()) {
                title = name;
            }
        }
    }

    /**
     * A numbered source.
     *
     * @param n the number used by {@code [n]} markers
     * @param title the document title
     * @param file the document's file name
     * @param page 1-based page, null for formats without pages
     */
    public record Source(int n, String title, String file, Integer page) {

        /** "[n] Titre, p. 3 (fichier)" — how a source is listed in every format. */
        String line() {
            StringBuilder line = new StringBuilder("[").append(n).append("] ");
            line.append(title == null || title.isBlank() ? "Sans titre" : title);
            if (page != null) {
                line.append(", p. ").append(page);
            }
            if (file != null && !file.isBlank()) {
                line.append(" (").append(file).append(')');
            }
            return line.toString();
        }
    }
}
