package fr.capsules.app.capsule;

/**
 * One thing wrong in a capsule definition.
 *
 * @param source the file (or "requête" for the API) the definition came from
 * @param field the field path, e.g. {@code table.columns[2].values}; empty when the whole file is
 *     at fault
 * @param message what is wrong, in French
 */
public record DefinitionProblem(String source, String field, String message) {

    @Override
    public String toString() {
        return source + (field.isEmpty() ? "" : " — champ « " + field + " »") + " : " + message;
    }
}
