package fr.capsules.app.draft;

import java.util.List;

/** The French sentence that refuses a validation and names each warning left unacknowledged. */
final class UnacknowledgedWarnings {

    /** Beyond this many, the sentence says how many more there are rather than growing without end. */
    private static final int NAMED = 30;

    private UnacknowledgedWarnings() {}

    static String message(List<DraftWarning> unacknowledged) {
        int count = unacknowledged.size();
        StringBuilder message = new StringBuilder("validation impossible : ")
                .append(count == 1 ? "un avertissement n'a pas été acquitté" : count + " avertissements n'ont pas été acquittés")
                .append(". Relisez chacun, puis cochez-le dans la fenêtre « Valider » (par l'API : envoyez son identifiant"
                        + " dans « acknowledgedWarnings ») : ");
        for (int i = 0; i < Math.min(count, NAMED); i++) {
            DraftWarning warning = unacknowledged.get(i);
            message.append(i == 0 ? "" : " ; ").append(warning.location()).append(" — « ").append(warning.message())
                    .append(" » [").append(warning.id()).append(']');
        }
        if (count > NAMED) {
            message.append(" ; et ").append(count - NAMED).append(" autres");
        }
        return message.append('.').toString();
    }
}
