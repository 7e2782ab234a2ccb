package fr.capsules.app.ask;

import fr.capsules.app.kernel.InvalidRequestException;

/** A conversation's title: its first question, shortened, until its owner chooses one. */
final class ConversationTitle {

    static final int MAX = 120;

    private ConversationTitle() {}

    /** The title a new conversation gets from its first question: one line, at most {@value #MAX} characters. */
    static String of(String firstQuestion) {
        String line = firstQuestion.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX ? line : line.substring(0, MAX - 1).stripTrailing() + "…";
    }

    /** A title chosen by the owner, checked. */
    static String chosen(String title) {
        String line = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            throw new InvalidRequestException("le titre de la conversation est vide : saisissez quelques mots");
        }
        if (line.length() > MAX) {
            throw new InvalidRequestException("le titre de la conversation dépasse " + MAX + " caractères");
        }
        return line;
    }
}
