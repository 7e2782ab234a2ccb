package fr.capsules.app.quota;

/** What a person asks of the model, each with its own limits. */
public enum Activity {
    QUESTION("questions", "question"),
    DRAFT("brouillons", "brouillon");

    private final String plural;
    private final String singular;

    Activity(String plural, String singular) {
        this.plural = plural;
        this.singular = singular;
    }

    String plural() {
        return plural;
    }

    String singular() {
        return singular;
    }
}
