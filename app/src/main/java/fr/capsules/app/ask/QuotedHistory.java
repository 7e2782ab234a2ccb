package fr.capsules.app.ask;

import java.util.regex.Pattern;

/**
 * Takes the quoted history off a question pasted from an e-mail, so that retrieval searches what
 * the agent asks and not every message of the thread: lines quoted with {@code >}, and everything
 * from the first reply header on ("De : … Envoyé : …", "From: … Sent: …", "-----Message d'origine-----",
 * "Le … a écrit :").
 */
final class QuotedHistory {

    private static final Pattern QUOTED_LINE = Pattern.compile("(?m)^[ \\t]*>.*(\\R|$)");
    /** A reply header starts the history: Outlook's block in French or English, or a separator line. */
    private static final Pattern HEADER = Pattern.compile(
            "(?im)^[ \\t]*(?:(?:de|from)[ \\t]*:.*\\R(?:.*\\R){0,3}?[ \\t]*(?:envoyé|sent|date)[ \\t]*:"
                    + "|-{2,}[ \\t]*(?:message d'origine|original message|message transféré|forwarded message)"
                    + "|le .{4,80} a écrit[ \\t]*:"
                    + "|on .{4,80} wrote[ \\t]*:)");

    private QuotedHistory() {}

    /**
     * @param text the question without its quoted history
     * @param removedChars how many characters were taken off (0 when nothing was)
     */
    record Stripped(String text, int removedChars) {}

    /** The question without its quoted history; the text unchanged when nothing would be left. */
    static Stripped strip(String question) {
        String text = question;
        var header = HEADER.matcher(text);
        if (header.find()) {
            text = text.substring(0, header.start());
        }
        text = QUOTED_LINE.matcher(text).replaceAll("").strip();
        if (text.isBlank()) {
            return new Stripped(question, 0);
        }
        return new Stripped(text, question.length() - text.length());
    }
}
