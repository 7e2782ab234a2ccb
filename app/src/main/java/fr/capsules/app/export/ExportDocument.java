package fr.capsules.app.export;

import fr.capsules.app.provenance.Provenance;
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
 * @param acknowledgedWarnings the warnings the validator acknowledged before validating, listed in an annex; may be
 *     empty (then there is no annex)
 * @param provenance the published version (or working copy) and the model digest the draft came from; when null,
 *     {@code capsuleVersion} and {@code model} stand for it, without a digest
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
        List<Source> sources,
        List<AcknowledgedWarning> acknowledgedWarnings,
        Provenance provenance) {

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
        acknowledgedWarnings = acknowledgedWarnings == null ? List.of() : List.copyOf(acknowledgedWarnings);
        provenance = provenance == null ? new Provenance(capsuleVersion, model, null, null) : provenance;
    }

    /** A document whose provenance is its capsule version and model, without a digest. */
    public ExportDocument(String draftId, String title, String capsuleId, String capsuleName, int capsuleVersion,
            String model, String validatedBy, Instant validatedAt, Body body, List<Source> sources,
            List<AcknowledgedWarning> acknowledgedWarnings) {
        this(draftId, title, capsuleId, capsuleName, capsuleVersion, model, validatedBy, validatedAt, body, sources,
                acknowledgedWarnings, null);
    }

    /** A document without acknowledged warnings. */
    public ExportDocument(String draftId, String title, String capsuleId, String capsuleName, int capsuleVersion,
            String model, String validatedBy, Instant validatedAt, Body body, List<Source> sources) {
        this(draftId, title, capsuleId, capsuleName, capsuleVersion, model, validatedBy, validatedAt, body, sources,
                List.of());
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
     * @param rowSources for each row, the sources it rests on (the same {@link Source}s as the document's list); empty,
     *     or exactly one list per row. When any row has a source, every format adds a last "Sources" column.
     */
    public record TableBody(List<Column> columns, List<Map<String, String>> rows, List<List<Source>> rowSources)
            implements Body {

        /** The title of the column that lists each row's sources. */
        static final String SOURCES_TITLE = "Sources";

        public TableBody {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            // Map.copyOf refuses null values, and a missing cell is legitimate: keep order and nulls.
            rows = rows.stream()
                    .map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row)))
                    .toList();
            rowSources = rowSources == null ? List.of() : rowSources.stream().map(List::copyOf).toList();
            if (!rowSources.isEmpty() && rowSources.size() != rows.size()) {
                throw new IllegalArgumentException(
                        "rowSources has " + rowSources.size() + " entries for " + rows.size() + " rows");
            }
        }

        /** A table whose rows name no sources. */
        public TableBody(List<Column> columns, List<Map<String, String>> rows) {
            this(columns, rows, List.of());
        }

        /** The text of one cell, never null. */
        String cell(Map<String, String> row, Column column) {
            String value = row.get(column.name());
            return value == null ? "" : value;
        }

        /** Whether the table shows a "Sources" column: when at least one row rests on a source. */
        boolean showsSources() {
            return rowSources.stream().anyMatch(sources -> !sources.isEmpty());
        }

        /** The header titles as shown: the columns', then "Sources" when {@link #showsSources()}. */
        List<String> headers() {
            List<String> headers = new ArrayList<>(columns.stream().map(Column::title).toList());
            if (showsSources()) {
                headers.add(SOURCES_TITLE);
            }
            return headers;
        }

        /**
         * The texts of row {@code index} in {@link #headers()} order: its cells, then, when shown, its sources one per
         * line ("[1] Titre, p. 3").
         */
        List<String> line(int index) {
            Map<String, String> row = rows.get(index);
            List<String> line = new ArrayList<>(columns.stream().map(column -> cell(row, column)).toList());
            if (showsSources()) {
                line.add(String.join("\n", rowSources.get(index).stream().map(Source::shortLine).toList()));
            }
            return line;
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

        /** "[n] Titre, p. 3" — how a row names the sources it rests on. */
        String shortLine() {
            return "[" + n + "] " + (title == null || title.isBlank() ? "Sans titre" : title)
                    + (page == null ? "" : ", p. " + page);
        }
    }

    /**
     * A warning that was open when the draft was validated, and that the validator acknowledged.
     *
     * @param location where it was: "Brouillon", "Ligne 2" or "Ligne 2, Référence"
     * @param message the warning, in French
     * @param acknowledgedBy display name of who acknowledged it
     * @param acknowledgedAt when
     */
    public record AcknowledgedWarning(String location, String message, String acknowledgedBy, Instant acknowledgedAt) {

        public AcknowledgedWarning {
            requireText(location, "location");
            requireText(message, "message");
            requireText(acknowledgedBy, "acknowledgedBy");
            Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        }

        /** "acquitté par Jeanne Dupont le 22/11/2026 à 14:05". */
        String acknowledgement() {
            return "acquitté par " + ExportProvenance.oneLine(acknowledgedBy) + " le "
                    + ExportProvenance.frenchDateTime(acknowledgedAt);
        }
    }

    /** The title of the annex that lists the acknowledged warnings. */
    static final String ANNEX_TITLE = "Annexe — avertissements acquittés à la validation";

    /** The column titles of the annex, in every format that shows it as a table. */
    static final List<String> ANNEX_HEADERS = List.of("Emplacement", "Avertissement", "Acquitté par", "Le");

    /** The annex as rows of {@link #ANNEX_HEADERS}. */
    List<List<String>> annexRows() {
        return acknowledgedWarnings.stream()
                .map(w -> List.of(w.location(), w.message(), ExportProvenance.oneLine(w.acknowledgedBy()),
                        ExportProvenance.frenchDateTime(w.acknowledgedAt())))
                .toList();
    }
}
