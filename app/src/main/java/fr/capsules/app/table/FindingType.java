package fr.capsules.app.table;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two kinds of inspection findings: an écart breaches a regulation, a remarque departs from
 * good practice.
 */
public enum FindingType {
    ECART("écart"),
    REMARQUE("remarque");

    private static final Pattern ECART_NAME =
            Pattern.compile("ecarts?(?:\\W.*)?|e\\s?\\d{0,3}|non[- ]?conformites?(?:\\W.*)?");
    private static final Pattern REMARQUE_NAME = Pattern.compile("remarques?(?:\\W.*)?|r\\s?\\d{0,3}");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");

    private final String json;

    FindingType(String json) {
        this.json = json;
    }

    /** The French name used in JSON and tables: "écart" or "remarque". */
    public String json() {
        return json;
    }

    /**
     * The type named by a short value: a type cell ("Écart", "remarque", "E", "Non-conformité",
     * "Écart réglementaire"), or a label ("E1", "R 2"). Case and accents do not matter. This does
     * not read a finding's wording: "Écart de température" is not a type name but a finding.
     *
     * @param value may be null
     * @return the type, or empty when the value names neither or both
     */
    public static Optional<FindingType> detect(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = EDGE_PUNCTUATION.matcher(AccentFolding.fold(value)).replaceAll("");
        if (name.isEmpty() || name.split("\\s+").length > 3) {
            return Optional.empty();
        }
        // "Écart / remarque" is a column title, not a type.
        boolean ecart = ECART_NAME.matcher(name).matches() && !name.contains("remarque");
        boolean remarque = REMARQUE_NAME.matcher(name).matches() && !name.contains("ecart");
        if (ecart == remarque) {
            return Optional.empty();
        }
        return Optional.of(ecart ? ECART : REMARQUE);
    }
}
